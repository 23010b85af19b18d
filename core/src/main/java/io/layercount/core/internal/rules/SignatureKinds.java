package io.layercount.core.internal.rules;

import io.layercount.core.model.Arguments;
import io.layercount.core.model.Layer;
import io.layercount.core.model.LayerKind;

/**
 * The kind of a class no rule covers, from how it prints: a convolution prints
 * {@code in, out, kernel_size=}, a fully-connected layer {@code in_features=, out_features=}. Only
 * the kind is inferred, never a count.
 */
final class SignatureKinds {
  private SignatureKinds() {}

  static LayerKind infer(Layer layer) {
    Arguments a = layer.arguments();
    if ((a.get("kernel_size") != null || a.get("size") != null) && a.positional().size() >= 2) {
      return LayerKind.CONVOLUTION;
    }
    if (a.get("in_features") != null && a.get("out_features") != null) {
      return LayerKind.FULLY_CONNECTED;
    }
    return layer.isLeaf() ? LayerKind.UNKNOWN : LayerKind.CONTAINER;
  }
}
