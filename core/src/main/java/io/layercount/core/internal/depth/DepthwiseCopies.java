package io.layercount.core.internal.depth;

import io.layercount.core.model.Layer;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Modules whose last layer is a depthwise convolution of their previous layer's output, keeping its
 * width (GhostNet's {@code cheap_operation} after {@code primary_conv}): both tensors of that width
 * are at hand, so a reader of twice the width reads them concatenated. Elsewhere (StarNet, HGNet)
 * the next layer reads the width once, which widths alone tell.
 */
final class DepthwiseCopies {
  private final Set<Layer> endingOnOne = Collections.newSetFromMap(new IdentityHashMap<>());

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
        && isDepthwiseStep(children.get(last), kids[last])) {
      endingOnOne.add(layer);
    }
  }

  /**
   * A depthwise convolution (as many groups as channels, which it keeps), alone or with the norms and
   * activations of a {@code Sequential} around it. Looks one level down only, so that measuring a
   * deep tree stays linear; the children's spans and counts are read from their facts.
   */
  private static boolean isDepthwiseStep(Layer layer, Dataflow.Facts facts) {
    Layer conv = layer;
    Dataflow.Facts convFacts = facts;
    if (!layer.isLeaf()) {
      // the only child with conv/FC layers of its own, among leaves only
      List<Layer> children = layer.children();
      conv = null;
      for (int i = 0; i < children.size(); i++) {
        if (!children.get(i).isLeaf()) {
          return false;
        }
        if (facts.kids[i].weighted > 0) {
          if (conv != null) {
            return false;
          }
          conv = children.get(i);
          convFacts = facts.kids[i];
        }
      }
      if (conv == null) {
        return false;
      }
    }
    Widths w = convFacts.span;
    OptionalLong groups = conv.arguments().longValue("groups", -1);
    return convFacts.weighted == 1 && groups.isPresent() && groups.getAsLong() > 1
        && w.in() == groups.getAsLong() && w.out() == w.in();
  }
}
