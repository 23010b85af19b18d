package io.layercount.core.internal.count;

import io.layercount.core.Convention;
import io.layercount.core.Diagnostic;
import io.layercount.core.model.Layer;
import io.layercount.core.model.LayerKind;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Set;

/**
 * Says where a Keras summary shows a nested model as one row (without {@code expand_nested}): it is
 * counted as one layer, and the conventions that look inside layers cannot.
 */
final class NestedModels {
  private NestedModels() {}

  /**
   * Reports each nested model shown as one row; returns the conventions whose counts may therefore
   * be too small: leaves and modules (the row hides the layers inside it), and where its count is not
   * 0, the conventions that count layers with parameters too.
   */
  static Set<Convention> report(Layer root, Resolved resolved, java.util.List<Diagnostic> out) {
    Set<Convention> lowerBounds = EnumSet.noneOf(Convention.class);
    Deque<Layer> stack = new ArrayDeque<>(root.children());
    while (!stack.isEmpty()) {
      Layer layer = stack.pop();
      layer.children().forEach(stack::push);
      if (layer.isLeaf() && resolved.of(layer).kind() == LayerKind.CONTAINER) {
        lowerBounds.add(Convention.LEAVES);
        lowerBounds.add(Convention.MODULES);
        Long params = layer.stated().params();
        boolean weights = params == null || params != 0;
        if (weights) {
          lowerBounds.addAll(WITH_WEIGHTS);
        }
        out.add(Diagnostic.info(layer.line(), 0, "'" + layer.name() + "' (" + layer.typeName() + ") is a nested model"
            + " shown as one row: it counts as one layer, its parameters as printed; "
            + (weights ? "depth, weighted, parameterized, leaves and modules" : "leaves and modules")
            + " do not see the layers inside it, so they may be too small"));
      }
    }
    return lowerBounds;
  }

  /** What a nested model's layers with parameters would add to. */
  private static final Set<Convention> WITH_WEIGHTS =
      EnumSet.of(Convention.DEPTH, Convention.WEIGHTED, Convention.PARAMETERIZED, Convention.BLOCKS);
}
