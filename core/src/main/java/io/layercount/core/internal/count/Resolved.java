package io.layercount.core.internal.count;

import io.layercount.core.internal.rules.Resolution;
import io.layercount.core.internal.rules.RuleTable;
import io.layercount.core.model.Layer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;

/** The rule answer for every node of a module tree, computed once per node (not per occurrence). */
public final class Resolved {
  private final Map<Layer, Resolution> byLayer = new IdentityHashMap<>();

  public Resolved(Layer root, RuleTable rules) {
    Deque<Layer> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      Layer layer = stack.pop();
      if (byLayer.containsKey(layer)) {
        continue;
      }
      byLayer.put(layer, rules.resolve(layer));
      for (Layer child : layer.children()) {
        stack.push(child);
      }
    }
  }

  public Resolution of(Layer layer) {
    return byLayer.get(layer);
  }
}
