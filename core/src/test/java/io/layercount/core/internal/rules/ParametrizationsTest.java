package io.layercount.core.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.internal.Analyzer;
import io.layercount.core.model.Network;
import io.layercount.core.testing.PrintoutTree;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Weight-normed layers ({@code torch.nn.utils.parametrizations.weight_norm}), on excerpts of HF EnCodec and HuBERT. */
class ParametrizationsTest {
  private static Analysis analyse(String... lines) {
    return Analyzer.standard().analyze(new Network("pytorch", null, PrintoutTree.parse(String.join("\n", lines)), false,
        null, List.of()), 0, List.of());
  }

  @Test
  void aWeightNormedConvolutionKeepsItsBiasAndItsListTheDirection() {
    Analysis a = analyse(
        "EncodecConv1d(",
        "  (conv): ParametrizedConv1d(",
        "    1, 32, kernel_size=(7,), stride=(1,)",
        "    (parametrizations): ModuleDict(",
        "      (weight): ParametrizationList(",
        "        (0): _WeightNorm()",
        "      )",
        "    )",
        "  )",
        ")");
    assertEquals(32 + 32 * 7, a.parameters().total());
    assertFalse(a.parameters().exact());
    assertEquals(List.of("ParametrizationList"), a.parameters().unknownTypes());
    assertTrue(a.diagnostics().stream().anyMatch(d -> d.message().contains("original0")
        && d.message().contains("32 with the default dim=0")), a.diagnostics().toString());
    assertEquals(1, a.layers().weighted());
  }

  @Test
  void aGroupedPositionalConvolutionMovesItsWholeWeight() {
    Analysis a = analyse(
        "HubertPositionalConvEmbedding(",
        "  (conv): ParametrizedConv1d(",
        "    768, 768, kernel_size=(128,), stride=(1,), padding=(64,), groups=16",
        "    (parametrizations): ModuleDict(",
        "      (weight): ParametrizationList(",
        "        (0): _WeightNorm()",
        "      )",
        "    )",
        "  )",
        "  (padding): HubertSamePadLayer()",
        "  (activation): GELUActivation()",
        ")");
    assertEquals(768 + 768 * 48 * 128, a.parameters().total());
  }

  @Test
  void theStreamAfterAParametrizedLayerHasItsOutputWidth() {
    Analysis a = analyse(
        "Sequential(",
        "  (0): Conv1d(8, 16, kernel_size=(1,), stride=(1,), bias=False)",
        "  (1): ParametrizedConv1d(",
        "    16, 32, kernel_size=(1,), stride=(1,), bias=False",
        "    (parametrizations): ModuleDict(",
        "      (weight): ParametrizationList(",
        "        (0): _WeightNorm()",
        "      )",
        "    )",
        "  )",
        "  (2): LayerScale()",
        ")");
    assertEquals(8 * 16 + 16 * 32 + 32, a.parameters().total());
  }

  @Test
  void anotherParametrizationLeavesItsOriginalsUnknown() {
    Analysis a = analyse(
        "Sequential(",
        "  (0): ParametrizedLinear(",
        "    in_features=4, out_features=4, bias=True",
        "    (parametrizations): ModuleDict(",
        "      (weight): ParametrizationList(",
        "        (0): _Orthogonal()",
        "      )",
        "    )",
        "  )",
        ")");
    assertEquals(4, a.parameters().total());
    assertFalse(a.parameters().exact());
    assertTrue(a.parameters().unknownTypes().contains("ParametrizationList"), a.parameters().unknownTypes().toString());
  }
}
