package io.layercount.cli;

import io.layercount.core.Analysis;
import io.layercount.core.Convention;
import io.layercount.core.LayerFacts;
import io.layercount.core.model.Network;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;

/** Writes the view {@code --markdown}, {@code --dot}, {@code --mermaid} or {@code --list} asked for, model by model. */
final class ViewWriter {
  private final Output output;
  private final boolean severalInputs;
  private final Function<Network, LayerFacts> facts;
  private boolean first = true;

  /** @param facts what the rules in force say about each module, for the drawn views */
  ViewWriter(Output output, boolean severalInputs, Function<Network, LayerFacts> facts) {
    this.output = output;
    this.severalInputs = severalInputs;
    this.facts = facts;
  }

  /**
   * Writes the view of one model of {@code file} to {@code out}.
   *
   * @param severalInFile whether the file holds more than one summary
   * @return false when the view has nothing to show for a model that was analysed (a note then
   *     went to {@code err})
   */
  boolean write(PrintStream out, PrintStream err, String file, Analysis a, boolean severalInFile) {
    String text = switch (output.view()) {
      case MARKDOWN -> MarkdownReport.render(file, a, severalInFile);
      case DOT -> DotRenderer.render(file, a, facts);
      case MERMAID -> MermaidRenderer.render(file, a, facts);
      case LIST -> list(err, file, a, severalInFile);
      case REPORT -> throw new IllegalStateException("the report is not a view");
    };
    if (text == null) {
      return false;
    }
    if (!text.isEmpty()) {
      if (!first && output.view() != Output.View.LIST) {
        out.println();
      }
      out.print(text);
      first = false;
    }
    return true;
  }

  private String list(PrintStream err, String file, Analysis a, boolean severalInFile) {
    List<String> paths = ListRenderer.paths(a, output.list());
    if (paths == null) {
      if (a.ok()) {
        err.println("layercount: " + file + ": " + ListRenderer.whyNone(a, output.list()));
        return null;
      }
      return "";
    }
    String labels = ListRenderer.rowLabels(a, paths);
    if (labels != null) {
      err.println("layercount: " + file + ": " + labels);
    }
    if (output.list() == Convention.DEPTH) {
      String mismatch = ListRenderer.depthListMismatch(a, a.explanation().counted().get(Convention.DEPTH));
      if (mismatch != null) {
        err.println("layercount: " + file + ": " + mismatch);
      }
    }
    StringBuilder sb = new StringBuilder();
    if (severalInputs || severalInFile) {
      // a line no module path can be: named_modules() names never start with '#'
      sb.append("# ").append(file);
      if (severalInFile) {
        sb.append(" (summary ").append(a.index() + 1).append(')');
      }
      sb.append('\n');
    }
    paths.forEach(p -> sb.append(p).append('\n'));
    return sb.toString();
  }
}
