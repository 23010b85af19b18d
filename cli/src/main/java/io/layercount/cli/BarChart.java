package io.layercount.cli;

import static io.layercount.cli.HtmlReport.esc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * An inline SVG bar chart of parameters by top-level block. A root with one or two children (a
 * wrapper such as {@code LlamaForCausalLM} around {@code model} and {@code lm_head}) says little, so
 * the biggest container is opened until at least three blocks show.
 */
final class BarChart {
  private static final int MAX_BARS = 16;
  private static final int WIDTH = 640;
  private static final int LABEL = 170;
  private static final int VALUE = 120;
  private static final int BAR_HEIGHT = 22;
  /** Blocks are containers, which the pictures leave white; a bar needs a colour to be seen. */
  private static final String BLOCK_FILL = "#6a8fbf";

  private BarChart() {}

  static void render(StringBuilder sb, LayerTree tree) {
    List<LayerTree.Node> blocks = blocks(tree);
    List<LayerTree.Node> shown = new ArrayList<>();
    for (LayerTree.Node node : blocks) {
      if (node.parameters() > 0) {
        shown.add(node);
      }
    }
    int withoutParameters = blocks.size() - shown.size();
    int others = 0;
    if (shown.size() > MAX_BARS) {
      List<LayerTree.Node> biggest = new ArrayList<>(shown);
      biggest.sort(Comparator.comparingLong(LayerTree.Node::parameters).reversed());
      List<LayerTree.Node> kept = biggest.subList(0, MAX_BARS);
      others = shown.size() - MAX_BARS;
      shown.removeIf(n -> !kept.contains(n));
    }
    sb.append("<h3>Parameters by top-level block</h3>\n");
    if (shown.isEmpty()) {
      sb.append("<p class=\"none\">No block holds parameters.</p>\n");
      return;
    }
    long max = 1;
    for (LayerTree.Node node : shown) {
      max = Math.max(max, node.parameters());
    }
    int height = shown.size() * BAR_HEIGHT + 4;
    sb.append("<svg class=\"chart\" role=\"img\" aria-label=\"parameters by top-level block\" viewBox=\"0 0 ")
        .append(WIDTH).append(' ').append(height).append("\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\">\n");
    int y = 2;
    for (LayerTree.Node node : shown) {
      double length = (WIDTH - LABEL - VALUE) * (double) node.parameters() / max;
      String name = node.displayPath() + (node.layer().repeat() > 1 ? " ×" + node.layer().repeat() : "");
      String value = Numbers.grouped(node.parameters()) + (node.exact() ? "" : "+");
      sb.append("<g><title>").append(esc(name + ": " + node.layer().typeName() + ", " + value + " parameters"))
          .append("</title><text x=\"").append(LABEL - 6).append("\" y=\"").append(y + 15)
          .append("\" text-anchor=\"end\">").append(esc(shorten(name))).append("</text><rect x=\"").append(LABEL)
          .append("\" y=\"").append(y + 3).append("\" height=\"").append(BAR_HEIGHT - 6).append("\" width=\"")
          .append(String.format(Locale.ROOT, "%.1f", Math.max(1, length))).append("\" fill=\"")
          .append(node.isLeaf() ? KindStyle.of(node).fill() : BLOCK_FILL).append("\" stroke=\"#555\"/><text x=\"")
          .append(String.format(Locale.ROOT, "%.1f", LABEL + Math.max(1, length) + 6)).append("\" y=\"").append(y + 15)
          .append("\">").append(value).append("</text></g>\n");
      y += BAR_HEIGHT;
    }
    sb.append("</svg>\n");
    if (others > 0 || withoutParameters > 0) {
      sb.append("<p class=\"note\">");
      if (others > 0) {
        sb.append(blocks(others)).append(" with fewer parameters not drawn. ");
      }
      if (withoutParameters > 0) {
        sb.append(blocks(withoutParameters)).append(" without parameters not drawn.");
      }
      sb.append("</p>\n");
    }
  }

  /** The root's children, the biggest container opened while fewer than three show. */
  static List<LayerTree.Node> blocks(LayerTree tree) {
    List<LayerTree.Node> blocks = new ArrayList<>();
    tree.root().children().forEach(id -> blocks.add(tree.node(id)));
    if (tree.root().isLeaf()) {
      blocks.add(tree.root());
    }
    while (blocks.size() < 3) {
      LayerTree.Node biggest = null;
      for (LayerTree.Node node : blocks) {
        if (!node.isLeaf() && node.layer().repeat() == 1
            && (biggest == null || node.parameters() > biggest.parameters())) {
          biggest = node;
        }
      }
      if (biggest == null) {
        break;
      }
      int at = blocks.indexOf(biggest);
      blocks.remove(at);
      List<LayerTree.Node> children = new ArrayList<>();
      biggest.children().forEach(id -> children.add(tree.node(id)));
      blocks.addAll(at, children);
    }
    return blocks;
  }

  private static String blocks(int n) {
    return n == 1 ? "1 block" : n + " blocks";
  }

  private static String shorten(String name) {
    return name.length() <= 26 ? name : "…" + name.substring(name.length() - 25);
  }
}
