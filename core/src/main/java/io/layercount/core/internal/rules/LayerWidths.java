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
  /** No width printed. */
  static final long NONE = -1;

  private LayerWidths() {}

  /** The width {@code layer} (following {@code formula}) takes in, if printed. */
  static OptionalLong in(Layer layer, String formula) {
    return optional(inWidth(layer, formula));
  }

  /** The width {@code layer} (following {@code formula}) gives out, if printed. */
  static OptionalLong out(Layer layer, String formula) {
    return optional(outWidth(layer, formula));
  }

  /**
   * {@link #in} as a number, -1 where none is printed: the pass that reads every leaf's widths
   * reads them so, since a width past 4,096 made an object each time it was read.
   */
  static long inWidth(Layer layer, String formula) {
    return width(layer, formula, true);
  }

  /** {@link #out} as a number, -1 where none is printed. */
  static long outWidth(Layer layer, String formula) {
    return width(layer, formula, false);
  }

  private static OptionalLong optional(long width) {
    return width < 0 ? OptionalLong.empty() : OptionalLong.of(width);
  }

  private static long width(Layer layer, String formula, boolean input) {
    if (formula == null) {
      return NONE;
    }
    Arguments a = layer.arguments();
    switch (formula) {
      case "linear":
        return input ? a.longValue("in_features", 0, NONE) : a.longValue("out_features", 1, NONE);
      case "gpt2-conv1d":
        return input ? a.longValue("nx", -1, NONE) : a.longValue("nf", -1, NONE);
      case "conv":
      case "conv-transposed":
        return input ? a.longValue("in_channels", 0, NONE) : a.longValue("out_channels", 1, NONE);
      case "batch-norm":
      case "instance-norm":
        return a.longValue("num_features", 0, NONE);
      case "group-norm":
        return a.longValue("num_channels", 1, NONE);
      case "layer-norm":
      case "rms-norm":
        return lastDimension(a.get("normalized_shape") != null ? a.get("normalized_shape") : a.positional(0));
      case "embedding":
        return input ? NONE : a.longValue("embedding_dim", 1, NONE);
      default:
        return NONE;
    }
  }

  private static long lastDimension(String shape) {
    if (shape == null) {
      return NONE;
    }
    String trimmed = shape.trim();
    if (!trimmed.startsWith("(")) {
      return Arguments.digits(trimmed, 0, trimmed.length());
    }
    long[] dims = Arguments.tuple(shape);
    return dims.length == 0 ? NONE : dims[dims.length - 1];
  }
}
