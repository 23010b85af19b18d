package io.layercount.core.internal.count;

import io.layercount.core.LayerFacts;
import io.layercount.core.internal.rules.Resolution;
import io.layercount.core.internal.rules.RuleTable;
import io.layercount.core.model.Layer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;

/** Builds {@link LayerFacts} on the same tree and with the same resolutions the counting uses. */
public final class ModuleFacts {
  private ModuleFacts() {}

  public static LayerFacts of(Layer printedRoot, RuleTable rules) {
    Layer root = HiddenChildren.expand(printedRoot, rules);
    Resolved resolved = new Resolved(root, rules);
    Map<Layer, LayerFacts.Fact> facts = new IdentityHashMap<>();
    Deque<Layer> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      Layer layer = stack.pop();
      Resolution r = resolved.of(layer);
      facts.put(layer, new LayerFacts.Fact(r.kind(), r.ownParameters(), r.known(), r.exact()));
      layer.children().forEach(stack::push);
    }
    return new LayerFacts(root, facts);
  }
}
