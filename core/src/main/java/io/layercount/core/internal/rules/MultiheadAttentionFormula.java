package io.layercount.core.internal.rules;

import io.layercount.core.model.Arguments;
import io.layercount.core.model.Layer;
import java.util.OptionalLong;

/**
 * {@code nn.MultiheadAttention} prints only its {@code (out_proj)} child, which is counted on its
 * own. What the module itself owns is the hidden input projection: {@code 3E·E} weights (or
 * {@code E·E + E·kdim + E·vdim} when {@code kdim}/{@code vdim} are printed and differ) and
 * {@code 3E} biases when the out-projection has a bias (both follow one {@code bias} flag).
 * {@code add_bias_kv} is never printed; the rule table notes that.
 */
final class MultiheadAttentionFormula {
  private MultiheadAttentionFormula() {}

  static OptionalLong inputProjection(Layer layer) {
    Layer outProj = null;
    for (Layer child : layer.children()) {
      if (child.name().equals("out_proj")) {
        outProj = child;
      }
    }
    Arguments a = layer.arguments();
    OptionalLong embed = a.get("embed_dim") != null ? a.longValue("embed_dim", -1)
        : outProj == null ? OptionalLong.empty() : outProj.arguments().longValue("out_features", 1);
    if (embed.isEmpty()) {
      return embed;
    }
    long e = embed.getAsLong();
    OptionalLong kdim = a.get("kdim") == null ? embed : a.longValue("kdim", -1);
    OptionalLong vdim = a.get("vdim") == null ? embed : a.longValue("vdim", -1);
    if (!Sizes.present(kdim, vdim)) {
      return OptionalLong.empty();
    }
    OptionalLong weights = Sizes.product(e, e + kdim.getAsLong() + vdim.getAsLong());
    boolean bias = a.get("bias") != null ? a.flag("bias", true)
        : outProj == null || outProj.arguments().flag("bias", true);
    return Sizes.plusIf(bias, weights, Sizes.product(3, e));
  }
}
