package io.layercount.core.internal.count;

import io.layercount.core.model.Layer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The {@code depth} convention on a stated dataflow graph (Keras {@code Connected to}): the longest
 * path over the root's children, each weighing its own conv/FC depth, along
 * {@link Layer.Stated#inbound()} edges. Empty when the edges name unknown layers or form a cycle.
 */
final class GraphDepth {
  private GraphDepth() {}

  static OptionalLong of(Layer root, StructureDepth weights) {
    List<Layer> nodes = root.children();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      index.putIfAbsent(nodes.get(i).name(), i);
    }
    List<List<Integer>> successors = new ArrayList<>();
    int[] indegree = new int[nodes.size()];
    for (int i = 0; i < nodes.size(); i++) {
      successors.add(new ArrayList<>());
    }
    for (int i = 0; i < nodes.size(); i++) {
      for (String inbound : nodes.get(i).stated().inbound()) {
        Integer from = index.get(stripNodeIndex(inbound));
        if (from == null) {
          return OptionalLong.empty();
        }
        successors.get(from).add(i);
        indegree[i]++;
      }
    }
    long[] longest = new long[nodes.size()];
    Deque<Integer> ready = new ArrayDeque<>();
    for (int i = 0; i < nodes.size(); i++) {
      if (indegree[i] == 0) {
        ready.add(i);
      }
    }
    int done = 0;
    long best = 0;
    while (!ready.isEmpty()) {
      int i = ready.poll();
      done++;
      long here = Saturating.add(longest[i], Saturating.multiply(nodes.get(i).repeat(), weights.of(nodes.get(i))));
      best = Math.max(best, here);
      for (int next : successors.get(i)) {
        longest[next] = Math.max(longest[next], here);
        if (--indegree[next] == 0) {
          ready.add(next);
        }
      }
    }
    return done == nodes.size() ? OptionalLong.of(best) : OptionalLong.empty();
  }

  /** {@code conv1[0][0]} → {@code conv1}. */
  private static String stripNodeIndex(String name) {
    int bracket = name.indexOf('[');
    return (bracket > 0 ? name.substring(0, bracket) : name).trim();
  }
}
