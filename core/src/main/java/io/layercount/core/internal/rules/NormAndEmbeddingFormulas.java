package io.layercount.core.internal.rules;

import io.layercount.core.model.Arguments;
import io.layercount.core.model.Layer;
import java.util.OptionalLong;

/** Normalisation layers, embeddings and PReLU: a weight (and a bias) of a printed size. */
final class NormAndEmbeddingFormulas {
  private NormAndEmbeddingFormulas() {}

  /** {@code Embedding(num, dim, ...)} and {@code EmbeddingBag}: {@code num·dim}. */
  static OptionalLong embedding(Layer layer) {
    Arguments a = layer.arguments();
    OptionalLong num = a.longValue("num_embeddings", 0);
    OptionalLong dim = a.longValue("embedding_dim", 1);
    return Sizes.present(num, dim) ? Sizes.product(num.getAsLong(), dim.getAsLong()) : OptionalLong.empty();
  }

  /** {@code BatchNorm2d(64, ..., affine=True)}: {@code 2·C}, affine unless {@code affine=False}. */
  static OptionalLong batchNorm(Layer layer) {
    return affineChannels(layer, 0, true);
  }

  /** {@code InstanceNorm2d(64, ..., affine=False)}: {@code 2·C} only when {@code affine=True}. */
  static OptionalLong instanceNorm(Layer layer) {
    return affineChannels(layer, 0, false);
  }

  /** {@code GroupNorm(32, 1024, eps=1e-05, affine=True)}: {@code 2·C}. */
  static OptionalLong groupNorm(Layer layer) {
    return affineChannels(layer, 1, true);
  }

  /**
   * {@code LayerNorm((768,), eps=1e-05, elementwise_affine=True)}: weight and bias of the shape.
   * LayerNorm never prints {@code bias=False}; the rule table says so in its note.
   */
  static OptionalLong layerNorm(Layer layer) {
    OptionalLong size = normalizedSize(layer);
    if (size.isEmpty()) {
      return size;
    }
    return layer.arguments().flag("elementwise_affine", true)
        ? Sizes.product(2, size.getAsLong()) : OptionalLong.of(0);
  }

  /** {@code RMSNorm((4096,), eps=None, elementwise_affine=True)}: a weight of the shape. */
  static OptionalLong rmsNorm(Layer layer) {
    OptionalLong size = normalizedSize(layer);
    if (size.isEmpty()) {
      return size;
    }
    return layer.arguments().flag("elementwise_affine", true) ? size : OptionalLong.of(0);
  }

  /** {@code PReLU(num_parameters=8)}, legacy {@code PReLU (1)}, default one parameter. */
  static OptionalLong prelu(Layer layer) {
    Arguments a = layer.arguments();
    if (a.get("num_parameters") == null && a.positional().isEmpty()) {
      return OptionalLong.of(1);
    }
    return a.longValue("num_parameters", 0);
  }

  private static OptionalLong affineChannels(Layer layer, int channelIndex, boolean affineByDefault) {
    Arguments a = layer.arguments();
    OptionalLong channels = channelIndex == 0 ? a.longValue("num_features", 0) : a.longValue("num_channels", 1);
    if (channels.isEmpty()) {
      return channels;
    }
    return a.flag("affine", affineByDefault) ? Sizes.product(2, channels.getAsLong()) : OptionalLong.of(0);
  }

  /**
   * The printed shape, a tuple as torch.nn prints it or a single whole number as some third-party
   * norms do ({@code MambaRMSNorm(768, eps=1e-05)}).
   */
  private static OptionalLong normalizedSize(Layer layer) {
    Arguments a = layer.arguments();
    String shape = a.get("normalized_shape") != null ? a.get("normalized_shape") : a.positional(0);
    if (shape == null) {
      return OptionalLong.empty();
    }
    return shape.trim().startsWith("(") ? Sizes.shapeProduct(shape) : Arguments.parseLong(shape.trim());
  }
}
