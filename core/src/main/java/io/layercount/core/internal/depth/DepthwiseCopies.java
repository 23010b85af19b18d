package io.layercount.core.internal.depth;

import io.layercount.core.model.Layer;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Modules whose last layer is a depthwise convolution of their previous layer's output, keeping its
 * width (GhostNet's {@code cheap_operation} after {@code primary_conv}): both tensors of that width
 * are at hand, so a reader of twice the width reads them concatenated. Elsewhere (StarNet, HGNet)
 * the next layer reads the width once, which widths alone tell.
 */
final class DepthwiseCopies {
  private final Set<Layer> endingOnOne = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Function<Layer, Widths> spans;
  private final ToIntFunction<Layer> ownWeighted;

  DepthwiseCopies(Function<Layer, Widths> spans, ToIntFunction<Layer> ownWeighted) {
    this.spans = spans;
    this.ownWeighted = ownWeighted;
  }

  /** Whether {@code layer} ends on a depthwise copy of its previous layer's output. */
  boolean endsOnOne(Layer layer) {
    return endingOnOne.contains(layer);
  }

  /** Measures a container whose children's facts ({@code kids}, in printed order) are known. */
  void measure(Layer layer, Dataflow.Facts[] kids) {
    List<Layer> children = layer.children();
    int last = kids.length - 1;
    while (last >= 0 && !kids[last].span.knownIn()) {
      last--;
    }
    int before = last - 1;
    while (before >= 0 && !kids[before].span.knownOut()) {
      before--;
    }
    // the widths first: they are at hand, where the depthwise test reads arguments and children
    if (before >= 0 && kids[before].span.out() == kids[last].span.in()
        && isDepthwiseStep(children.get(last))) {
      endingOnOne.add(layer);
    }
  }

  /**
   * A depthwise convolution (as many groups as channels, which it keeps), alone or with the norms and
   * activations of a {@code Sequential} around it. Looks one level down only, so that measuring a
   * deep tree stays linear.
   */
  private boolean isDepthwiseStep(Layer layer) {
    Layer conv = layer;
    if (!layer.isLeaf()) {
      List<Layer> weighted = layer.children().stream().filter(c -> ownWeighted.applyAsInt(c) > 0).toList();
      if (weighted.size() != 1 || layer.children().stream().anyMatch(c -> !c.isLeaf())) {
        return false;
      }
      conv = weighted.get(0);
    }
    Widths w = spans.apply(conv);
    OptionalLong groups = conv.arguments().longValue("groups", -1);
    return conv.isLeaf() && ownWeighted.applyAsInt(conv) == 1 && groups.isPresent() && groups.getAsLong() > 1
        && w.in() == groups.getAsLong() && w.out() == w.in();
  }
}
