package io.layercount.cli;

import io.layercount.core.Analysis;
import io.layercount.core.LayerFacts;
import io.layercount.core.model.LayerKind;
import io.layercount.core.model.Network;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * The network as a Mermaid flowchart (GitHub renders it in a {@code ```mermaid} block): the same
 * picture as {@link DotRenderer}, with containers opened a level at a time only while at most
 * {@value #MAX_DRAWN} nodes are drawn, and a note saying so.
 */
final class MermaidRenderer {
  static final int MAX_DRAWN = 60;

  private MermaidRenderer() {}

  /** The flowchart of {@code a}, or an empty string when no model was recovered. */
  static String render(String file, Analysis a) {
    return render(file, a, LayerFacts::of);
  }

  /** As {@link #render(String, Analysis)}, with each module's facts from {@code facts}. */
  static String render(String file, Analysis a, Function<Network, LayerFacts> facts) {
    LayerTree tree = LayerTree.of(a, facts);
    if (tree == null) {
      return "";
    }
    Diagram diagram = Diagram.pruned(tree, MAX_DRAWN);
    StringBuilder sb = new StringBuilder();
    sb.append("%% ").append(file).append(": ").append(tree.root().layer().typeName()).append(", depth ")
        .append(Diagram.depth(a.layers())).append(", ")
        .append(Numbers.grouped(a.parameters().total())).append(a.parameters().exact() ? "" : "+")
        .append(" parameters\n");
    sb.append("flowchart TD\n");
    writeNodes(diagram, sb);
    for (Diagram.Edge e : diagram.edges()) {
      sb.append("  n").append(e.from());
      if (!e.dashed()) {
        sb.append(" --> ");
      } else if (e.label() != null) {
        sb.append(" -. ").append(text(e.label())).append(" .-> ");
      } else {
        sb.append(" -.-> ");
      }
      sb.append('n').append(e.to()).append('\n');
    }
    int hidden = diagram.hiddenNodes();
    if (hidden > 0) {
      sb.append("  note[\"").append(text("Pruned for reading: " + hidden + " of " + (tree.nodes().size() - 1)
          + " modules sit inside the closed boxes; layercount --dot or --html shows them all")).append("\"]\n");
      sb.append("  style note fill:#fff8c4,stroke:#c9b400\n");
    }
    styles(diagram, sb);
    return sb.toString();
  }

  /** Subgraphs for open containers, a shaped node for everything drawn; without recursion. */
  private static void writeNodes(Diagram diagram, StringBuilder sb) {
    LayerTree tree = diagram.tree();
    Deque<Integer> stack = new ArrayDeque<>();
    stack.push(0);
    while (!stack.isEmpty()) {
      int id = stack.pop();
      if (id < 0) {
        sb.append("  ".repeat(tree.node(-id - 1).level())).append("end\n");
        continue;
      }
      LayerTree.Node node = tree.node(id);
      String pad = "  ".repeat(Math.max(1, node.level()));
      if (!diagram.isOpened(id)) {
        KindStyle style = KindStyle.of(node);
        StringJoiner label = new StringJoiner("<br/>");
        label.add(text(NodeText.name(node))).add(text(NodeText.type(node)));
        addIfAny(label, NodeText.parameters(node));
        addIfAny(label, NodeText.depthMark(tree, node));
        sb.append(pad).append('n').append(id).append(style.mermaid()).append('"').append(label)
            .append('"').append(style.mermaidClose()).append('\n');
        continue;
      }
      if (id != 0) {
        String params = NodeText.parameters(node);
        sb.append(pad).append("subgraph c").append(id).append("[\"").append(text(NodeText.name(node) + ": "
            + node.layer().typeName() + (params.isEmpty() ? "" : " · " + params))).append("\"]\n");
        stack.push(-id - 1);
      }
      List<Integer> children = node.children();
      for (int i = children.size() - 1; i >= 0; i--) {
        stack.push(children.get(i));
      }
    }
  }

  private static void addIfAny(StringJoiner label, String part) {
    if (!part.isEmpty()) {
      label.add(text(part));
    }
  }

  /** One {@code classDef} per kind drawn, the depth path last so that its border wins. */
  private static void styles(Diagram diagram, StringBuilder sb) {
    LayerTree tree = diagram.tree();
    Map<String, StringJoiner> byClass = new LinkedHashMap<>();
    Map<String, KindStyle> styleOf = new LinkedHashMap<>();
    StringJoiner onPath = new StringJoiner(",");
    StringJoiner offPath = new StringJoiner(",");
    for (int id : diagram.drawn()) {
      LayerTree.Node node = tree.node(id);
      LayerKind kind = KindStyle.drawnKind(node);
      String name = kind.label().replace("-", "");
      styleOf.putIfAbsent(name, KindStyle.of(kind));
      byClass.computeIfAbsent(name, k -> new StringJoiner(",")).add("n" + id);
      if (tree.onDepthPath(id)) {
        onPath.add("n" + id);
      } else if (tree.excluded().containsKey(id) || tree.offPath().containsKey(id)) {
        offPath.add("n" + id);
      }
    }
    byClass.forEach((name, ids) -> {
      sb.append("  classDef ").append(name).append(" fill:").append(styleOf.get(name).fill())
          .append(",stroke:#555555,color:#111111\n");
      sb.append("  class ").append(ids).append(' ').append(name).append('\n');
    });
    if (onPath.length() > 0) {
      sb.append("  classDef depth stroke:").append(KindStyle.DEPTH_COLOUR).append(",stroke-width:3px\n");
      sb.append("  class ").append(onPath).append(" depth\n");
    }
    if (offPath.length() > 0) {
      sb.append("  classDef offpath stroke-dasharray:4 3\n");
      sb.append("  class ").append(offPath).append(" offpath\n");
    }
  }

  /** Label text: Mermaid's entity codes for the characters that would end or break a label. */
  static String text(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"', '<', '>', '#', '&' -> out.append('#').append((int) c).append(';');
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
