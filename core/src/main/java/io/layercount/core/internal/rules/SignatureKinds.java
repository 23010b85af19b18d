package io.layercount.core.internal.rules;

import io.layercount.core.model.Arguments;
import io.layercount.core.model.Layer;
import io.layercount.core.model.LayerKind;

/**
 * The kind of a class no rule covers, from how it prints: a convolution prints
 * {@code in, out, kernel_size=} (a graph convolution, a class named {@code ...Conv}, only {@code in,
 * out}), a fully-connected layer {@code in_features=, out_features=}. Only
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
    if (layer.isLeaf() && layer.typeName().endsWith("Conv") && a.longValue("in_channels", 0, -1) > 0
        && a.longValue("out_channels", 1, -1) > 0) {
      // a graph convolution prints its channels and no kernel (PyTorch Geometric's GCNConv(1433, 16),
      // GATConv(1433, 8, heads=8)): a weight from one width to the other
      return LayerKind.CONVOLUTION;
    }
    return layer.isLeaf() ? LayerKind.UNKNOWN : LayerKind.CONTAINER;
  }
}
