package io.layercount.pytorch;

import io.layercount.core.Diagnostic;
import io.layercount.core.spi.Source;
import java.util.ArrayList;
import java.util.List;

/**
 * A printout whose indent was widened, its levels 3 to 8 spaces apart rather than PyTorch's 2 (an
 * editor or a page that indents by 4, a copy through a tool that doubles the spaces): the text is
 * read with each of its steps as 2 spaces, wherever every indented line sits a whole number of such
 * steps in, so that the levels are where the printout had them. Read as it is, such a text has no
 * child 2 spaces in: it was "no model found", or a small module of it was taken for the printout.
 */
final class PrintoutIndent {
  /** A PyTorch printout's indent step. */
  static final int STEP = 2;
  /** The widest step read as one: a wider one is not a level of a printout. */
  static final int WIDEST = 8;

  private PrintoutIndent() {}

  /**
   * The text to read as a printout: {@code source} itself, or read in steps of 2 where its step is
   * wider, which is then said in {@code notes} (an {@code info} diagnostic; {@code null}: not said).
   */
  static Source of(Source source, List<Diagnostic> notes) {
    int step = source.indentStep();
    if (step <= STEP || step > WIDEST) {
      return source;
    }
    if (notes != null) {
      notes.add(Diagnostic.info(0, 0, "read an indent of " + step + " spaces as one level of the printout (PyTorch"
          + " indents by " + STEP + "): every indented line is a whole number of " + step + "-space steps in"));
    }
    return source.reindented(step, STEP);
  }

  /**
   * {@code source}, or, where every line of it starts at the left edge (or blocks' first children
   * stand at their opener's indent, at least twice: an indent lost in places) and it holds blocks of
   * module lines ({@code (key): Type(}, then {@code )}), its lines indented again by their blocks,
   * 2 spaces a level: each line a block's {@code (} ends opens a level, each line that starts with
   * {@code )} closes one. A printout pasted into Markdown without a code fence so loses its indent,
   * and Markdown's escape of an underscore ({@code \_Wrapper(}) is read as the underscore. Said in
   * {@code notes}. Read only where the printout read as it was fell apart.
   */
  static Source byParentheses(Source source, List<Diagnostic> notes) {
    List<Source.Line> lines = source.lines();
    int openers = 0;
    int children = 0;
    boolean anyIndent = false;
    // a block's first line not indented past its opener: the indent was lost there, if not everywhere
    int broken = 0;
    Source.Line previous = null;
    for (Source.Line line : lines) {
      if (line.isBlank()) {
        continue;
      }
      anyIndent |= line.indent() > 0;
      String t = line.text().substring(line.indent());
      openers += t.endsWith("(") ? 1 : 0;
      children += PrintoutStart.isChild(t, 0) ? 1 : 0;
      if (previous != null && previous.text().endsWith("(") && !t.startsWith(")") && line.indent() <= previous.indent()
          && PrintoutStart.isChild(t, 0)) {
        broken++;
      }
      previous = line;
    }
    // every line at the left edge, or some blocks' children at their opener's indent
    if (openers < 2 || children == 0 || anyIndent && broken < 2) {
      return source;
    }
    List<Source.Line> indented = new ArrayList<>(lines.size());
    int depth = 0;
    for (Source.Line line : lines) {
      String t = line.text().substring(line.indent()).replace("\\_", "_");
      if (line.isBlank()) {
        indented.add(line);
        continue;
      }
      if (t.startsWith(")") || t.startsWith("}")) {
        depth = Math.max(0, depth - 1);
      }
      int indent = STEP * depth;
      indented.add(new Source.Line(line.number(), line.offset() - indent + (line.text().length() - t.length()),
          " ".repeat(indent) + t, indent));
      if (t.endsWith("(") || t.endsWith("{")) {
        depth++;
      }
    }
    notes.add(Diagnostic.info(0, 0, "indented the printout again by its blocks, 2 spaces a level: " + (anyIndent
        ? "blocks' children stood at their opener's indent (a printout whose indent was lost in places)"
        : "every line of it started at the left edge (a printout pasted where its indent was lost, as Markdown"
            + " outside a code block does)")));
    return source.withLines(indented);
  }
}
