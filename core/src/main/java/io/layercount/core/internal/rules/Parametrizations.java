package io.layercount.core.internal.rules;

import io.layercount.core.model.Arguments;
import io.layercount.core.model.Layer;
import io.layercount.core.model.LayerKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@code torch.nn.utils.parametrize}: registering a parametrization on a tensor of a module of
 * class X turns the module into a {@code ParametrizedX}, printed with X's arguments and a
 * {@code (parametrizations): ModuleDict} child, and moves the tensor into a
 * {@code ParametrizationList} under the tensor's name in that dict, as {@code original} (or
 * {@code original0}, {@code original1}, ... when the parametrization's {@code right_inverse} gives
 * several tensors). So {@code ParametrizedX} owns what X owns less the moved tensors, and each list
 * owns the originals of its tensor, as the parametrization it lists makes them.
 */
final class Parametrizations {
  /** The prefix torch gives the class it makes. */
  static final String PREFIX = "Parametrized";
  /** The key of the dict of parametrization lists. */
  private static final String DICT = "parametrizations";
  /** The class torch.nn.utils.parametrizations.weight_norm lists. */
  private static final String WEIGHT_NORM = "_WeightNorm";
  /**
   * Formulas whose weight is what they give with {@code bias=False}, and whose bias is the rest: a
   * tensor of theirs moved into a list has a size the printed arguments give.
   */
  private static final Set<String> SPLIT_BY_BIAS = Set.of("conv", "conv-transposed", "linear", "bilinear", "embedding");

  private Parametrizations() {}

  /**
   * What Hugging Face's {@code EncodecConv1d} and {@code EncodecConvTranspose1d} hold beyond their
   * children where a plain {@code conv} child shows that the legacy {@code torch.nn.utils.weight_norm}
   * was applied: the class weight-normalises its conv unless built with a group norm (then printed as
   * its {@code norm} child), using {@code parametrizations.weight_norm} where torch has it (printed as
   * a {@code ParametrizedConv1d}) and the legacy hook before, which prints nothing and replaces the
   * weight with {@code weight_v} (the weight's shape, which the conv's count covers) and {@code
   * weight_g}, one magnitude per slice along dim 0: the output channels of a Conv1d, the input
   * channels of a ConvTranspose1d (its weight is in x out x k). {@code weight_g} belongs to the
   * conv; it is counted here, on the class that applied it. Empty where the conv's size is not
   * printed.
   */
  static OptionalLong legacyWeightNormOfConv(Layer layer) {
    Layer conv = null;
    for (Layer child : layer.children()) {
      if (child.name().equals("norm")) {
        return OptionalLong.of(0);
      }
      conv = child.name().equals("conv") ? child : conv;
    }
    if (conv == null || !conv.isLeaf()) {
      return OptionalLong.of(0); // no conv, or a ParametrizedConv1d: its lists hold the magnitudes
    }
    String type = conv.typeName();
    long g = type.startsWith("ConvTranspose") ? conv.arguments().longValue("in_channels", 0, -1)
        : type.startsWith("Conv") ? conv.arguments().longValue("out_channels", 1, -1) : 0;
    return g < 0 ? OptionalLong.empty() : OptionalLong.of(g);
  }

  /** The class a {@code ParametrizedX} was made from, or {@code null} when {@code type} is none. */
  static String baseType(String type) {
    return type.startsWith(PREFIX) && type.length() > PREFIX.length() ? type.substring(PREFIX.length()) : null;
  }

  /**
   * What {@code layer}, a {@code ParametrizedX} whose X follows {@code base}, owns itself: X's
   * count less every tensor its {@code parametrizations} dict lists; empty when a size is not
   * printed.
   */
  static OptionalLong kept(Layer layer, Formulas.Named base) {
    Layer dict = child(layer, DICT);
    OptionalLong all = base.formula().ownParameters(layer);
    if (dict == null || dict.isLeaf() || all.isEmpty()) {
      return OptionalLong.empty();
    }
    long kept = all.getAsLong();
    for (Layer list : dict.children()) {
      OptionalLong moved = tensor(layer, base, list.name());
      if (moved.isEmpty()) {
        return moved;
      }
      kept -= moved.getAsLong();
    }
    return kept >= 0 ? OptionalLong.of(kept) : OptionalLong.empty();
  }

  /**
   * What a {@code ParametrizationList} owns inside {@code owner}, the {@code ParametrizedX} whose X
   * follows {@code base}. A lone {@code _WeightNorm} keeps the direction {@code original1} (the
   * tensor's shape) and the magnitude {@code original0}, whose size depends on the {@code dim}
   * that {@code _WeightNorm()} does not print: only the direction is counted, as a lower bound.
   */
  static Resolution originals(Layer list, Layer owner, Formulas.Named base) {
    OptionalLong size = base == null ? OptionalLong.empty() : tensor(owner, base, list.name());
    if (size.isEmpty() || list.children().size() != 1 || !list.children().get(0).typeName().equals(WEIGHT_NORM)) {
      return Resolution.unknown(LayerKind.OTHER, "a ParametrizationList holds the original of a parametrized tensor;"
          + " only a lone _WeightNorm of a printed convolution, linear layer or embedding is known");
    }
    return new Resolution(LayerKind.OTHER, size.getAsLong(), false, false, 0, Resolution.MISSING,
        "ParametrizationList of " + owner.typeName() + "." + list.name() + " (weight norm): original1, the direction,"
            + " has the shape of the " + list.name() + " (" + size.getAsLong() + " parameters, counted); original0, the"
            + " magnitude, has one element per slice along the dim weight_norm was given ("
            + firstDimension(owner, base) + " with the default dim=0, a single one with dim=None), which _WeightNorm()"
            + " does not print: not counted");
  }

  /** The size of tensor {@code name} ({@code weight} or {@code bias}) of a layer following {@code base}. */
  private static OptionalLong tensor(Layer layer, Formulas.Named base, String name) {
    if (!SPLIT_BY_BIAS.contains(base.name()) || !(name.equals("weight") || name.equals("bias"))) {
      return OptionalLong.empty();
    }
    OptionalLong all = base.formula().ownParameters(layer);
    OptionalLong weight = base.formula().ownParameters(withoutBias(layer));
    if (all.isEmpty() || weight.isEmpty()) {
      return OptionalLong.empty();
    }
    return name.equals("weight") ? weight : OptionalLong.of(all.getAsLong() - weight.getAsLong());
  }

  /** The weight's first dimension: what weight_norm's default {@code dim=0} keeps one magnitude for. */
  private static String firstDimension(Layer layer, Formulas.Named base) {
    String key = switch (base.name()) {
      case "conv" -> "out_channels";
      case "conv-transposed" -> "in_channels";
      case "linear", "bilinear" -> "out_features";
      default -> "num_embeddings";
    };
    int position = key.equals("out_channels") ? 1 : key.equals("in_channels") || key.equals("num_embeddings") ? 0 : -1;
    OptionalLong n = layer.arguments().longValue(key, position);
    return n.isPresent() ? Long.toString(n.getAsLong()) : key;
  }

  private static Layer withoutBias(Layer layer) {
    Arguments a = layer.arguments();
    Map<String, String> named = new LinkedHashMap<>(a.named());
    named.put("bias", "False");
    return new Layer(layer.name(), layer.typeName(), new Arguments(a.raw(), a.positional(), named), layer.children(),
        layer.repeat(), layer.stated(), layer.line());
  }

  private static Layer child(Layer layer, String key) {
    for (Layer c : layer.children()) {
      if (c.name().equals(key)) {
        return c;
      }
    }
    return null;
  }
}
