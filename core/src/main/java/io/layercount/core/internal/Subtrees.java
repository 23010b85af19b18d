package io.layercount.core.internal;

import io.layercount.core.model.Layer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Predicate;

/** Questions about the layers under a layer, asked without recursion (any depth is safe). */
public final class Subtrees {
  private Subtrees() {}

  /** Whether some layer under {@code layer} (not itself) passes {@code test}. */
  public static boolean anyBelow(Layer layer, Predicate<Layer> test) {
    Deque<Layer> stack = new ArrayDeque<>(layer.children());
    while (!stack.isEmpty()) {
      Layer l = stack.pop();
      if (test.test(l)) {
        return true;
      }
      l.children().forEach(stack::push);
    }
    return false;
  }
}
