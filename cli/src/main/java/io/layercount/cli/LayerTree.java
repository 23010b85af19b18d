package io.layercount.cli;

import io.layercount.core.Analysis;
import io.layercount.core.Analysis.Explanation.Exclusion;
import io.layercount.core.Convention;
import io.layercount.core.LayerFacts;
import io.layercount.core.model.Layer;
import io.layercount.core.model.LayerKind;
import io.layercount.core.model.Network;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The module tree of one analysis as the pictures draw it: every printed node once (a collapsed run
 * stays one node), numbered in printed order, with its kind, its parameters, and what each
 * convention made of it. Built without recursion, from {@link Analysis#network()} and
 * {@link Analysis#explanation()}.
 */
final class LayerTree {
  /**
   * One drawn node.
   *
   * @param id its index in {@link #nodes()} (printed order, parents first)
   * @param layer the module
   * @param path its first occurrence's path, as {@code named_modules()} names it ({@code ""} for the root)
   * @param parent the parent's id, -1 for the root
   * @param level 0 for the root
   * @param kind what the layer does
   * @param parameters parameters of all its occurrences, children included
   * @param exact whether every count in it is known and exact
   */
  record Node(int id, Layer layer, String path, int parent, int level, List<Integer> children, LayerKind kind,
      long parameters, boolean exact) {
    boolean isLeaf() {
      return children.isEmpty();
    }

    /** {@code model.layers.0-31}: the path with the run's range; {@code (root)} for the root. */
    String displayPath() {
      return parent < 0 ? "(root)" : path.substring(0, path.lastIndexOf('.') + 1) + displayName();
    }

    /** {@code 0-31} for a run of 32 numbered modules, else the name. */
    String displayName() {
      if (parent < 0) {
        return layer.typeName();
      }
      if (layer.repeat() > 1) {
        return layer.name() + "-" + layer.occurrenceName(layer.repeat() - 1);
      }
      return layer.name();
    }
  }

  private final List<Node> nodes;
  private final Map<Convention, Map<Integer, Integer>> counted;
  private final Map<Integer, String> excluded;
  private final Map<Integer, String> offPath;
  private final Paths paths;
  private final boolean graphKnown;

  private LayerTree(List<Node> nodes, Map<Convention, Map<Integer, Integer>> counted, Map<Integer, String> excluded,
      Map<Integer, String> offPath, Paths paths, boolean graphKnown) {
    this.nodes = nodes;
    this.paths = paths;
    this.graphKnown = graphKnown;
    this.counted = counted;
    this.excluded = excluded;
    this.offPath = offPath;
  }

  /** The tree of {@code a}, or {@code null} when no model was recovered. */
  static LayerTree of(Analysis a) {
    return of(a, LayerFacts::of);
  }

  /** As {@link #of(Analysis)}, with each module's kind and parameters from {@code factsOf}. */
  static LayerTree of(Analysis a, Function<Network, LayerFacts> factsOf) {
    if (!a.ok() || a.network() == null) {
      return null;
    }
    LayerFacts facts = factsOf.apply(a.network());
    List<Node> nodes = number(facts);
    Paths paths = new Paths(nodes);
    Map<Convention, Map<Integer, Integer>> counted = new EnumMap<>(Convention.class);
    a.explanation().counted().forEach((convention, list) -> {
      Map<Integer, Integer> tally = new LinkedHashMap<>();
      for (String path : list) {
        Integer id = paths.find(path);
        if (id != null) {
          tally.merge(id, 1, Integer::sum);
        }
      }
      counted.put(convention, tally);
    });
    Map<Integer, String> excluded = new LinkedHashMap<>();
    for (Exclusion e : a.explanation().excluded().getOrDefault(Convention.DEPTH, List.of())) {
      Integer id = paths.find(e.path());
      if (id != null) {
        excluded.putIfAbsent(id, e.reason());
      }
    }
    Map<Integer, Integer> depth = counted.getOrDefault(Convention.DEPTH, Map.of());
    excluded.keySet().removeIf(depth::containsKey);
    Map<Integer, String> offPath = offPathSubtrees(nodes, counted.getOrDefault(Convention.WEIGHTED, Map.of()), excluded);
    return new LayerTree(List.copyOf(nodes), Collections.unmodifiableMap(counted), excluded, offPath, paths,
        a.network().graphKnown());
  }

  /** The id of the node an occurrence path names ({@code model.layers.7.mlp} is in the run {@code 0-31}), or {@code null}. */
  Integer find(String path) {
    return paths.find(path);
  }

  List<Node> nodes() {
    return nodes;
  }

  Node root() {
    return nodes.get(0);
  }

  Node node(int id) {
    return nodes.get(id);
  }

  /** Node id → how many of its occurrences {@code convention} counted (empty when it lists none). */
  Map<Integer, Integer> counted(Convention convention) {
    return counted.getOrDefault(convention, Map.of());
  }

  /** Conv/FC node id → why {@code depth} left it out. */
  Map<Integer, String> excluded() {
    return excluded;
  }

  /**
   * The largest subtrees off the longest path (a projection shortcut, a parallel branch), by the id
   * of their top node, with the reason: every conv/FC layer in them was left out of {@code depth}.
   */
  Map<Integer, String> offPath() {
    return offPath;
  }

  /** Whether the text states which layer feeds which (Keras {@code Connected to}) between the root's children. */
  boolean graphKnown() {
    return graphKnown;
  }

  /** Whether a depth path is listed (none where no conv/FC layer lies on it, or the explanation was cut). */
  boolean depthListed() {
    return !counted(Convention.DEPTH).isEmpty();
  }

  /** Whether {@code id} or a node below it is on the listed depth path. */
  boolean onDepthPath(int id) {
    Map<Integer, Integer> depth = counted(Convention.DEPTH);
    int end = subtreeEnd(id);
    for (int i = id; i < end; i++) {
      if (depth.containsKey(i)) {
        return true;
      }
    }
    return false;
  }

  /** One past the last id of the subtree under {@code id} (ids are in preorder). */
  int subtreeEnd(int id) {
    int level = nodes.get(id).level();
    int end = id + 1;
    while (end < nodes.size() && nodes.get(end).level() > level) {
      end++;
    }
    return end;
  }

  /** Nodes in preorder with their first-occurrence paths, parameters summed bottom-up. */
  private static List<Node> number(LayerFacts facts) {
    record Pending(Layer layer, String path, int parent, int level) {}
    List<Pending> order = new ArrayList<>();
    Deque<Pending> stack = new ArrayDeque<>();
    stack.push(new Pending(facts.root(), "", -1, 0));
    while (!stack.isEmpty()) {
      Pending p = stack.pop();
      int id = order.size();
      order.add(p);
      List<Layer> children = p.layer().children();
      for (int i = children.size() - 1; i >= 0; i--) {
        Layer child = children.get(i);
        String path = p.path().isEmpty() ? child.name() : p.path() + "." + child.name();
        stack.push(new Pending(child, path, id, p.level() + 1));
      }
    }
    int n = order.size();
    long[] perOccurrence = new long[n];
    boolean[] exact = new boolean[n];
    List<List<Integer>> children = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      LayerFacts.Fact fact = facts.of(order.get(i).layer());
      perOccurrence[i] = fact == null ? 0 : fact.ownParameters();
      exact[i] = fact != null && fact.known() && fact.exact();
      children.add(new ArrayList<>());
    }
    for (int i = n - 1; i > 0; i--) {
      int parent = order.get(i).parent();
      Layer layer = order.get(i).layer();
      perOccurrence[parent] = saturatedSum(perOccurrence[parent], layer.repeat(), perOccurrence[i]);
      exact[parent] &= exact[i];
      children.get(parent).add(0, i);
    }
    List<Node> nodes = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Pending p = order.get(i);
      LayerFacts.Fact fact = facts.of(p.layer());
      nodes.add(new Node(i, p.layer(), p.path(), p.parent(), p.level(), List.copyOf(children.get(i)),
          fact == null ? LayerKind.UNKNOWN : fact.kind(),
          saturatedSum(0, p.layer().repeat(), perOccurrence[i]), exact[i]));
    }
    return nodes;
  }

  /** {@code sum + times * each}, stuck at {@link Long#MAX_VALUE}: nested runs can pass 63 bits. */
  private static long saturatedSum(long sum, long times, long each) {
    try {
      return Math.addExact(sum, Math.multiplyExact(times, each));
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  /**
   * A node is off the path when it holds at least one conv/FC layer and depth left out every one
   * of them; only the topmost such node of each subtree is kept.
   */
  private static Map<Integer, String> offPathSubtrees(List<Node> nodes, Map<Integer, Integer> weighted,
      Map<Integer, String> excluded) {
    int n = nodes.size();
    boolean[] any = new boolean[n];
    boolean[] all = new boolean[n];
    String[] reason = new String[n];
    for (int i = 0; i < n; i++) {
      all[i] = true;
      if (weighted.containsKey(i)) {
        any[i] = true;
        all[i] = excluded.containsKey(i);
        reason[i] = excluded.get(i);
      }
    }
    for (int i = n - 1; i > 0; i--) {
      int parent = nodes.get(i).parent();
      any[parent] |= any[i];
      all[parent] &= all[i];
      if (reason[parent] == null) {
        reason[parent] = reason[i];
      }
    }
    Map<Integer, String> out = new LinkedHashMap<>();
    for (int i = 1; i < n; i++) {
      int parent = nodes.get(i).parent();
      boolean parentOff = any[parent] && all[parent];
      if (any[i] && all[i] && !parentOff) {
        out.put(i, reason[i]);
      }
    }
    return out;
  }

  /** Finds the node of any occurrence path, runs included ({@code layers.7} is in {@code layers.0-31}). */
  private static final class Paths {
    private final List<Node> nodes;
    private final List<Map<String, Integer>> byName = new ArrayList<>();

    Paths(List<Node> nodes) {
      this.nodes = nodes;
      for (Node node : nodes) {
        Map<String, Integer> names = new HashMap<>();
        for (int child : node.children()) {
          names.putIfAbsent(nodes.get(child).layer().name(), child);
        }
        byName.add(names);
      }
    }

    Integer find(String path) {
      if (path.isEmpty()) {
        return 0;
      }
      int at = 0;
      for (String name : path.split("\\.", -1)) {
        Integer next = byName.get(at).get(name);
        if (next == null) {
          next = inRun(at, name);
        }
        if (next == null) {
          return null;
        }
        at = next;
      }
      return at;
    }

    private Integer inRun(int parent, String name) {
      long n;
      try {
        n = Long.parseLong(name);
      } catch (NumberFormatException e) {
        return null;
      }
      for (int child : nodes.get(parent).children()) {
        Layer layer = nodes.get(child).layer();
        if (layer.repeat() > 1) {
          try {
            long first = Long.parseLong(layer.name());
            if (n >= first && n < first + layer.repeat()) {
              return child;
            }
          } catch (NumberFormatException e) {
            // a run whose name is not a number has occurrences named name#1, ...: not this one
          }
        }
      }
      return null;
    }
  }
}
