package io.layercount.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.Convention;
import io.layercount.core.Severity;
import io.layercount.core.model.Layer;
import io.layercount.core.model.Network;
import io.layercount.core.testing.PrintoutTree;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each convention on small printouts whose answers are worked out by hand. */
class ConventionsTest {
  private static Analysis analyse(String printout) {
    return analyse(PrintoutTree.parse(printout));
  }

  private static Analysis analyse(Layer root) {
    return Analyzer.standard().analyze(new Network("pytorch", null, root, false, null, List.of()), 0, List.of());
  }

  private static final String STACK = String.join("\n",
      "Model(",
      "  (embed): Embedding(100, 8)",
      "  (layers): ModuleList(",
      "    (0-2): 3 x Block(",
      "      (fc): Linear(in_features=8, out_features=8, bias=True)",
      "      (act): ReLU()",
      "    )",
      "  )",
      "  (head): Linear(in_features=8, out_features=2, bias=False)",
      ")");

  @Test
  void runsAreExpandedEverywhere() {
    Analysis a = analyse(STACK);
    assertEquals(3 + 1, a.layers().weighted());
    assertEquals(1 + 3 + 1, a.layers().parameterized());
    assertEquals(1 + 3 * 2 + 1, a.layers().leaves());
    assertEquals(1 + 1 + 1 + 3 * 3 + 1, a.layers().modules());
    assertEquals(3, a.layers().blocks());
    assertEquals(4, a.layers().depth());
    assertEquals(List.of("layers.0", "layers.1", "layers.2"), a.explanation().counted().get(Convention.BLOCKS));
    assertEquals(List.of("layers.0.fc", "layers.1.fc", "layers.2.fc", "head"),
        a.explanation().counted().get(Convention.WEIGHTED));
    assertEquals(3, a.byType().get("Linear") - 1);
  }

  /**
   * A convolution printed with children (detectron2's Conv2d holding its norm; a weight-normed conv
   * whose weight a parametrization holds) is still a layer with weights: parameterized counted only
   * leaves, so a published detectron2 Mask R-CNN read 16 layers with weights for 74, EnCodec 2 for 38.
   */
  @Test
  void aConvolutionWithChildrenIsALayerWithWeights() {
    Analysis a = analyse(String.join("\n",
        "Stem(",
        "  (conv1): Conv2d(",
        "    3, 8, kernel_size=(7, 7), stride=(2, 2), padding=(3, 3), bias=False",
        "    (norm): FrozenBatchNorm2d(num_features=8, eps=1e-05)",
        "  )",
        "  (conv2): ParametrizedConv1d(",
        "    8, 8, kernel_size=(3,), stride=(1,)",
        "    (parametrizations): ModuleDict(",
        "      (weight): ParametrizationList(",
        "        (0): _WeightNorm()",
        "      )",
        "    )",
        "  )",
        "  (fc): Linear(in_features=8, out_features=2, bias=True)",
        ")"));
    assertEquals(3, a.layers().weighted());
    assertEquals(3, a.layers().parameterized(), a.diagnostics().toString());
    assertEquals(3, a.layers().leaves()); // the norm, _WeightNorm and fc
  }

  @Test
  void anUnknownClassMakesTheTotalALowerBound() {
    Analysis a = analyse(STACK);
    assertFalse(a.parameters().exact(), "Model and Block are not in the corpus rows");
    assertEquals(800 + 3 * 72 + 16, a.parameters().total());
    assertTrue(a.parameters().unknownTypes().contains("Block"));
    assertTrue(a.diagnostics().stream().anyMatch(d -> d.severity() == Severity.WARNING
        && d.message().startsWith("Block has no parameter rule") && d.line() == 4));
  }

  @Test
  void hiddenChildrenOfSelectAdaptivePool2dAreCounted() {
    // timm prints the pool's arguments but not its two children, pool and flatten (named_modules() has them)
    Analysis a = analyse(String.join("\n",
        "ClassifierHead(",
        "  (global_pool): SelectAdaptivePool2d(pool_type=avg, flatten=Flatten(start_dim=1, end_dim=-1))",
        "  (drop): Dropout(p=0.0, inplace=False)",
        "  (fc): Linear(in_features=512, out_features=10, bias=True)",
        "  (flatten): Identity()",
        ")"));
    assertEquals(5, a.layers().leaves());
    assertEquals(7, a.layers().modules());
    assertEquals(1, a.byType().get("AdaptiveAvgPool2d"));
    assertEquals(1, a.byType().get("Flatten"));
    assertTrue(a.explanation().counted().get(Convention.LEAVES).contains("global_pool.pool"));
    assertEquals(5130, a.parameters().total());
  }

  @Test
  void multiheadAttentionCountsTwiceInDepthAndOnceMoreInWeighted() {
    Analysis a = analyse(String.join("\n",
        "TransformerEncoderLayer(",
        "  (self_attn): MultiheadAttention(",
        "    (out_proj): NonDynamicallyQuantizableLinear(in_features=16, out_features=16, bias=True)",
        "  )",
        "  (linear1): Linear(in_features=16, out_features=32, bias=True)",
        "  (dropout): Dropout(p=0.1, inplace=False)",
        "  (linear2): Linear(in_features=32, out_features=16, bias=True)",
        "  (norm1): LayerNorm((16,), eps=1e-05, elementwise_affine=True)",
        ")"));
    assertEquals(4, a.layers().weighted());
    assertEquals(4, a.layers().depth());
    assertTrue(a.parameters().exact());
    assertEquals(3 * 16 * 16 + 48 + 272 + 544 + 528 + 32, a.parameters().total());
    assertNull(a.layers().blocks());
  }

