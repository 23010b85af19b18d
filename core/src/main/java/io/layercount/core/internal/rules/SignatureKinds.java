package io.layercount.core.internal.rules;

import io.layercount.core.internal.count.Saturating;
import io.layercount.core.model.Arguments;
import io.layercount.core.model.Layer;
import io.layercount.core.model.LayerKind;

/**
 * The kind of a class no rule covers, from how it prints: a convolution prints
 * {@code in, out, kernel_size=} (a graph convolution, a class named {@code ...Conv}, only {@code in,
 * out}), a fully-connected layer {@code in_features=, out_features=}, or a leaf whose class is named
 * {@code ...Linear} and prints no such arguments. Only the kind is inferred,
 * never an exact count: a layer printing Linear's arguments counts at least Linear's ({@link #asLinear}).
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
    if (layer.isLeaf() && layer.typeName().endsWith("Conv") && (a.longValue("in_channels", 0, -1) > 0
        && a.longValue("out_channels", 1, -1) > 0 || a.longValue("in", -1, -1) > 0 && a.longValue("out", -1, -1) > 0)) {
      // a graph convolution prints its channels and no kernel (PyTorch Geometric's GCNConv(1433, 16),
      // GATConv(1433, 8, heads=8); DGL's GraphConv(in=128, out=256, normalization=both)): a weight
      // from one width to the other
      return LayerKind.CONVOLUTION;
    }
    if (layer.isLeaf() && layer.typeName().endsWith("Linear")) {
      // a quantized linear layer printing nothing of itself (AutoGPTQ's QuantLinear()): its name says
      // what it is, though not its size; left unknown, a quantized LLM read 1 deep for 49
      return LayerKind.FULLY_CONNECTED;
    }
    return layer.isLeaf() ? LayerKind.UNKNOWN : LayerKind.CONTAINER;
  }

  /**
   * A leaf of a class no rule covers that prints torch.nn.Linear's arguments ({@code
   * in_features=4096, out_features=12288, bias=True}, as a subclass of Linear prints them, DINOv3's
   * {@code LinearKMaskedBias}): at least Linear's weight and bias, not called exact (a subclass may
   * own more), the bias only where {@code bias=True} says so; {@code null} where the widths do not
   * read. Before, such a layer counted nothing (a published DINOv3-7B was 2.0 billion short).
   */
  static Resolution asLinear(Layer layer) {
    Arguments a = layer.arguments();
    long in = a.longValue("in_features", -1, -1);
    long out = a.longValue("out_features", -1, -1);
    if (in <= 0 || out <= 0) {
      return null;
    }
    // torch.nn.Linear prints bias=True or bias=False; where nothing says, only the weight is sure
    boolean bias = "True".equals(a.get("bias"));
    long own = Saturating.add(Saturating.multiply(in, out), bias ? out : 0);
    return new Resolution(LayerKind.FULLY_CONNECTED, own, false, false, 1, Resolution.AS_LINEAR,
        layer.typeName() + " prints torch.nn.Linear's arguments: its weight and bias are counted as Linear's, and it"
            + " may own more the text does not show");
  }
}
