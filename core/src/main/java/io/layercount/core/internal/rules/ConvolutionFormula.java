package io.layercount.core.internal.rules;

import io.layercount.core.model.Arguments;
import io.layercount.core.model.Layer;
import java.util.OptionalLong;

/**
 * Convolutions of any dimension: {@code Conv2d(3, 64, kernel_size=(7, 7), ..., groups=2, bias=False)}
 * and the legacy {@code Conv2d (3 -> 64, size=(4, 4))} / {@code size: (4, 4)}. A weight of
 * {@code out × in/groups × prod(kernel)} ({@code in × out/groups × ...} when transposed) and a bias
 * of {@code out} unless {@code bias=False} is printed.
 */
enum ConvolutionFormula implements Formula {
  FORWARD(false),
  TRANSPOSED(true);

  private final boolean transposed;

  ConvolutionFormula(boolean transposed) {
    this.transposed = transposed;
  }

  @Override
  public OptionalLong ownParameters(Layer layer) {
    Arguments a = layer.arguments();
    OptionalLong in = a.longValue("in_channels", 0);
    OptionalLong out = a.longValue("out_channels", 1);
    String kernelText = a.get("kernel_size") != null ? a.get("kernel_size") : a.get("size");
    long[] kernel = Arguments.tuple(kernelText);
    OptionalLong groups = a.get("groups") == null ? OptionalLong.of(1) : a.longValue("groups", -1);
    if (!Sizes.present(in, out, groups) || kernel.length == 0 || groups.getAsLong() < 1) {
      return OptionalLong.empty();
    }
    long g = groups.getAsLong();
    long grouped = transposed ? out.getAsLong() : in.getAsLong();
    if (grouped % g != 0) {
      return OptionalLong.empty();
    }
    OptionalLong weight = Sizes.product(in.getAsLong() + out.getAsLong() - grouped, grouped / g,
        Sizes.product(kernel).orElse(-1));
    return Sizes.plusIf(a.flag("bias", true), weight, out);
  }
}
