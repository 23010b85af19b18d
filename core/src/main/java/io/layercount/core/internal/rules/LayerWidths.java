package io.layercount.core.internal.rules;

import io.layercount.core.model.Arguments;
import io.layercount.core.model.Layer;
import java.util.OptionalLong;

/**
 * The feature width a printed layer takes in and gives out, read from the arguments its formula
 * reads ({@code Linear(in_features=768, out_features=3072)}: 768 in, 3072 out). Empty for layers
 * that keep the width of their input (activations, dropout, LayerScale) or print no size.
 */
final class LayerWidths {
  private LayerWidths() {}

  /** The width {@code layer} (following {@code formula}) takes in, if printed. */
  static OptionalLong in(Layer layer, String formula) {
    return width(layer, formula, true);
  }

  /** The width {@code layer} (following {@code formula}) gives out, if printed. */
  static OptionalLong out(Layer layer, String formula) {
    return width(layer, formula, false);
  }

  private static OptionalLong width(Layer layer, String formula, boolean input) {
    if (formula == null) {
      return OptionalLong.empty();
    }
    Arguments a = layer.arguments();
    switch (formula) {
      case "linear":
        return input ? a.longValue("in_features", 0) : a.longValue("out_features", 1);
      case "gpt2-conv1d":
        return input ? a.longValue("nx", -1) : a.longValue("nf", -1);
      case "conv":
      case "conv-transposed":
        return input ? a.longValue("in_channels", 0) : a.longValue("out_channels", 1);
      case "batch-norm":
      case "instance-norm":
        return a.longValue("num_features", 0);
      case "group-norm":
        return a.longValue("num_channels", 1);
      case "layer-norm":
      case "rms-norm":
        return lastDimension(a.get("normalized_shape") != null ? a.get("normalized_shape") : a.positional(0));
      case "embedding":
        return input ? OptionalLong.empty() : a.longValue("embedding_dim", 1);
      default:
        return OptionalLong.empty();
    }
  }

  private static OptionalLong lastDimension(String shape) {
    if (shape == null) {
      return OptionalLong.empty();
    }
    if (!shape.trim().startsWith("(")) {
      return Arguments.parseLong(shape.trim());
    }
    long[] dims = Arguments.tuple(shape);
    return dims.length == 0 ? OptionalLong.empty() : OptionalLong.of(dims[dims.length - 1]);
  }
}
