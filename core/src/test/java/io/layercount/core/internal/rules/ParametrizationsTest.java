package io.layercount.core.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.testing.Printouts;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Weight-normed layers ({@code torch.nn.utils.parametrizations.weight_norm}), on excerpts of HF EnCodec and HuBERT. */
class ParametrizationsTest {
  /** The lines of a child {@code key} whose weight {@code parametrization} parametrizes, as torch prints it. */
  private static String parametrized(String key, String type, String arguments, String parametrization) {
    return String.join("\n",
        "  (" + key + "): " + type + "(",
        "    " + arguments,
        "    (parametrizations): ModuleDict(",
        "      (weight): ParametrizationList(",
        "        (0): " + parametrization + "()",
        "      )",
        "    )",
        "  )");
  }

  private static String weightNormed(String key, String type, String arguments) {
    return parametrized(key, type, arguments, "_WeightNorm");
  }

  @Test
  void aWeightNormedConvolutionKeepsItsBiasAndItsListTheDirection() {
    Analysis a = Printouts.analyse("EncodecConv1d(",
        weightNormed("conv", "ParametrizedConv1d", "1, 32, kernel_size=(7,), stride=(1,)"),
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
    Analysis a = Printouts.analyse("HubertPositionalConvEmbedding(",
        weightNormed("conv", "ParametrizedConv1d",
            "768, 768, kernel_size=(128,), stride=(1,), padding=(64,), groups=16"),
        "  (padding): HubertSamePadLayer()",
        "  (activation): GELUActivation()",
        ")");
    assertEquals(768 + 768 * 48 * 128, a.parameters().total());
  }

  @Test
  void theStreamAfterAParametrizedLayerHasItsOutputWidth() {
    Analysis a = Printouts.analyse("Sequential(", "  (0): Conv1d(8, 16, kernel_size=(1,), stride=(1,), bias=False)",
        weightNormed("1", "ParametrizedConv1d", "16, 32, kernel_size=(1,), stride=(1,), bias=False"),
        "  (2): LayerScale()",
        ")");
    assertEquals(8 * 16 + 16 * 32 + 32, a.parameters().total());
  }

  @Test
  void anotherParametrizationLeavesItsOriginalsUnknown() {
    Analysis a = Printouts.analyse("Sequential(",
        parametrized("0", "ParametrizedLinear", "in_features=4, out_features=4, bias=True", "_Orthogonal"),
        ")");
    assertEquals(4, a.parameters().total());
    assertFalse(a.parameters().exact());
    assertTrue(a.parameters().unknownTypes().contains("ParametrizationList"), a.parameters().unknownTypes().toString());
  }

  /**
   * HF EnCodec's convs printed with torch before 2.1: the class applied the legacy {@code
   * weight_norm} hook, which prints nothing and adds {@code weight_g}, one value per output channel
   * of a Conv1d, per input channel of a ConvTranspose1d (a published README: 7,423,472 called exact
   * for 7,425,792). A {@code norm} child says the class was built with a group norm instead.
   */
  @Test
  void anEncodecConvPrintedPlainHoldsTheLegacyWeightNormsMagnitudes() {
    Analysis a = Printouts.analyse("EncodecDecoder(", "  (layers): ModuleList(",
        "    (0): EncodecConv1d(", "      (conv): Conv1d(1, 32, kernel_size=(7,), stride=(1,))", "    )",
        "    (1): EncodecConvTranspose1d(", "      (conv): ConvTranspose1d(32, 16, kernel_size=(4,), stride=(2,))", "    )",
        "  )", ")");
    assertEquals((32 * 7 + 32) + 32 + (32 * 16 * 4 + 16) + 32, a.parameters().total());
    assertTrue(a.parameters().exact());
    Analysis grouped = Printouts.analyse("EncodecConv1d(",
        "  (conv): Conv1d(1, 32, kernel_size=(7,), stride=(1,))", "  (norm): GroupNorm(1, 32, eps=1e-05, affine=True)", ")");
    assertEquals(32 * 7 + 32 + 2 * 32, grouped.parameters().total());
    assertTrue(grouped.parameters().exact());
  }
}
