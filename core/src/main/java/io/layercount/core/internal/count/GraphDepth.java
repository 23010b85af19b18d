package io.layercount.core.internal.count;

import io.layercount.core.model.Layer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToIntFunction;

/**
 * The {@code depth} convention on a stated dataflow graph (Keras {@code Connected to}): inside every
 * layer with children, the longest conv/FC path over its children along
 * {@link Layer.Stated#connections()}, each child weighing its own depth (a nested model its inner
 * path). A layer called at several sites (a shared encoder) is one graph node per call: the node
 * indices its consumers name ({@code encoder[1][0]}) tell the calls apart, and its own
 * {@code Connected to} items are split evenly among them, in order, as Keras lists them call by call.
 * Children without any connection form a chain in printed order: Keras prints a table without
 * {@code Connected to} only for chain-like models. Computed bottom-up without recursion.
 */
final class GraphDepth {
  /**
   * @param depth the longest path, or empty when the connections form a cycle
   * @param problems what could not be read into the graph, in words
   * @param offPaths for each layer whose children the stated connections join, the children (by
   *     index) that no longest path runs through, with the reason ({@link #OFF_GRAPH_PATH})
   */
  record Result(OptionalLong depth, List<String> problems, Map<Layer, Map<Integer, String>> offPaths) {}

  /** Why a child no longest path of the stated graph runs through is left out of the depth list. */
  static final String OFF_GRAPH_PATH = "on a shorter path of the stated graph";

  private GraphDepth() {}

  /**
   * @param ownWeighted how many conv/FC layers a layer itself is
   * @param edges whether to follow stated connections (else every layer is a chain of its children)
   */
  static Result of(Layer root, ToIntFunction<Layer> ownWeighted, boolean edges) {
    Map<Layer, Long> depth = new IdentityHashMap<>();
    Map<Layer, Map<Integer, String>> offPaths = new IdentityHashMap<>();
    List<String> problems = new ArrayList<>();
    Deque<Layer> stack = new ArrayDeque<>();
    Deque<Boolean> expanded = new ArrayDeque<>();
    stack.push(root);
    expanded.push(false);
    while (!stack.isEmpty()) {
      Layer layer = stack.pop();
      if (!expanded.pop() && !layer.isLeaf()) {
        stack.push(layer);
        expanded.push(true);
        for (Layer child : layer.children()) {
          stack.push(child);
          expanded.push(false);
        }
        continue;
      }
      long inner = 0;
      if (!layer.isLeaf()) {
        OptionalLong path = edges && anyConnection(layer.children())
            ? longestPath(layer, depth, problems, offPaths)
            : OptionalLong.of(chain(layer.children(), depth));
        if (path.isEmpty()) {
          return new Result(OptionalLong.empty(), problems, Map.of());
        }
        inner = path.getAsLong();
      }
      depth.put(layer, Saturating.add(ownWeighted.applyAsInt(layer), inner));
    }
    return new Result(OptionalLong.of(Saturating.multiply(root.repeat(), depth.get(root))), problems, offPaths);
  }

