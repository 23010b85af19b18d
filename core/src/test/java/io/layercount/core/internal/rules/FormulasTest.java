package io.layercount.core.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.model.Arguments;
import io.layercount.core.model.Layer;
import io.layercount.core.model.LayerKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** One case per rule, sizes worked out by hand from the PyTorch source. */
class FormulasTest {
  private static Layer leaf(String type, String args) {
    return Layer.of("x", type, Arguments.parse(args), List.of(), 1);
  }

  /** A child under key {@code name} (only its key matters to a structural row). */
  private static Layer named(String name) {
    return Layer.of(name, "Identity", Arguments.NONE, List.of(), 1);
  }

  private static long own(String type, String args) {
    Resolution r = RuleTable.torch().resolve(leaf(type, args));
    assertTrue(r.known(), type + "(" + args + ") should be known");
    return r.ownParameters();
  }

  @ParameterizedTest(name = "{0}({1}) owns {2}")
  @CsvSource(delimiter = '|', value = {
      "Conv2d|3, 64, kernel_size=(7, 7), stride=(2, 2), padding=(3, 3), bias=False|9408",
      "Conv2d|3, 64, kernel_size=(3, 3), stride=(1, 1)|1792",
      "Conv2d|64, 64, kernel_size=(3, 3), stride=(1, 1), groups=64, bias=False|576",
      "Conv1d|128, 1280, kernel_size=(3,), stride=(1,), padding=(1,)|492800",
      "Conv3d|3, 8, kernel_size=(2, 3, 3), stride=(1, 1, 1)|440",
      "ConvTranspose2d|64, 32, kernel_size=(4, 4), stride=(2, 2), groups=2|16416",
      "Conv2d|3 -> 64, size=(4, 4), stride=(2, 2)|3136",
      "Linear|in_features=512, out_features=1000, bias=True|513000",
      "Linear|in_features=512, out_features=1000, bias=False|512000",
      "Linear|512 -> 1000|513000",
      "NonDynamicallyQuantizableLinear|in_features=768, out_features=768, bias=True|590592",
      "_LinearWithBias|in_features=264, out_features=264, bias=True|69960",
      "Conv1D|nf=2304, nx=768|1771776",
      "Bilinear|in1_features=3, in2_features=4, out_features=5, bias=True|65",
      "Embedding|32000, 4096, padding_idx=0|131072000",
      "EmbeddingBag|10, 3, mode='mean'|30",
      "BatchNorm2d|64, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True|128",
      "BatchNorm2d|64, eps=1e-05, momentum=0.1, affine=False, track_running_stats=True|0",
      "BatchNorm1d|100, eps=1e-05, momentum=0.1, affine=True|200",
      "InstanceNorm2d|64, eps=1e-05, momentum=0.1, affine=False, track_running_stats=False|0",
      "InstanceNorm2d|64, eps=1e-05, momentum=0.1, affine=True, track_running_stats=False|128",
      "GroupNorm|32, 1024, eps=1e-05, affine=True|2048",
      "LayerNorm|(4, 5), eps=1e-05, elementwise_affine=False|0",
      "RMSNorm|(4096,), eps=None, elementwise_affine=True|4096",
      "LSTM|1280, 256, num_layers=2|2101248",
      "LSTM|10, 20, num_layers=2, bidirectional=True|15040",
      "LSTM|10, 20, proj_size=5|1460",
      "GRU|10, 20, bias=False|1800",
      "RNN|10, 20|640",
      "LSTMCell|10, 20|2560",
      "GRUCell|10, 20, bias=False|1800",
      "RNNCell|10, 20, nonlinearity=relu|640",
      "PReLU|num_parameters=8|8",
      "PReLU||1",
      "PReLU|1|1",
      "ReLU|inplace=True|0",
      "MaxPool2d|kernel_size=3, stride=2, padding=1, dilation=1, ceil_mode=False|0",
      "ReflectionPad2d|(1, 1, 1, 1)|0",
      "Dropout2d|p=0.5, inplace=False|0",
      "FrozenBatchNorm2d|64, eps=1e-05|0",
  })
  void printedArgumentsGiveTheCount(String type, String args, long expected) {
    assertEquals(expected, own(type, args == null ? "" : args));
  }