  @Test
  void inceptionBranchesRunSideBySide() {
    // branch5x5 and branch3x3 (whose 2a and 2b run side by side) are both 2 deep: the first wins

    Analysis a = analyse(String.join("\n",
        "InceptionA(",
        "  (branch1x1): Conv2d(8, 4, kernel_size=(1, 1), stride=(1, 1))",
        "  (branch5x5_1): Conv2d(8, 4, kernel_size=(1, 1), stride=(1, 1))",
        "  (branch5x5_2): Conv2d(4, 4, kernel_size=(5, 5), stride=(1, 1))",
        "  (branch3x3_1): Conv2d(8, 4, kernel_size=(1, 1), stride=(1, 1))",
        "  (branch3x3_2a): Conv2d(4, 4, kernel_size=(1, 3), stride=(1, 1))",
        "  (branch3x3_2b): Conv2d(4, 4, kernel_size=(3, 1), stride=(1, 1))",
        "  (AuxLogits): Linear(in_features=8, out_features=2, bias=True)",
        ")"));
    assertEquals(2, a.layers().depth());
    assertEquals(7, a.layers().weighted());
    List<String> reasons = new ArrayList<>();
    a.explanation().excluded().get(Convention.DEPTH).forEach(e -> reasons.add(e.path() + ": " + e.reason()));
    assertEquals(List.of("branch1x1: parallel branch, on a shorter path",
        "branch3x3_1: runs beside branch5x5_1, as long; one path is listed",
        "branch3x3_2a: runs beside branch5x5_2, as long; one path is listed",
        "branch3x3_2b: runs beside branch5x5_2, as long; one path is listed",
        "AuxLogits: auxiliary head, off the main path"), reasons);
    assertEquals(List.of("branch5x5_1", "branch5x5_2"), a.explanation().counted().get(Convention.DEPTH));
  }

  @Test
  void queryKeyValueProjectionsRunSideBySide() {
    Analysis a = analyse(String.join("\n",
        "Attention(",
        "  (q_proj): Linear(in_features=8, out_features=8, bias=False)",
        "  (k_proj): Linear(in_features=8, out_features=8, bias=False)",
        "  (v_proj): Linear(in_features=8, out_features=8, bias=False)",
        "  (o_proj): Linear(in_features=8, out_features=8, bias=False)",
        ")"));
    assertEquals(2, a.layers().depth());
    assertEquals(4, a.layers().weighted());
  }

  @Test
  @Timeout(10)
  void deepTreesDoNotOverflowTheStack() {
    Layer node = Layer.of("fc", "Linear", io.layercount.core.model.Arguments.parse("in_features=2, out_features=2"),
        List.of(), 1);
    for (int i = 0; i < 100_000; i++) {
      node = Layer.of(i == 99_999 ? "" : "s", "Sequential", io.layercount.core.model.Arguments.NONE, List.of(node), 1);
    }
    Analysis a = analyse(node);
    assertEquals(1, a.layers().depth());
    assertEquals(100_001, a.layers().modules());
    assertEquals(6, a.parameters().total());
    assertTrue(a.parameters().exact());
  }

  @Test
  @Timeout(10)
  void nestedRunsAreCountedWithoutEnumeratingThem() {
    Layer leaf = new Layer("0", "Linear", io.layercount.core.model.Arguments.parse("in_features=1, out_features=1"),
        List.of(), 1000, null, 0);
    Layer inner = new Layer("0", "ModuleList", io.layercount.core.model.Arguments.NONE, List.of(leaf), 1000, null, 0);
    Layer outer = new Layer("0", "ModuleList", io.layercount.core.model.Arguments.NONE, List.of(inner), 1000, null, 0);
    Analysis a = analyse(Layer.of("", "ModuleList", io.layercount.core.model.Arguments.NONE, List.of(outer), 1));
    assertEquals(1_000_000_000, a.layers().leaves());
    assertEquals(2_000_000_000L, a.parameters().total());
    assertTrue(a.diagnostics().stream().anyMatch(d -> d.message().startsWith("the explanation lists only")));
  }

  @Test
  void graphDepthFollowsStatedEdges() {
    Layer input = new Layer("in", "InputLayer", null, List.of(), 1, new Layer.Stated(0L, null, null, List.of()), 1);
    Layer a = new Layer("a", "Dense", null, List.of(), 1, new Layer.Stated(10L, true, null, List.of("in")), 2);
    Layer b = new Layer("b", "Dense", null, List.of(), 1, new Layer.Stated(10L, true, null, List.of("a[0][0]")), 3);
    Layer c = new Layer("c", "Dense", null, List.of(), 1, new Layer.Stated(10L, false, null, List.of("in")), 4);
    Layer add = new Layer("add", "Add", null, List.of(), 1, new Layer.Stated(0L, null, null, List.of("b", "c")), 5);
    Layer root = Layer.of("", "Functional", null, List.of(input, a, b, c, add), 0);
    Analysis r = Analyzer.standard().analyze(new Network("keras2", "m", root, true, null, List.of()), 0, List.of());
    assertEquals(2, r.layers().depth());
    assertEquals("graph", r.layers().depthBasis());
    assertEquals(3, r.layers().weighted());
    assertEquals(5, r.layers().keras());
    assertEquals(30, r.parameters().total());
    assertEquals(20L, r.parameters().trainable());
    assertEquals(10L, r.parameters().nonTrainable());
  }
}
