package io.layercount.core.internal.rules;

import io.layercount.core.model.Arguments;
import io.layercount.core.model.Layer;
import java.util.OptionalLong;

/** Fully-connected layers. */
final class LinearFormulas {
  private LinearFormulas() {}

  /**
   * {@code Linear(in_features=512, out_features=1000, bias=True)} and legacy {@code Linear (512 -> 1000)}
   * (which always has a bias): {@code in·out + out}.
   */
  static OptionalLong linear(Layer layer) {
    Arguments a = layer.arguments();
    OptionalLong in = a.longValue("in_features", 0);
    OptionalLong out = a.longValue("out_features", 1);
    if (!Sizes.present(in, out)) {
      return OptionalLong.empty();
    }
    return Sizes.plusIf(a.flag("bias", true), Sizes.product(in.getAsLong(), out.getAsLong()), out);
  }

  /** HF GPT-2 {@code Conv1D(nf=2304, nx=768)}: a linear layer with weight {@code nx×nf} and bias {@code nf}. */
  static OptionalLong gpt2Conv1d(Layer layer) {
    Arguments a = layer.arguments();
    OptionalLong nf = a.longValue("nf", -1);
    OptionalLong nx = a.longValue("nx", -1);
    if (!Sizes.present(nf, nx)) {
      return OptionalLong.empty();
    }
    return Sizes.plus(Sizes.product(nx.getAsLong(), nf.getAsLong()), nf);
  }

  /** {@code Bilinear(in1_features=, in2_features=, out_features=, bias=)}: {@code in1·in2·out + out}. */
  static OptionalLong bilinear(Layer layer) {
    Arguments a = layer.arguments();
    OptionalLong in1 = a.longValue("in1_features", 0);
    OptionalLong in2 = a.longValue("in2_features", 1);
    OptionalLong out = a.longValue("out_features", 2);
    if (!Sizes.present(in1, in2, out)) {
      return OptionalLong.empty();
    }
    return Sizes.plusIf(a.flag("bias", true),
        Sizes.product(in1.getAsLong(), in2.getAsLong(), out.getAsLong()), out);
  }
}
