package io.layercount.core.internal.count;

import io.layercount.core.internal.depth.Dataflow;
import io.layercount.core.model.Layer;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The {@code depth} convention inferred from the module tree (see {@link Dataflow}): the longest
 * conv/FC path through each module, and which children fell off it and why.
 */
final class StructureDepth {
  private final Dataflow flow;

  StructureDepth(Layer root, ToIntFunction<Layer> ownWeighted) {
    flow = new Dataflow(root, ownWeighted);
  }

  /** The longest conv/FC path through {@code layer} (one occurrence). */
  long of(Layer layer) {
    return flow.depthOf(layer);
  }

  /** Children of {@code layer} (by index) off the longest path, with the reason. */
  Map<Integer, String> excludedChildren(Layer layer) {
    return flow.offPath(layer);
  }
}