  /** Classes that own nothing whatever they print are known to: a lower bound would be a false alarm. */
  @Test
  void torchvisionsFrozenBatchNormAndOldConvNormActivationAreKnown() {
    Resolution frozen = RuleTable.torch().resolve(leaf("FrozenBatchNorm2d", "16, eps=1e-05"));
    assertTrue(frozen.known() && frozen.exact(), frozen.toString());
    assertEquals(LayerKind.NORMALIZATION, frozen.kind());
    Resolution block = RuleTable.torch().resolve(Layer.of("0", "ConvNormActivation", Arguments.NONE,
        List.of(leaf("Conv2d", "3, 16, kernel_size=(3, 3)")), 1));
    assertTrue(block.known() && block.exact(), block.toString());
    assertEquals(LayerKind.CONTAINER, block.kind());
    assertEquals(0, block.ownParameters());
  }

  @Test
  void layerNormBiasFollowsItsOwner() {
    Layer norm = leaf("LayerNorm", "(768,), eps=1e-05, elementwise_affine=True");
    Resolution alone = RuleTable.torch().resolve(norm);
    assertFalse(alone.known(), "bias=False is never printed: a LayerNorm on its own is a lower bound");
    assertEquals(768, alone.ownParameters());

    Resolution bert = RuleTable.torch().resolve(norm, Layer.of("output", "BertSelfOutput", Arguments.NONE, List.of(norm), 1));
    assertTrue(bert.known() && bert.exact());
    assertEquals(1536, bert.ownParameters());

    Resolution modernBert =
        RuleTable.torch().resolve(norm, Layer.of("0", "ModernBertEncoderLayer", Arguments.NONE, List.of(norm), 1));
    assertTrue(modernBert.known() && modernBert.exact());
    assertEquals(768, modernBert.ownParameters());
  }

  @Test
  void torchTransformerLayerNormsShareTheLinearBiasFlag() {
    Layer norm = leaf("LayerNorm", "(16,), eps=1e-05, elementwise_affine=True");
    for (boolean bias : new boolean[] {true, false}) {
      Layer linear = leaf("Linear", "in_features=16, out_features=32, bias=" + (bias ? "True" : "False"));
      Layer owner = Layer.of("", "TransformerEncoderLayer", Arguments.NONE,
          List.of(Layer.of("linear1", "Linear", linear.arguments(), List.of(), 2), norm), 1);
      Resolution r = RuleTable.torch().resolve(norm, owner);
      assertTrue(r.known() && r.exact());
      assertEquals(bias ? 32 : 16, r.ownParameters());
    }
  }

  @Test
  void multiheadAttentionOwnsItsHiddenInputProjection() {
    Layer outProj = leaf("NonDynamicallyQuantizableLinear", "in_features=768, out_features=768, bias=True");
    Layer outProjNoBias = leaf("NonDynamicallyQuantizableLinear", "in_features=8, out_features=8, bias=False");
    Resolution r = RuleTable.torch().resolve(Layer.of("attn", "MultiheadAttention", Arguments.NONE,
        List.of(rename(outProj)), 1));
    assertEquals(3L * 768 * 768 + 3 * 768, r.ownParameters());
    assertEquals(1, r.weighted());
    assertEquals(LayerKind.ATTENTION, r.kind());
    assertEquals(3L * 8 * 8, RuleTable.torch().resolve(Layer.of("attn", "MultiheadAttention", Arguments.NONE,
        List.of(rename(outProjNoBias)), 1)).ownParameters());
    assertEquals(8L * (8 + 4 + 6) + 24, RuleTable.torch().resolve(Layer.of("attn", "MultiheadAttention",
        Arguments.parse("embed_dim=8, kdim=4, vdim=6"), List.of(), 1)).ownParameters());
  }

  @Test
  void aMultiheadAttentionPrintingItsOwnProjectionsIsNotTorchsAndHidesNoInputProjection() {
    // fairseq's MultiheadAttention prints q_proj, k_proj, v_proj and out_proj as children: the built-in
    // rule's hidden 3E x E + 3E would count the projections twice and push the bound above the truth
    List<Layer> children = new ArrayList<>();
    children.add(Layer.of("dropout_module", "FairseqDropout", Arguments.NONE, List.of(), 3));
    for (String name : List.of("k_proj", "v_proj", "q_proj", "out_proj")) {
      children.add(Layer.of(name, "Linear", Arguments.parse("in_features=8, out_features=8, bias=True"), List.of(), 4));
    }
    Resolution r = RuleTable.torch().resolve(Layer.of("self_attn", "MultiheadAttention", Arguments.NONE, children, 2));
    assertFalse(r.known(), "no built-in rule for another class of the same name: " + r);
  }

