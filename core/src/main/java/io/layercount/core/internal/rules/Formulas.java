package io.layercount.core.internal.rules;

import io.layercount.core.model.LayerKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.List;

/** The named formulas the rule table may refer to, with the kind of layer each implies. */
final class Formulas {
  /** A formula together with the kind a layer following it has. */
  record Named(String name, Formula formula, LayerKind kind) {}

  private static final Map<String, Named> BY_NAME = new LinkedHashMap<>();

  static {
    add("none", layer -> OptionalLong.of(0), LayerKind.OTHER);
    add("conv", ConvolutionFormula.FORWARD, LayerKind.CONVOLUTION);
    add("conv-transposed", ConvolutionFormula.TRANSPOSED, LayerKind.CONVOLUTION);
    add("linear", LinearFormulas::linear, LayerKind.FULLY_CONNECTED);
    add("gpt2-conv1d", LinearFormulas::gpt2Conv1d, LayerKind.FULLY_CONNECTED);
    add("bilinear", LinearFormulas::bilinear, LayerKind.FULLY_CONNECTED);
    add("embedding", NormAndEmbeddingFormulas::embedding, LayerKind.EMBEDDING);
    add("batch-norm", NormAndEmbeddingFormulas::batchNorm, LayerKind.NORMALIZATION);
    add("instance-norm", NormAndEmbeddingFormulas::instanceNorm, LayerKind.NORMALIZATION);
    add("group-norm", NormAndEmbeddingFormulas::groupNorm, LayerKind.NORMALIZATION);
    add("layer-norm", NormAndEmbeddingFormulas::layerNorm, LayerKind.NORMALIZATION);
    add("rms-norm", NormAndEmbeddingFormulas::rmsNorm, LayerKind.NORMALIZATION);
    add("lstm", RecurrentFormula.stacked(4), LayerKind.RECURRENT);
    add("gru", RecurrentFormula.stacked(3), LayerKind.RECURRENT);
    add("rnn", RecurrentFormula.stacked(1), LayerKind.RECURRENT);
    add("lstm-cell", RecurrentFormula.cell(4), LayerKind.RECURRENT);
    add("gru-cell", RecurrentFormula.cell(3), LayerKind.RECURRENT);
    add("rnn-cell", RecurrentFormula.cell(1), LayerKind.RECURRENT);
    add("multihead-attention", MultiheadAttentionFormula::inputProjection, LayerKind.ATTENTION);
    add("prelu", NormAndEmbeddingFormulas::prelu, LayerKind.ACTIVATION);
    add("parameter-list", ParameterListFormula::printedTensors, LayerKind.OTHER);
    add("stated", Formulas::stated, LayerKind.OTHER);
    // resolved by the rule table, which knows the class a ParametrizedX was made from (Parametrizations)
    add("parametrized", layer -> OptionalLong.empty(), LayerKind.OTHER);
    add("parametrization-list", layer -> OptionalLong.empty(), LayerKind.OTHER);
    add("legacy-weight-norm-of-conv", Parametrizations::legacyWeightNormOfConv, LayerKind.CONTAINER);
  }

  /**
   * Formulas a third-party class may follow when it prints exactly like the torch.nn layer; the
   * corpus generator tries them in this order.
   */
  static final List<String> SIGNATURES = List.of("linear", "conv", "conv-transposed", "batch-norm",
      "group-norm", "layer-norm", "rms-norm", "embedding", "gpt2-conv1d");

  private Formulas() {}

  private static void add(String name, Formula formula, LayerKind kind) {
    BY_NAME.put(name, new Named(name, formula, kind));
  }

  /** The count the text prints for the layer (Keras {@code Param #}), if any. */
  private static OptionalLong stated(io.layercount.core.model.Layer layer) {
    Long params = layer.stated().params();
    return params == null ? OptionalLong.empty() : OptionalLong.of(params);
  }

  /** Every formula's name, in the order above. */
  static java.util.Set<String> names() {
    return java.util.Collections.unmodifiableSet(BY_NAME.keySet());
  }

  /** The formula called {@code name}, or {@code null}. */
  static Named byName(String name) {
    return BY_NAME.get(name);
  }
}
