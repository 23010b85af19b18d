package io.layercount.core.internal.count;

import io.layercount.core.Diagnostic;
import io.layercount.core.model.Layer;
import io.layercount.core.model.LayerKind;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Says where a Keras summary shows a nested model as one row (without {@code expand_nested}): it is
 * counted as one layer, and the conventions that look inside layers cannot.
 */
final class NestedModels {
  private NestedModels() {}

  static void report(Layer root, Resolved resolved, java.util.List<Diagnostic> out) {
    Deque<Layer> stack = new ArrayDeque<>(root.children());
    while (!stack.isEmpty()) {
      Layer layer = stack.pop();
      layer.children().forEach(stack::push);
      if (layer.isLeaf() && resolved.of(layer).kind() == LayerKind.CONTAINER) {
        out.add(Diagnostic.info(layer.line(), 0, "'" + layer.name() + "' (" + layer.typeName() + ") is a nested model"
            + " shown as one row: it counts as one layer, its parameters as printed; depth and weighted do not"
            + " see the layers inside it"));
      }
    }
  }
}
