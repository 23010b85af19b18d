package io.layercount.pytorch.table;

import io.layercount.core.model.Arguments;
import io.layercount.core.model.Layer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A mutable row-to-be-layer while a table is read; {@link #toLayer()} freezes a whole tree. */
final class LayerNode {
  final String name;
  final String typeName;
  final int line;
  final int depth;
  final Map<String, String> arguments = new LinkedHashMap<>();
  final List<LayerNode> children = new ArrayList<>();
  Layer.Stated stated = Layer.Stated.NONE;

  LayerNode(String name, String typeName, int depth, int line) {
    this.name = name;
    this.typeName = typeName;
    this.depth = depth;
    this.line = line;
  }

  /** Builds the immutable tree below this node without recursion (input depth is unbounded). */
  Layer toLayer() {
    List<LayerNode> preOrder = new ArrayList<>();
    Deque<LayerNode> stack = new ArrayDeque<>();
    stack.push(this);
    while (!stack.isEmpty()) {
      LayerNode n = stack.pop();
      preOrder.add(n);
      for (LayerNode c : n.children) {
        stack.push(c);
      }
    }
    Map<LayerNode, Layer> built = new IdentityHashMap<>();
    for (int k = preOrder.size() - 1; k >= 0; k--) {
      LayerNode n = preOrder.get(k);
      List<Layer> kids = new ArrayList<>(n.children.size());
      for (LayerNode c : n.children) {
        kids.add(built.get(c));
      }
      built.put(n, new Layer(n.name, n.typeName, n.arguments(), kids, 1, n.stated, n.line));
    }
    return built.get(this);
  }

  private Arguments arguments() {
    if (arguments.isEmpty()) {
      return Arguments.NONE;
    }
    StringBuilder raw = new StringBuilder();
    for (Map.Entry<String, String> e : arguments.entrySet()) {
      if (raw.length() > 0) {
        raw.append(", ");
      }
      raw.append(e.getKey()).append('=').append(e.getValue());
    }
    return new Arguments(raw.toString(), List.of(), arguments);
  }
}
