package io.layercount.core.internal.count;

import io.layercount.core.internal.depth.Dataflow;
import io.layercount.core.internal.rules.StreamWidths;
import io.layercount.core.model.Layer;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The {@code depth} convention inferred from the module tree (see {@link Dataflow}): the longest
 * conv/FC path through the root, and which children fell off each module's path and why. Only
 * these are kept, not the replay's working state: an explanation made later holds on to them.
 */
final class StructureDepth {
  private final long rootDepth;
  private final Map<Layer, Map<Integer, String>> offPaths;
  private final Map<Layer, Map<Integer, String>> laterOffPaths;
  private final Layer conditioning;

  /** The depth of {@code root}, a tree of about {@code nodes} distinct nodes (a size for the maps; 0 if not known). */
  StructureDepth(Layer root, ToIntFunction<Layer> ownWeighted, int nodes) {
    this(root, ownWeighted, nodes, null, null);
  }

  /**
   * As {@link #StructureDepth(Layer, ToIntFunction, int)}; where {@code places} (the stream-width
   * nodes of {@code root}, holding the rule answers) is given, the inference keeps what it knows of
   * each node there; {@code mainStack} is the tree's main stack of repeated blocks, or {@code null}.
   */
  StructureDepth(Layer root, ToIntFunction<Layer> ownWeighted, int nodes, StreamWidths places, Layer mainStack) {
    Dataflow flow = places == null ? new Dataflow(root, ownWeighted, nodes)
        : new Dataflow(places, ownWeighted, mainStack);
    rootDepth = flow.depthOf(root);
    offPaths = flow.offPaths();
    conditioning = flow.conditioning();
    laterOffPaths = flow.laterOffPaths().isEmpty() ? Map.of()
        : java.util.Collections.unmodifiableMap(new java.util.IdentityHashMap<>(flow.laterOffPaths()));
    flow.release();
  }

  /** The longest conv/FC path through the root (one occurrence). */
  long ofRoot() {
    return rootDepth;
  }

  /** The first module read as taking the timestep in, not the data ({@link Dataflow#conditioning()}), or {@code null}. */
  Layer conditioning() {
    return conditioning;
  }

  /** Children of {@code layer} (by index) off the longest path, with the reason. */
  Map<Integer, String> excludedChildren(Layer layer) {
    return offPaths.getOrDefault(layer, Map.of());
  }

  /**
   * As {@link #excludedChildren}, for an occurrence of {@code layer} inside a later occurrence of a
   * run: where such occurrences take another path (a decoder layer after the first), theirs.
   */
  Map<Integer, String> excludedChildren(Layer layer, boolean firstOccurrence) {
    Map<Integer, String> later = firstOccurrence || laterOffPaths.isEmpty() ? null : laterOffPaths.get(layer);
    return later != null ? later : excludedChildren(layer);
  }
}
