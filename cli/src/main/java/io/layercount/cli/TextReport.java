package io.layercount.cli;

import io.layercount.core.Analysis;
import io.layercount.core.Convention;
import io.layercount.core.Diagnostic;
import io.layercount.core.Severity;
import io.layercount.core.model.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** The report for people: what was read, every layer count with its meaning, the parameters. */
final class TextReport {
  private static final String INDENT = "  ";
  private static final int LABEL_WIDTH = 15;

  private TextReport() {}

  /**
   * The report on analysis {@code a} of {@code file}, ending with a line end.
   *
   * @param several whether the file holds more than one summary (then the header says which)
   */
  static String render(String file, Analysis a, boolean several) {
    StringBuilder sb = new StringBuilder();
    sb.append(file);
    if (several) {
      sb.append(" (summary ").append(a.index() + 1).append(')');
    }
    sb.append('\n');
    if (!a.ok()) {
      return sb.append(INDENT).append("no model recovered: ").append(firstError(a)).append('\n').toString();
    }
    field(sb, "format", a.format() == null ? "unknown" : a.format());
    field(sb, "model", model(a.model()));
    sb.append('\n');
    layers(sb, a);
    sb.append('\n');
    parameters(sb, a);
    sb.append('\n');
    types(sb, a.byType());
    return sb.toString();
  }

  static String model(Analysis.Model m) {
    if (m.name() != null && m.rootType() != null) {
      return m.name() + " (" + m.rootType() + ")";
    }
    if (m.name() != null) {
      return m.name();
    }
    return m.rootType() != null ? m.rootType() : "unknown";
  }

  private static void layers(StringBuilder sb, Analysis a) {
    Analysis.LayerCounts counts = a.layers();
    sb.append("Layers, counted each way\n");
    List<String[]> rows = new ArrayList<>();
    for (Convention c : Convention.values()) {
      rows.add(new String[] {c.key(), Numbers.count(counts, c), meaning(a, c)});
    }
    table(sb, rows);
  }

  /** What {@code c} counts, with the basis of a depth and why a count is only a lower bound. */
  static String meaning(Analysis a, Convention c) {
    Analysis.LayerCounts counts = a.layers();
    String meaning = c.meaning();
    if (c == Convention.DEPTH && counts.depth() != null) {
      meaning += "; " + basis(counts.depthBasis(), a.format());
    }
    if (counts.isLowerBound(c)) {
      meaning += "; " + LOWER_BOUND;
    }
    return meaning;
  }

  /** Why a count is a lower bound ({@link Analysis.LayerCounts#lowerBounds}); the diagnostics say where. */
  static final String LOWER_BOUND = "at least: the text does not list every layer";

  static String basis(String depthBasis, String format) {
    if ("graph".equals(depthBasis)) {
      return "traced on the layer graph";
    }
    // a Keras table is read as a graph or a chain; where neither holds, its rows were taken in order
    return isKeras(format) ? "inferred from the rows' order: the summary shows no connections"
        : "inferred from the module structure";
  }

  /** Whether the text was a Keras summary ({@code keras2}, {@code keras3}, ...). */
  static boolean isKeras(String format) {
    return format != null && format.startsWith("keras");
  }

  private static void parameters(StringBuilder sb, Analysis a) {
    Analysis.Parameters p = a.parameters();
    sb.append("Parameters\n");
    field(sb, "total", Numbers.grouped(p.total()) + "  " + exactness(a));
    field(sb, "memory", memory(p.total()));
    if (p.trainable() != null) {
      // a footer's figure above the total its rows add up to (rows left out): say whose it is
      field(sb, "trainable", Numbers.grouped(p.trainable()) + (p.trainable() > p.total()
          ? "  (the footer's: more than the rows shown hold)" : ""));
    }
    if (p.nonTrainable() != null) {
      field(sb, "non-trainable", Numbers.grouped(p.nonTrainable()));
    }
    if (p.stated() != null) {
      field(sb, "stated", stated(p.stated()));
    }
    if (p.deduplicated() != null) {
      field(sb, "deduplicated", Numbers.grouped(p.deduplicated()) + "  (if the tensors the diagnostics name are tied)");
    }
  }

