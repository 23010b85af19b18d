package io.layercount.cli;

import io.layercount.core.Analysis;
import io.layercount.core.LayerFacts;
import io.layercount.core.model.Network;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Function;

/**
 * The network as a Graphviz digraph: containers as clusters, a collapsed run once with its
 * {@code ×32}, layer kind by shape and colour, the longest conv/FC path in bold red, the side paths
 * off it (projection shortcuts, parallel branches) dashed. Render with {@code dot -Tsvg}.
 */
final class DotRenderer {
  private DotRenderer() {}

  /** The digraph of {@code a}, or an empty string when no model was recovered. */
  static String render(String file, Analysis a) {
    return render(file, a, LayerFacts::of);
  }

  /** As {@link #render(String, Analysis)}, with each module's facts from {@code facts}. */
  static String render(String file, Analysis a, Function<Network, LayerFacts> facts) {
    LayerTree tree = LayerTree.of(a, facts);
    if (tree == null) {
      return "";
    }
    Diagram diagram = Diagram.full(tree);
    StringBuilder sb = new StringBuilder("digraph layercount {\n");
    sb.append("  graph [rankdir=TB, fontname=\"Helvetica\", fontsize=11, label=")
        .append(quote(caption(file, a, tree))).append(", labelloc=t];\n");
    sb.append("  node [fontname=\"Helvetica\", fontsize=10, style=filled];\n");
    sb.append("  edge [color=\"#555555\"];\n");
    new Clusters(diagram, sb).write();
    for (Diagram.Edge e : diagram.edges()) {
      sb.append("  n").append(e.from()).append(" -> n").append(e.to());
      boolean onPath = !e.dashed() && tree.onDepthPath(e.from()) && tree.onDepthPath(e.to());
      if (e.dashed()) {
        sb.append(" [style=dashed");
        if (e.label() != null) {
          sb.append(", label=").append(quote(e.label())).append(", fontsize=9");
        }
        sb.append(']');
      } else if (onPath) {
        sb.append(" [color=\"").append(KindStyle.DEPTH_COLOUR).append("\", penwidth=2]");
      }
      sb.append(";\n");
    }
    return sb.append("}\n").toString();
  }

  private static String caption(String file, Analysis a, LayerTree tree) {
    String depth = Diagram.depth(a.layers());
    String path = tree.depthListed() ? "longest conv/FC path in red" : "no depth path is listed";
    return file + ": " + tree.root().layer().typeName() + ", depth " + depth + ", "
        + Numbers.grouped(a.parameters().total()) + (a.parameters().exact() ? "" : "+") + " parameters; " + path
        + (tree.graphKnown() ? "; edges as the summary states them" : "; edges follow printed order, side paths dashed");
  }

  /** Writes the open containers as nested clusters and the drawn nodes inside them, without recursion. */
  private static final class Clusters {
    private final Diagram diagram;
    private final StringBuilder sb;

    Clusters(Diagram diagram, StringBuilder sb) {
      this.diagram = diagram;
      this.sb = sb;
    }

    /** A node to write at an indent, or (when {@code close}) the end of a cluster. */
    private record Step(int id, int indent, boolean close) {}

    void write() {
      LayerTree tree = diagram.tree();
      Deque<Step> stack = new ArrayDeque<>();
      stack.push(new Step(0, 0, false));
      while (!stack.isEmpty()) {
        Step step = stack.pop();
        if (step.close()) {
          sb.append("  ".repeat(step.indent())).append("}\n");
          continue;
        }
        LayerTree.Node node = tree.node(step.id());
        if (!diagram.isOpened(node.id())) {
          node(node, step.indent() + 1);
          continue;
        }
        int childIndent = step.indent();
        if (node.id() != 0) {
          childIndent++;
          cluster(node, childIndent);
          stack.push(new Step(node.id(), childIndent, true));
        }
        for (int i = node.children().size() - 1; i >= 0; i--) {
          stack.push(new Step(node.children().get(i), childIndent, false));
        }
      }
    }

    private void cluster(LayerTree.Node node, int indent) {
      String pad = "  ".repeat(indent);
      sb.append(pad).append("subgraph cluster_").append(node.id()).append(" {\n");
      String params = NodeText.parameters(node);
      sb.append(pad).append("  label=").append(quote(NodeText.name(node) + ": " + node.layer().typeName()
          + (params.isEmpty() ? "" : ", " + params))).append(";\n");
      sb.append(pad).append("  style=").append(diagram.tree().offPath().containsKey(node.id()) ? "dashed" : "rounded")
          .append("; color=\"#999999\";\n");
    }

    private void node(LayerTree.Node node, int indent) {
      LayerTree tree = diagram.tree();
      KindStyle style = KindStyle.of(node);
      StringBuilder label = new StringBuilder(NodeText.name(node)).append('\n').append(NodeText.type(node));
      String params = NodeText.parameters(node);
      if (!params.isEmpty()) {
        label.append('\n').append(params);
      }
      String mark = NodeText.depthMark(tree, node);
      if (!mark.isEmpty()) {
        label.append('\n').append(mark);
      }
      sb.append("  ".repeat(indent)).append('n').append(node.id()).append(" [label=").append(quote(label.toString()))
          .append(", shape=").append(style.shape()).append(", fillcolor=\"").append(style.fill()).append('"');
      if (!mark.isEmpty() || (!node.isLeaf() && tree.onDepthPath(node.id()))) {
        sb.append(", color=\"").append(KindStyle.DEPTH_COLOUR).append("\", penwidth=3");
      } else if (tree.excluded().containsKey(node.id())) {
        sb.append(", style=\"filled,dashed\", tooltip=").append(quote(tree.excluded().get(node.id())));
      }
      sb.append("];\n");
    }
  }

  /** A DOT string: quotes and backslashes escaped, line ends as centred line breaks. */
  static String quote(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
  }
}