  private static Layer rename(Layer l) {
    return Layer.of("out_proj", l.typeName(), l.arguments(), List.of(), 1);
  }

  @Test
  void parameterListSumsThePrintedTensors() {
    assertEquals(9 + 4, own("ParameterList",
        "(0): Parameter containing: [torch.float32 of size 3x3], (1): Parameter containing: [torch.float32 of size 4]"));
  }

  /**
   * A tensor on a GPU prints its device after its size (a published {@code MLPModel} of two
   * ParameterLists on {@code cuda:0} was counted 0, a lower bound, where it holds 669,706); a
   * scalar prints no size (one element).
   */
  @Test
  void parameterListOnAGpuAndAScalar() {
    assertEquals(784 * 512 + 512, own("ParameterList",
        "(0): Parameter containing: [torch.float32 of size 784x512 (cuda:0)], (1): Parameter containing:"
            + " [torch.float32 of size 1x512 (cuda:1)]"));
    assertEquals(1 + 6, own("ParameterList",
        "(0): Parameter containing: [torch.float32 of size ], (1): Parameter containing: [torch.float16 of size 2x3]"));
    assertFalse(RuleTable.torch().resolve(leaf("ParameterList", "(0): Parameter containing: [torch.float32]")).known(),
        "an entry without a size leaves the count unknown");
  }

  @Test
  void unreadableArgumentsMakeTheCountUnknownNotZero() {
    Resolution r = RuleTable.torch().resolve(leaf("Conv1D", ""));
    assertFalse(r.known());
    assertFalse(r.exact());
    assertEquals(Resolution.UNREADABLE, r.basis());
    assertFalse(RuleTable.torch().resolve(leaf("Linear", "in_features=12345678901234567890, out_features=2")).known());
  }

  @Test
  void unknownClassesAreUnknownWithAKindFromTheirSignature() {
    Resolution conv = RuleTable.torch().resolve(leaf("MyFancyConv", "3, 8, kernel_size=(3, 3)"));
    assertFalse(conv.known());
    assertEquals(LayerKind.CONVOLUTION, conv.kind());
    assertEquals(1, conv.weighted());
    Resolution scale = RuleTable.torch().resolve(leaf("MyLayerScale", ""));
    assertFalse(scale.known());
    assertEquals(0, scale.ownParameters());
  }

  @Test
  void corpusRowsCoverThirdPartyClasses() {
    List<Layer> torchvisionChildren = List.of(named("conv1"), named("bn1"), named("relu"), named("conv2"),
        named("bn2"));
    Resolution block = RuleTable.torch().resolve(Layer.of("0", "BasicBlock", Arguments.NONE, torchvisionChildren, 1),
        null, Place.NONE);
    assertTrue(block.known() && block.exact());
    assertEquals(0, block.ownParameters());
    assertEquals("corpus", block.basis());
    Resolution unseen = RuleTable.torch().resolve(Layer.of("0", "BasicBlock", Arguments.NONE,
        List.of(named("relu"), named("gain")), 1), null, Place.NONE);
    assertFalse(unseen.known(), "a container class is known only under child keys the corpus shows");
    assertEquals(4096, own("LlamaRMSNorm", "(4096,), eps=1e-06"));
    assertFalse(RuleTable.torch().resolve(leaf("LlamaRMSNorm", "")).known(), "older LlamaRMSNorm() gives no size");
    assertFalse(RuleTable.torch().resolve(leaf("LayerScale", "")).known(), "LayerScale owns a hidden gamma");
  }

  @Test
  void aStatedCountWinsForALeaf() {
    Layer dense = new Layer("dense", "Dense", Arguments.NONE, List.of(), 1,
        new Layer.Stated(330L, true, "(None, 10)", List.of()), 3);
    Resolution r = RuleTable.keras().resolve(dense);
    assertEquals(330, r.ownParameters());
    assertTrue(r.exact());
    assertEquals(LayerKind.FULLY_CONNECTED, r.kind());
    Layer separable = new Layer("sep", "SeparableConv2D", Arguments.NONE, List.of(), 1,
        new Layer.Stated(100L, true, null, List.of()), 4);
    assertEquals(2, RuleTable.keras().resolve(separable).weighted());
  }
}
