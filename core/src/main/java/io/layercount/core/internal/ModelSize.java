package io.layercount.core.internal;

import io.layercount.core.Limits;
import io.layercount.core.model.Layer;
import io.layercount.core.model.Network;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Checks a recovered model against {@link Limits#maxNestingDepth()} and {@link Limits#maxLayers()}
 * before it is counted, whichever parser built it, so that the engine never works on more than the
 * limits allow. One walk with an explicit stack: the tree may be deeper than the thread's stack.
 */
public final class ModelSize {
  private ModelSize() {}

  /** Why {@code network} is past a limit, or {@code null} when it is within them. */
  public static String check(Network network, Limits limits) {
    Deque<Layer> layers = new ArrayDeque<>();
    Deque<Integer> depths = new ArrayDeque<>();
    layers.push(network.root());
    depths.push(0);
    long entries = 0;
    while (!layers.isEmpty()) {
      Layer layer = layers.pop();
      int depth = depths.pop();
      if (depth > limits.maxNestingDepth()) {
        return Limits.exceeded(String.format(Locale.ROOT, "the model nests modules more than %,d levels deep (line %d)",
            limits.maxNestingDepth(), layer.line()), "maxNestingDepth", limits.maxNestingDepth());
      }
      if (++entries > limits.maxLayers()) {
        return Limits.exceeded(String.format(Locale.ROOT, "the model has more than %,d module entries",
            limits.maxLayers()), "maxLayers", limits.maxLayers());
      }
      List<Layer> children = layer.children();
      for (int i = 0; i < children.size(); i++) {
        layers.push(children.get(i));
        depths.push(depth + 1);
      }
    }
    return null;
  }
}