  /**
   * Whether the total is exact, and where it is not, which way it may be off: a lower bound, or, for
   * a table of forward calls (torchsummary, pytorch_model_summary), either way.
   */
  static String exactness(Analysis a) {
    Analysis.Parameters p = a.parameters();
    if (!p.exact() && ("torchsummary".equals(a.format()) || "pytorch-model-summary".equals(a.format()))) {
      return "not exact: the table's rows are forward calls (a module called twice counts twice), and "
          + ("torchsummary".equals(a.format()) ? "it counts only tensors named weight and bias" : "the model's own"
              + " parameters are in no row");
    }
    return exactness(p);
  }

  static String exactness(Analysis.Parameters p) {
    if (p.exact()) {
      return p.assumptions().isEmpty() ? "exact" : "exact for the stated " + p.assumptions().get(0);
    }
    if (p.unknownTypes().isEmpty()) {
      return "lower bound";
    }
    // (a class with no rule, or one whose count the text does not settle: a LayerNorm whose bias it
    // cannot tell; the warnings say which)
    return "lower bound (may hold more than shown: " + String.join(", ", p.unknownTypes()) + ")";
  }

  static String memory(long total) {
    return Numbers.bytes(total * 4) + " at float32, "
        + Numbers.bytes(total * 2) + " at bfloat16, "
        + Numbers.bytes(total) + " at int8, "
        + Numbers.bytes((total + 1) / 2) + " at int4";
  }

  static String stated(Network.StatedTotals s) {
    StringJoiner parts = new StringJoiner(", ", "", "  (the text's own footer)");
    statedPart(parts, "total", s.total());
    statedPart(parts, "trainable", s.trainable());
    statedPart(parts, "non-trainable", s.nonTrainable());
    statedPart(parts, "optimizer", s.optimizer());
    return parts.toString();
  }

  private static void statedPart(StringJoiner parts, String label, Long value) {
    if (value != null) {
      parts.add(label + " " + Numbers.grouped(value));
    }
  }

  /** Leaf layers by type, most frequent first; equal counts keep their order of first appearance. */
  private static void types(StringBuilder sb, Map<String, Integer> byType) {
    sb.append("Leaf layers by type\n");
    if (byType.isEmpty()) {
      sb.append(INDENT).append("none\n");
      return;
    }
    List<Map.Entry<String, Integer>> entries = new ArrayList<>(byType.entrySet());
    entries.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
    List<String[]> rows = new ArrayList<>();
    for (Map.Entry<String, Integer> e : entries) {
      rows.add(new String[] {e.getKey(), Numbers.grouped(e.getValue())});
    }
    table(sb, rows);
  }

  /** Rows of cells: the first column left-aligned, the second right-aligned, the rest as they are. */
  private static void table(StringBuilder sb, List<String[]> rows) {
    int first = 0;
    int second = 0;
    for (String[] row : rows) {
      first = Math.max(first, row[0].length());
      second = Math.max(second, row[1].length());
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder(INDENT)
          .append(row[0]).append(" ".repeat(first - row[0].length() + 2))
          .append(" ".repeat(second - row[1].length())).append(row[1]);
      for (int i = 2; i < row.length; i++) {
        line.append("  ").append(row[i]);
      }
      sb.append(line).append('\n');
    }
  }

  private static void field(StringBuilder sb, String label, String value) {
    sb.append(INDENT).append(label).append(" ".repeat(Math.max(1, LABEL_WIDTH - label.length()))).append(value).append('\n');
  }

  private static String firstError(Analysis a) {
    for (Diagnostic d : a.diagnostics()) {
      if (d.severity() == Severity.ERROR) {
        return d.message();
      }
    }
    return "the text gave no model";
  }
}
