package io.layercount.core.internal;

import io.layercount.core.Limits;
import io.layercount.core.model.Layer;
import io.layercount.core.model.Network;
import java.util.Arrays;
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
    // the layers to visit and their depths, in arrays: no boxed depth per layer
    Layer[] layers = new Layer[16];
    int[] depths = new int[16];
    layers[0] = network.root();
    int top = 1;
    long entries = 0;
    while (top > 0) {
      Layer layer = layers[--top];
      int depth = depths[top];
      if (depth > limits.maxNestingDepth()) {
        return Limits.exceeded(String.format(Locale.ROOT, "the model nests modules more than %,d levels deep (line %d)",
            limits.maxNestingDepth(), layer.line()), "maxNestingDepth", limits.maxNestingDepth());
      }
      if (++entries > limits.maxLayers()) {
        return Limits.exceeded(String.format(Locale.ROOT, "the model has more than %,d module entries",
            limits.maxLayers()), "maxLayers", limits.maxLayers());
      }
      List<Layer> children = layer.children();
      if (top + children.size() > layers.length) {
        layers = Arrays.copyOf(layers, Math.max(2 * layers.length, top + children.size()));
        depths = Arrays.copyOf(depths, layers.length);
      }
      for (int i = 0; i < children.size(); i++) {
        layers[top] = children.get(i);
        depths[top++] = depth + 1;
      }
    }
    return null;
  }
}
