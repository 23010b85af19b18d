package io.layercount.core.internal.count;

import io.layercount.core.model.Layer;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Visits every node of a module tree once, in printed pre-order, with its multiplicity: the
 * product of the run lengths above and at it. Collapsed runs are thereby counted without being
 * enumerated; iterative, so any depth is safe.
 */
final class Occurrences {
  private Occurrences() {}

  /** What to do with one node that stands for {@code count} occurrences; false stops the walk. */
  @FunctionalInterface
  interface Visitor {
    boolean visit(Layer layer, long count);
  }

  /** Walks the tree below and at {@code root}; returns false when the visitor stopped it. */
  static boolean walk(Layer root, Visitor visitor) {
    Deque<Layer> layers = new ArrayDeque<>();
    Deque<Long> counts = new ArrayDeque<>();
    layers.push(root);
    counts.push((long) root.repeat());
    while (!layers.isEmpty()) {
      Layer layer = layers.pop();
      long n = counts.pop();
      if (!visitor.visit(layer, n)) {
        return false;
      }
      for (int i = layer.children().size() - 1; i >= 0; i--) {
        Layer child = layer.children().get(i);
        layers.push(child);
        counts.push(Saturating.multiply(n, child.repeat()));
      }
    }
    return true;
  }
}
