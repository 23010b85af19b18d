package io.layercount.cli;

import io.layercount.core.Analysis;
import io.layercount.core.Analysis.Explanation.Exclusion;
import io.layercount.core.Convention;
import io.layercount.core.model.Layer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one convention counted, layer by layer, and for {@code depth} what it left out and why: the
 * answer to "why is ResNet-18 called 18?".
 */
final class ExplainReport {
  private static final int TYPE_WIDTH = 60;

  private ExplainReport() {}

  static String render(String file, Analysis a, Convention convention, boolean several) {
    StringBuilder sb = new StringBuilder(file);
    if (several) {
      sb.append(" (summary ").append(a.index() + 1).append(')');
    }
    sb.append('\n');
    if (!a.ok()) {
      return sb.append("  no model recovered, nothing to explain\n").toString();
    }
    Integer count = a.layers().get(convention);
    sb.append("  ").append(convention.key()).append(a.layers().isLowerBound(convention) ? " " : " = ")
        .append(Numbers.count(a.layers(), convention)).append(": ").append(convention.meaning()).append('\n');
    if (a.layers().isLowerBound(convention)) {
      sb.append("  ").append(TextReport.LOWER_BOUND).append(" (the diagnostics say where)\n");
    }
    if (convention == Convention.DEPTH) {
      sb.append("  ").append("graph".equals(a.layers().depthBasis())
          ? "the longest path follows the connections the summary prints, or its rows where it prints a chain"
          : TextReport.isKeras(a.format())
          ? "the summary shows no connections, and its rows are no chain, so the path was inferred from their"
              + " order and nesting: it may be too long or too short"
          : "the text shows only the module tree, so the dataflow was inferred from its structure").append('\n');
    }
    List<String> counted = a.explanation().counted().getOrDefault(convention, List.of());
    List<Exclusion> excluded = a.explanation().excluded().getOrDefault(convention, List.of());
    if (counted.isEmpty() && excluded.isEmpty()) {
      return sb.append("  no layer list is available for this convention\n").toString();
    }
    Map<String, Layer> byPath = index(a, counted, excluded);
    sb.append('\n').append(convention == Convention.DEPTH
        ? "Counted, in order along the longest path:\n" : "Counted:\n");
    int width = pathWidth(counted, excluded);
    int n = 0;
    for (String path : counted) {
      sb.append(String.format("  %4d  %-" + width + "s  %s%n", ++n, display(path), describe(byPath.get(path))));
    }
    if (!excluded.isEmpty()) {
      sb.append("\nLeft out, and why:\n");
      for (Exclusion e : excluded) {
        sb.append(String.format("        %-" + width + "s  %s: %s%n", display(e.path()), e.reason(),
            describe(byPath.get(e.path()))));
      }
    }
    if (convention == Convention.DEPTH && count != null) {
      sb.append(String.format("%nSo depth is %s%d: the conv/FC layers one input passes through on its longest way"
          + " to the output.%nweighted = %s counts every conv/FC layer, on any path.%n",
          a.layers().isLowerBound(Convention.DEPTH) ? "at least " : "", count,
          Numbers.count(a.layers(), Convention.WEIGHTED)));
      String mismatch = ListRenderer.depthListMismatch(a, counted);
      if (mismatch != null) {
        sb.append("Note: ").append(mismatch).append(".\n");
      }
    }
    return sb.toString();
  }

  private static String display(String path) {
    return path.isEmpty() ? "(root)" : path;
  }

  private static int pathWidth(List<String> counted, List<Exclusion> excluded) {
    int width = 6;
    for (String p : counted) {
      width = Math.max(width, p.length());
    }
    for (Exclusion e : excluded) {
      width = Math.max(width, e.path().length());
    }
    return Math.min(width, 48);
  }

  private static String describe(Layer layer) {
    if (layer == null) {
      return "";
    }
    String args = layer.arguments().raw();
    String text = args.isEmpty() ? layer.typeName() : layer.typeName() + "(" + args + ")";
    return text.length() <= TYPE_WIDTH ? text : text.substring(0, TYPE_WIDTH - 1) + "…";
  }

  /** The layers at the wanted paths, found by walking the tree down each path's names. */
  private static Map<String, Layer> index(Analysis a, List<String> counted, List<Exclusion> excluded) {
    Map<String, Layer> out = new HashMap<>();
    if (a.network() == null) {
      return out;
    }
    Set<String> wanted = new java.util.HashSet<>(counted);
    excluded.forEach(e -> wanted.add(e.path()));
    for (String path : wanted) {
      out.put(path, find(a.network().root(), path));
    }
    return out;
  }

  private static Layer find(Layer root, String path) {
    if (path.isEmpty()) {
      return root;
    }
    Layer at = root;
    for (String name : path.split("\\.", -1)) {
      Layer next = null;
      for (Layer child : at.children()) {
        if (matches(child, name)) {
          next = child;
          break;
        }
      }
      if (next == null) {
        return null;
      }
      at = next;
    }
    return at;
  }

  private static boolean matches(Layer child, String name) {
    if (child.repeat() == 1) {
      return child.name().equals(name);
    }
    try {
      long first = Long.parseLong(child.name());
      long n = Long.parseLong(name);
      return n >= first && n < first + child.repeat();
    } catch (NumberFormatException e) {
      return child.name().equals(name);
    }
  }
}