  private static boolean anyConnection(List<Layer> children) {
    for (Layer c : children) {
      if (!c.stated().inbound().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private static long chain(List<Layer> children, Map<Layer, Long> depth) {
    long sum = 0;
    for (Layer c : children) {
      sum = Saturating.add(sum, Saturating.multiply(c.repeat(), depth.get(c)));
    }
    return sum;
  }

  /**
   * Longest path over {@code layer}'s children, a node per call; empty on a cycle. The children that
   * no node of one longest path stands for go into {@code offPaths}, under {@code layer}.
   */
  private static OptionalLong longestPath(Layer layer, Map<Layer, Long> depth, List<String> problems,
      Map<Layer, Map<Integer, String>> offPaths) {
    List<Layer> nodes = layer.children();
    Map<String, Integer> index = new HashMap<>();
    List<List<Layer.Connection>> items = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      index.putIfAbsent(nodes.get(i).name(), i);
      items.add(connections(nodes.get(i).stated()));
    }
    List<TreeSet<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      calls.add(new TreeSet<>());
    }
    for (List<Layer.Connection> list : items) {
      for (Layer.Connection c : list) {
        Integer p = index.get(c.layer());
        if (p != null && c.node() >= 0) {
          calls.get(p).add(c.node());
        }
      }
    }
    int[] base = new int[nodes.size() + 1];
    List<List<Integer>> callIds = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      List<Integer> ids = calls.get(i).isEmpty() ? List.of(0) : new ArrayList<>(calls.get(i));
      callIds.add(ids);
      base[i + 1] = base[i] + ids.size();
    }
    int size = base[nodes.size()];
    List<List<Integer>> successors = new ArrayList<>(size);
    for (int v = 0; v < size; v++) {
      successors.add(new ArrayList<>());
    }
    int[] indegree = new int[size];
    long[] weight = new long[size];
    int unresolved = 0;
    int selfLoops = 0;
    for (int i = 0; i < nodes.size(); i++) {
      List<Layer.Connection> list = items.get(i);
      int k = callIds.get(i).size();
      boolean even = list.size() % k == 0;
      int per = even ? list.size() / k : list.size();
      for (int j = 0; j < k; j++) {
        int to = base[i] + j;
        weight[to] = Saturating.multiply(nodes.get(i).repeat(), depth.get(nodes.get(i)));
        List<Layer.Connection> group = even ? list.subList(j * per, (j + 1) * per) : list;
        for (Layer.Connection c : group) {
          Integer p = index.get(c.layer());
          if (p == null) {
            if (i > 0 || !isImplicitInput(nodes.get(0), c.layer())) {
              unresolved++;
            }
            continue;
          }
          int from = base[p] + Math.max(0, callIds.get(p).indexOf(c.node()));
          if (from >= to && p == i) {
            selfLoops++;
            continue;
          }
          successors.get(from).add(to);
          indegree[to]++;
        }
      }
    }
    if (unresolved > 0) {
      problems.add(unresolved + " connection(s) name no layer listed beside them and were left out of the graph");
    }
    if (selfLoops > 0) {
      problems.add(selfLoops + " connection(s) of a layer called several times could not be assigned to its calls"
          + " and were left out of the graph");
    }
    int[] previous = new int[size];
    int[] end = {-1};
    OptionalLong best = kahn(successors, indegree, weight, previous, end);
    if (best.isPresent()) {
      boolean[] onPath = new boolean[size];
      for (int v = end[0]; v >= 0; v = previous[v]) {
        onPath[v] = true;
      }
      Map<Integer, String> off = new TreeMap<>();
      for (int i = 0; i < nodes.size(); i++) {
        boolean on = false;
        for (int v = base[i]; v < base[i + 1]; v++) {
          on |= onPath[v];
        }
        if (!on) {
          off.put(i, OFF_GRAPH_PATH);
        }
      }
      if (!off.isEmpty()) {
        offPaths.put(layer, off);
      }
    }
    return best;
  }

  /**
   * Whether {@code producer} is the input layer a Keras {@code Sequential} made for its first layer
   * and never lists: {@code dense_input_1} for a {@code Dense} (Keras 1 names it after the class and a
   * number), {@code dense_1_input} for {@code dense_1} (Keras 2). It holds no layer, so the edge from
   * it is no loss.
   */
  static boolean isImplicitInput(Layer first, String producer) {
    if (producer.equals(first.name() + "_input")) {
      return true;
    }
    String prefix = first.typeName().toLowerCase(java.util.Locale.ROOT) + "_input_";
    if (!producer.startsWith(prefix) || producer.length() == prefix.length()) {
      return false;
    }
    for (int k = prefix.length(); k < producer.length(); k++) {
      if (producer.charAt(k) < '0' || producer.charAt(k) > '9') {
        return false;
      }
    }
    return true;
  }

  /** Items of a {@code Connected to} cell; from the inbound names where the parser gave no indices. */
  private static List<Layer.Connection> connections(Layer.Stated s) {
    if (!s.connections().isEmpty()) {
      return s.connections();
    }
    List<Layer.Connection> out = new ArrayList<>();
    for (String name : s.inbound()) {
      int bracket = name.indexOf('[');
      int node = -1;
      if (bracket > 0) {
        int close = name.indexOf(']', bracket);
        try {
          node = close > bracket ? Integer.parseInt(name.substring(bracket + 1, close)) : -1;
        } catch (NumberFormatException e) {
          node = -1;
        }
      }
      out.add(new Layer.Connection((bracket > 0 ? name.substring(0, bracket) : name).trim(), node, -1));
    }
    return out;
  }

  /**
   * The longest path's weight by Kahn's order; empty on a cycle. {@code previous} receives each
   * node's predecessor on its longest way in (-1 for none), {@code end[0]} the node the first
   * longest path found ends at.
   */
  private static OptionalLong kahn(List<List<Integer>> successors, int[] indegree, long[] weight, int[] previous,
      int[] end) {
    int size = weight.length;
    long[] longest = new long[size];
    Arrays.fill(previous, -1);
    Deque<Integer> ready = new ArrayDeque<>();
    for (int v = 0; v < size; v++) {
      if (indegree[v] == 0) {
        ready.add(v);
      }
    }
    int done = 0;
    long best = 0;
    while (!ready.isEmpty()) {
      int v = ready.poll();
      done++;
      long here = Saturating.add(longest[v], weight[v]);
      if (end[0] < 0 || here > best) {
        best = here;
        end[0] = v;
      }
      for (int next : successors.get(v)) {
        if (previous[next] < 0 || here > longest[next]) {
          longest[next] = here;
          previous[next] = v;
        }
        if (--indegree[next] == 0) {
          ready.add(next);
        }
      }
    }
    return done == size ? OptionalLong.of(best) : OptionalLong.empty();
  }
}
