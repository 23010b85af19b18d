package io.layercount.core.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.layercount.core.Analysis;
import io.layercount.core.testing.Printouts;
import org.junit.jupiter.api.Test;

/**
 * The kind of a class no rule covers, from how it prints. PyTorch Geometric's graph convolutions
 * print their channels alone ({@code GCNConv(1433, 16)}): a published two-layer GCN read depth 0
 * and weighted 0, presented as whole.
 */
class SignatureKindsTest {
  @Test
  void aClassNamedConvPrintingTwoWidthsIsAConvolution() {
    Analysis a = Printouts.analyse(
        "GCN(",
        "  (conv1): GCNConv(1433, 16)",
        "  (conv2): GATConv(16, 7, heads=8)",
        ")");
    assertEquals(2, a.layers().weighted());
    assertEquals(2, a.layers().depth());
    assertFalse(a.parameters().exact(), "what a graph convolution owns is not known");
  }

  /** DGL prints its graph convolution's widths as keywords: a published 3-layer GCN read depth 0, whole. */
  @Test
  void aClassNamedConvPrintingInAndOutIsAConvolution() {
    Analysis a = Printouts.analyse(
        "GCN(",
        "  (layers): ModuleList(",
        "    (0): GraphConv(in=128, out=256, normalization=both, activation=None)",
        "    (1): GraphConv(in=256, out=40, normalization=both, activation=None)",
        "  )",
        ")");
    assertEquals(2, a.layers().weighted());
    assertEquals(2, a.layers().depth());
    assertFalse(a.parameters().exact(), "what a graph convolution owns is not known");
    Analysis other = Printouts.analyse("Net(", "  (pool): GraphPool(in=128, out=256)", ")");
    assertEquals(0, other.layers().weighted());
  }

  @Test
  void otherClassesPrintingTwoNumbersStayUnknown() {
    Analysis a = Printouts.analyse(
        "Net(",
        "  (pool): GraphPool(1433, 16)",
        "  (conv): GCNConv(0.5, 16)",
        ")");
    assertEquals(0, a.layers().weighted());
  }

  /**
   * A class no rule covers printing torch.nn.Linear's arguments (a Linear subclass: DINOv3's
   * {@code LinearKMaskedBias}) owns at least Linear's weight and bias: counted, the total still a
   * lower bound. Counted as nothing, a published DINOv3-7B was 2.0 billion short.
   */
  @Test
  void aClassPrintingLinearsArgumentsCountsAtLeastLinearsWeightAndBias() {
    Analysis a = Printouts.analyse(
        "Attention(",
        "  (qkv): LinearKMaskedBias(in_features=64, out_features=192, bias=True)",
        "  (proj): LinearKMaskedBias(in_features=64, out_features=64, bias=False)",
        "  (gate): MyGate(in_features=64, out_features=8)",
        ")");
    // a bias only where bias=True says so: MyGate's weight alone
    assertEquals(64 * 192 + 192 + 64 * 64 + 64 * 8, a.parameters().total());
    assertFalse(a.parameters().exact());
    assertEquals(java.util.List.of("Attention", "LinearKMaskedBias", "MyGate"), a.parameters().unknownTypes());
  }
}
