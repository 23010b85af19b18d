package io.layercount.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The edges a summary states between the root's children (Keras {@code Connected to}); an opened
 * child (a nested model) is entered at its first drawn node and left from its last, its own nodes
 * chained in printed order.
 */
final class StatedEdges {
  private StatedEdges() {}

  /** The stated edges, or {@code null} when a reference names no layer (then printed order is drawn). */
  static List<Diagram.Edge> of(LayerTree tree, List<Integer> drawn) {
    Map<String, Integer> byName = new HashMap<>();
    for (int child : tree.root().children()) {
      byName.putIfAbsent(tree.node(child).layer().name(), child);
    }
    List<Diagram.Edge> edges = new ArrayList<>();
    for (int child : tree.root().children()) {
      for (String reference : tree.node(child).layer().stated().inbound()) {
        Integer from = resolve(reference, byName);
        if (from == null) {
          return null;
        }
        edges.add(new Diagram.Edge(lastDrawnIn(tree, drawn, from), firstDrawnIn(tree, drawn, child), false, null));
      }
      int end = tree.subtreeEnd(child);
      Integer previous = null;
      for (int id : drawn) {
        if (id > child && id < end) {
          if (previous != null) {
            edges.add(new Diagram.Edge(previous, id, false, null));
          }
          previous = id;
        }
      }
    }
    return edges;
  }

  /** {@code conv1[0][0]} names {@code conv1}; a name cut with {@code …} names the one layer it starts. */
  private static Integer resolve(String reference, Map<String, Integer> byName) {
    int bracket = reference.indexOf('[');
    String name = (bracket > 0 ? reference.substring(0, bracket) : reference).trim();
    Integer exact = byName.get(name);
    if (exact != null || !name.endsWith("…")) {
      return exact;
    }
    String prefix = name.substring(0, name.length() - 1);
    Integer found = null;
    for (Map.Entry<String, Integer> e : byName.entrySet()) {
      if (e.getKey().startsWith(prefix)) {
        if (found != null) {
          return null;
        }
        found = e.getValue();
      }
    }
    return found;
  }

  private static int firstDrawnIn(LayerTree tree, List<Integer> drawn, int id) {
    for (int d : drawn) {
      if (d >= id && d < tree.subtreeEnd(id)) {
        return d;
      }
    }
    return id;
  }

  private static int lastDrawnIn(LayerTree tree, List<Integer> drawn, int id) {
    int last = id;
    for (int d : drawn) {
      if (d >= id && d < tree.subtreeEnd(id)) {
        last = d;
      }
    }
    return last;
  }
}
