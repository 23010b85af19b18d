package io.layercount.core.internal.count;

import io.layercount.core.InputSize;
import io.layercount.core.internal.rules.LayerNormOwners;
import io.layercount.core.internal.rules.Resolution;
import io.layercount.core.internal.rules.RuleTable;
import io.layercount.core.internal.rules.StreamWidths;
import io.layercount.core.model.Layer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The rule answer for every node of a module tree, computed once per node (not per occurrence), each
 * in the context of its owner: the nearest enclosing class that is not a plain container.
 */
public final class Resolved {
  private final Map<Layer, Resolution> byLayer = new IdentityHashMap<>();

  public Resolved(Layer root, RuleTable rules) {
    this(root, rules, null);
  }

  /** Every node resolved at its place; {@code inputSize} (may be {@code null}) sizes image-bound tensors. */
  public Resolved(Layer root, RuleTable rules, InputSize inputSize) {
    StreamWidths places = new StreamWidths(root, rules, inputSize);
    Deque<Layer> stack = new ArrayDeque<>();
    Deque<Layer> owners = new ArrayDeque<>();
    stack.push(root);
    owners.push(root);
    while (!stack.isEmpty()) {
      Layer layer = stack.pop();
      Layer owner = owners.pop();
      if (byLayer.containsKey(layer)) {
        continue;
      }
      byLayer.put(layer, rules.resolve(layer, owner, places.of(layer)));
      Layer childOwner = LayerNormOwners.isPlainContainer(layer.typeName()) ? owner : layer;
      for (Layer child : layer.children()) {
        stack.push(child);
        owners.push(childOwner);
      }
    }
  }

  public Resolution of(Layer layer) {
    return byLayer.get(layer);
  }
}
