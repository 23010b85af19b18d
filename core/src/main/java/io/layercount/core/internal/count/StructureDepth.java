package io.layercount.core.internal.count;

import io.layercount.core.model.Layer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The {@code depth} convention inferred from the module tree: each module's own conv/FC layers plus
 * its children in printed order, except that bypasses, auxiliary heads and parallel branches (see
 * {@link ChildRole}) do not add up. Computed bottom-up with an explicit stack; also remembers, per
 * module, which children fell off the longest path and why.
 */
final class StructureDepth {
  private final Map<Layer, Long> depth = new IdentityHashMap<>();
  private final Map<Layer, Map<Integer, String>> excluded = new IdentityHashMap<>();

  StructureDepth(Layer root, ToIntFunction<Layer> ownWeighted) {
    Deque<Layer> stack = new ArrayDeque<>();
    Deque<Boolean> expanded = new ArrayDeque<>();
    stack.push(root);
    expanded.push(false);
    while (!stack.isEmpty()) {
      Layer layer = stack.pop();
      boolean childrenDone = expanded.pop();
      if (childrenDone || layer.isLeaf()) {
        depth.put(layer, Saturating.add(ownWeighted.applyAsInt(layer), combineChildren(layer)));
        continue;
      }
      stack.push(layer);
      expanded.push(true);
      for (Layer child : layer.children()) {
        stack.push(child);
        expanded.push(false);
      }
    }
  }

  /** The longest conv/FC path through {@code layer} (one occurrence). */
  long of(Layer layer) {
    return depth.getOrDefault(layer, 0L);
  }

  /** Children of {@code layer} (by index) off the longest path, with the reason. */
  Map<Integer, String> excludedChildren(Layer layer) {
    return excluded.getOrDefault(layer, Map.of());
  }

  private long combineChildren(Layer layer) {
    List<Layer> children = layer.children();
    int qkv = 0;
    for (Layer c : children) {
      qkv += ChildRole.isQkv(c.name()) ? 1 : 0;
    }
    long sequence = 0;
    long bypass = 0;
    int bypassIndex = -1;
    Map<String, Branch> branches = new LinkedHashMap<>();
    Map<Integer, String> off = new LinkedHashMap<>();
    for (int i = 0; i < children.size(); i++) {
      Layer c = children.get(i);
      long d = Saturating.multiply(c.repeat(), of(c));
      ChildRole role = ChildRole.of(c.name(), qkv >= 2);
      switch (role.kind()) {
        case SEQUENCE:
          sequence = Saturating.add(sequence, d);
          break;
        case BYPASS:
          if (d > bypass || bypassIndex < 0) {
            bypass = d;
            bypassIndex = i;
          }
          break;
        case AUXILIARY:
          off.put(i, "auxiliary head, off the main path");
          break;
        default:
          branches.computeIfAbsent(role.group(), g -> new Branch()).add(role.step(), i, d);
      }
    }
    Branch longest = null;
    for (Branch b : branches.values()) {
      if (longest == null || b.length() > longest.length()) {
        longest = b;
      }
    }
    long main = Saturating.add(sequence, longest == null ? 0 : longest.length());
    for (Branch b : branches.values()) {
      b.excludeAllBut(b == longest, off);
    }
    if (bypassIndex >= 0 && bypass > main) {
      for (int i = 0; i < children.size(); i++) {
        ChildRole.Kind k = ChildRole.of(children.get(i).name(), qkv >= 2).kind();
        if (k == ChildRole.Kind.SEQUENCE || k == ChildRole.Kind.PARALLEL) {
          off.put(i, "on a shorter path than the bypass '" + children.get(bypassIndex).name() + "'");
        }
      }
      main = bypass;
    } else {
      for (int i = 0; i < children.size(); i++) {
        if (ChildRole.of(children.get(i).name(), qkv >= 2).kind() == ChildRole.Kind.BYPASS) {
          off.put(i, "projection shortcut, on a shorter path");
        }
      }
    }
    if (!off.isEmpty()) {
      excluded.put(layer, off);
    }
    return main;
  }

  /** One parallel branch: steps run in order, members of one step side by side. */
  private static final class Branch {
    private final Map<Integer, long[]> longestPerStep = new LinkedHashMap<>();
    private final Map<Integer, Integer> members = new HashMap<>();

    void add(int step, int index, long depth) {
      long[] best = longestPerStep.get(step);
      if (best == null || depth > best[0]) {
        longestPerStep.put(step, new long[] {depth, index});
      }
      members.put(index, step);
    }

    long length() {
      long sum = 0;
      for (long[] best : longestPerStep.values()) {
        sum = Saturating.add(sum, best[0]);
      }
      return sum;
    }

    void excludeAllBut(boolean chosen, Map<Integer, String> off) {
      for (Map.Entry<Integer, Integer> m : members.entrySet()) {
        boolean onPath = chosen && longestPerStep.get(m.getValue())[1] == m.getKey();
        if (!onPath) {
          off.put(m.getKey(), "parallel branch, on a shorter path");
        }
      }
    }
  }
}
