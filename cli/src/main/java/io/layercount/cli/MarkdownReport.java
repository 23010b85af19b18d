package io.layercount.cli;

import io.layercount.core.Analysis;
import io.layercount.core.Convention;
import io.layercount.core.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report as GitHub-flavoured Markdown, for pasting into issues and pull requests: the
 * conventions with their meanings, the parameters, the leaf layers by type, the diagnostics.
 */
final class MarkdownReport {
  private MarkdownReport() {}

  /**
   * The report on analysis {@code a} of {@code file}.
   *
   * @param several whether the file holds more than one summary (then the heading says which)
   */
  static String render(String file, Analysis a, boolean several) {
    StringBuilder sb = new StringBuilder("### ").append(cell(file));
    if (several) {
      sb.append(" (summary ").append(a.index() + 1).append(')');
    }
    sb.append("\n\n");
    if (!a.ok()) {
      sb.append("No model recovered.\n");
      diagnostics(sb, a.diagnostics());
      return sb.toString();
    }
    sb.append("**").append(cell(TextReport.model(a.model()))).append("**, read as `")
        .append(a.format() == null ? "unknown" : a.format()).append("`\n\n");
    sb.append("| convention | layers | what it counts |\n|---|--:|---|\n");
    for (Convention c : Convention.values()) {
      String n = Numbers.count(a.layers(), c);
      sb.append("| `").append(c.key()).append("` | ").append(a.layers().get(c) == null ? n : "**" + n + "**")
          .append(" | ").append(cell(TextReport.meaning(a, c))).append(" |\n");
    }
    parameters(sb, a);
    types(sb, a.byType());
    diagnostics(sb, a.diagnostics());
    return sb.toString();
  }

  private static void parameters(StringBuilder sb, Analysis a) {
    Analysis.Parameters p = a.parameters();
    sb.append("\n| parameters | |\n|---|--:|\n");
    row(sb, "total", "**" + Numbers.grouped(p.total()) + "** " + cell(TextReport.exactness(a)));
    row(sb, "memory", TextReport.memory(p.total()));
    if (p.trainable() != null) {
      row(sb, "trainable", Numbers.grouped(p.trainable()));
    }
    if (p.nonTrainable() != null) {
      row(sb, "non-trainable", Numbers.grouped(p.nonTrainable()));
    }
    if (p.stated() != null) {
      row(sb, "stated", cell(TextReport.stated(p.stated())));
    }
    if (p.deduplicated() != null) {
      row(sb, "deduplicated", Numbers.grouped(p.deduplicated()) + " (if the tensors the diagnostics name are tied)");
    }
  }

  private static void types(StringBuilder sb, Map<String, Integer> byType) {
    if (byType.isEmpty()) {
      return;
    }
    List<Map.Entry<String, Integer>> entries = new ArrayList<>(byType.entrySet());
    entries.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
    sb.append("\n<details><summary>Leaf layers by type (").append(entries.size()).append(entries.size() == 1 ? " type" : " types").append(")</summary>\n\n");
    sb.append("| type | leaves |\n|---|--:|\n");
    for (Map.Entry<String, Integer> e : entries) {
      row(sb, "`" + cell(e.getKey()) + "`", Numbers.grouped(e.getValue()));
    }
    sb.append("\n</details>\n");
  }

  private static void diagnostics(StringBuilder sb, List<Diagnostic> diagnostics) {
    if (diagnostics.isEmpty()) {
      return;
    }
    sb.append("\nDiagnostics:\n\n");
    for (Diagnostic d : diagnostics) {
      sb.append("- ").append(d.severity().label());
      if (d.line() > 0) {
        sb.append(", line ").append(d.line());
        if (d.column() > 0) {
          sb.append(':').append(d.column());
        }
      }
      sb.append(": ").append(cell(d.message())).append('\n');
    }
  }

  private static void row(StringBuilder sb, String label, String value) {
    sb.append("| ").append(label).append(" | ").append(value).append(" |\n");
  }

  /** Text safe in a table cell: pipes escaped, line ends and the characters GitHub reads as HTML neutralised. */
  static String cell(String text) {
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\r", " ").replace("\n", " ");
  }
}
