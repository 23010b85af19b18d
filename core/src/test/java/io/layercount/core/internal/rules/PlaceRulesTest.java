package io.layercount.core.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.InputSize;
import io.layercount.core.internal.Analyzer;
import io.layercount.core.model.Network;
import io.layercount.core.testing.PrintoutTree;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tensors sized by a layer's place ({@code torch-tensors.json}) and by a stated input size, on small printouts. */
class PlaceRulesTest {
  private static Analysis analyse(Analyzer analyzer, String... lines) {
    return analyzer.analyze(new Network("pytorch", null, PrintoutTree.parse(String.join("\n", lines)), false, null,
        List.of()), 0, List.of());
  }

  private static final String[] TIMM_BLOCK = {
      "Block(",
      "  (norm1): LayerNorm((8,), eps=1e-06, elementwise_affine=True)",
      "  (attn): Attention(",
      "    (qkv): Linear(in_features=8, out_features=24, bias=True)",
      "    (q_norm): Identity()",
      "    (k_norm): Identity()",
      "    (attn_drop): Dropout(p=0.0, inplace=False)",
      "    (norm): Identity()",
      "    (proj): Linear(in_features=8, out_features=8, bias=True)",
      "    (proj_drop): Dropout(p=0.0, inplace=False)",
      "  )",
      "  (ls1): LayerScale()",
      "  (drop_path1): Identity()",
      "  (norm2): LayerNorm((8,), eps=1e-06, elementwise_affine=True)",
      "  (mlp): Mlp(",
      "    (fc1): Linear(in_features=8, out_features=32, bias=True)",
      "    (act): GELU(approximate='none')",
      "    (drop1): Dropout(p=0.0, inplace=False)",
      "    (norm): Identity()",
      "    (fc2): Linear(in_features=32, out_features=8, bias=True)",
      "    (drop2): Dropout(p=0.0, inplace=False)",
      "  )",
      "  (ls2): LayerScale()",
      "  (drop_path2): Identity()",
      ")"};

  @Test
  void aLayerScaleScalesTheWidthOfItsStream() {
    Analysis a = analyse(Analyzer.standard(), TIMM_BLOCK);
    long linears = (8 * 24 + 24) + (8 * 8 + 8) + (8 * 32 + 32) + (32 * 8 + 8);
    assertEquals(linears + 2 * 16 + 2 * 8, a.parameters().total());
    assertTrue(a.parameters().exact(), a.diagnostics().toString());
  }

  @Test
  void aWidthThatPrintedOrderContradictsIsNotGuessed() {
    // HF attention modules print in definition order, not dataflow order: what reaches the layer
    // scale by printed order (the 4-wide k_proj) and what the next layer takes in (8) disagree
    Analysis a = analyse(Analyzer.standard(),
        "Layer(",
        "  (attention): SomeAttention(",
        "    (o_proj): Linear(in_features=8, out_features=8, bias=True)",
        "    (k_proj): Linear(in_features=8, out_features=4, bias=True)",
        "  )",
        "  (layer_scale1): LayerScale()",
        "  (norm2): LayerNorm((8,), eps=1e-06, elementwise_affine=True)",
        ")");
    assertFalse(a.parameters().exact());
    assertTrue(a.parameters().unknownTypes().contains("LayerScale"), a.parameters().unknownTypes().toString());
  }

  @Test
  void aConvNeXtV2BlockHasNoGammaButItsResponseNormHasWeightAndBias() {
    Analysis v1 = analyse(Analyzer.standard(),
        "ConvNeXtBlock(",
        "  (conv_dw): Conv2d(4, 4, kernel_size=(7, 7), stride=(1, 1), padding=(3, 3), groups=4)",
        "  (norm): LayerNorm((4,), eps=1e-06, elementwise_affine=True)",
        "  (mlp): Mlp(",
        "    (fc1): Linear(in_features=4, out_features=16, bias=True)",
        "    (fc2): Linear(in_features=16, out_features=4, bias=True)",
        "  )",
        ")");
    Analysis v2 = analyse(Analyzer.standard(),
        "ConvNeXtBlock(",
        "  (conv_dw): Conv2d(4, 4, kernel_size=(7, 7), stride=(1, 1), padding=(3, 3), groups=4)",
        "  (norm): LayerNorm((4,), eps=1e-06, elementwise_affine=True)",
        "  (mlp): GlobalResponseNormMlp(",
        "    (fc1): Linear(in_features=4, out_features=16, bias=True)",
        "    (grn): GlobalResponseNorm()",
        "    (fc2): Linear(in_features=16, out_features=4, bias=True)",
        "  )",
        ")");
    long shared = (4 * 49 + 4) + 8 + (4 * 16 + 16) + (16 * 4 + 4);
    assertEquals(shared + 4, v1.parameters().total());
    assertEquals(shared + 2 * 16, v2.parameters().total());
  }

  private static final String[] TORCHVISION_VIT = {
      "VisionTransformer(",
      "  (conv_proj): Conv2d(3, 8, kernel_size=(16, 16), stride=(16, 16))",
      "  (encoder): Encoder(",
      "    (dropout): Dropout(p=0.0, inplace=False)",
      "    (layers): Sequential(",
      "      (encoder_layer_0): EncoderBlock(",
      "        (ln_1): LayerNorm((8,), eps=1e-06, elementwise_affine=True)",
      "        (self_attention): MultiheadAttention(",
      "          (out_proj): NonDynamicallyQuantizableLinear(in_features=8, out_features=8, bias=True)",
      "        )",
      "        (dropout): Dropout(p=0.0, inplace=False)",
      "        (ln_2): LayerNorm((8,), eps=1e-06, elementwise_affine=True)",
      "        (mlp): MLPBlock(",
      "          (0): Linear(in_features=8, out_features=8, bias=True)",
      "        )",
      "      )",
      "    )",
      "    (ln): LayerNorm((8,), eps=1e-06, elementwise_affine=True)",
      "  )",
      "  (heads): Sequential(",
      "    (head): Linear(in_features=8, out_features=2, bias=True)",
      "  )",
      ")"};

  /** Two LayerNorms, the attention's in- and out-projection, and one Linear. */
  private static final long BLOCK = 16 + (3 * 64 + 24) + (64 + 8) + 16 + (64 + 8);

  @Test
  void aPositionTableNamesWhatIsMissingWithoutAnInputSize() {
    Analysis a = analyse(Analyzer.standard(), TORCHVISION_VIT);
    long printed = (3 * 256 * 8 + 8) + BLOCK + 16 + (8 * 2 + 2) + 8; // + the class token 1×1×8
    assertEquals(printed, a.parameters().total());
    assertFalse(a.parameters().exact());
    assertEquals(List.of("Encoder"), a.parameters().unknownTypes());
    assertTrue(a.diagnostics().stream().anyMatch(d -> d.message().contains("pos_embedding: 1×(N+1)×8, N = (H/16)·(W/16)")),
        a.diagnostics().toString());
    assertEquals(List.of(), a.parameters().assumptions());
  }

  @Test
  void aStatedInputSizeMakesThePositionTableExactForThatInput() {
    Analysis a = analyse(Analyzer.withInputSize(new InputSize(224, 224)), TORCHVISION_VIT);
    long printed = (3 * 256 * 8 + 8) + BLOCK + 16 + (8 * 2 + 2) + 8;
    assertEquals(printed + 197 * 8, a.parameters().total());
    assertTrue(a.parameters().exact());
    assertEquals(List.of("input size 224×224 (stated by the user)", "Encoder pos_embedding 1×197×8"),
        a.parameters().assumptions());
  }

  @Test
  void aTimmVisionTransformerNamesItsHiddenTokens() {
    Analysis a = analyse(Analyzer.withInputSize(new InputSize(224, 224)),
        "VisionTransformer(",
        "  (patch_embed): PatchEmbed(",
        "    (proj): Conv2d(3, 8, kernel_size=(16, 16), stride=(16, 16))",
        "  )",
        "  (blocks): Sequential(",
        "    (0): Identity()",
        "  )",
        ")");
    assertFalse(a.parameters().exact());
    assertTrue(a.diagnostics().stream().anyMatch(d -> d.message().contains("pos_embed (1×(N+k)×8, N = (H/16)·(W/16)")),
        a.diagnostics().toString());
  }

  @Test
  void aMambaMixerIsSizedFromItsPrintedProjections() {
    // transformers MambaMixer: A_log (inner width × state size) and D (inner width); x_proj gives
    // dt_rank + 2 × state size, dt_proj takes dt_rank
    Analysis a = analyse(Analyzer.standard(),
        "MambaMixer(",
        "  (conv1d): Conv1d(16, 16, kernel_size=(4,), stride=(1,), padding=(3,), groups=16)",
        "  (act): SiLUActivation()",
        "  (in_proj): Linear(in_features=8, out_features=32, bias=False)",
        "  (x_proj): Linear(in_features=16, out_features=9, bias=False)",
        "  (dt_proj): Linear(in_features=1, out_features=16, bias=True)",
        "  (out_proj): Linear(in_features=16, out_features=8, bias=False)",
        ")");
    long printed = (16 * 4 + 16) + 8 * 32 + 16 * 9 + (16 + 16) + 16 * 8;
    assertEquals(printed + 16 * 4 + 16, a.parameters().total());
    assertTrue(a.parameters().exact(), a.diagnostics().toString());
  }

  @Test
  void aMamba2MixerHasOneDecayPerHeadAndItsGatedNormTheInnerWidth() {
    // in_proj gives the gate (8, what out_proj takes in), what conv1d takes (12) and 2 heads
    Analysis a = analyse(Analyzer.standard(),
        "Mamba2Mixer(",
        "  (act): SiLUActivation()",
        "  (conv1d): Conv1d(12, 12, kernel_size=(4,), stride=(1,), padding=(3,), groups=12)",
        "  (in_proj): Linear(in_features=4, out_features=22, bias=False)",
        "  (norm): MambaRMSNormGated()",
        "  (out_proj): Linear(in_features=8, out_features=4, bias=False)",
        ")");
    long printed = (12 * 4 + 12) + 4 * 22 + 8 * 4;
    assertEquals(printed + 3 * 2 + 8, a.parameters().total());
    assertTrue(a.parameters().exact(), a.diagnostics().toString());
  }

  @Test
  void aSwinV2AttentionHasOneLogitScalePerHeadOfItsPositionBiasMlp() {
    Analysis a = analyse(Analyzer.standard(),
        "ShiftedWindowAttentionV2(",
        "  (qkv): Linear(in_features=4, out_features=12, bias=True)",
        "  (proj): Linear(in_features=4, out_features=4, bias=True)",
        "  (cpb_mlp): Sequential(",
        "    (0): Linear(in_features=2, out_features=8, bias=True)",
        "    (1): ReLU(inplace=True)",
        "    (2): Linear(in_features=8, out_features=3, bias=False)",
        "  )",
        ")");
    long printed = (4 * 12 + 12) + (4 * 4 + 4) + (2 * 8 + 8) + 8 * 3;
    assertEquals(printed + 3, a.parameters().total());
    assertTrue(a.parameters().exact(), a.diagnostics().toString());
  }

  @Test
  void aClassPrintedWithChildrenIsNotTheTorchLeafOfItsName() {
    // timm SwiftFormer's downsampling 'Embedding' holds a convolution and a norm: no nn.Embedding
    Analysis a = analyse(Analyzer.standard(),
        "Stage(",
        "  (downsample): Embedding(",
        "    (proj): Conv2d(4, 8, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1))",
        "    (norm): BatchNorm2d(8, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)",
        "  )",
        ")");
    assertEquals((4 * 8 * 9 + 8) + 16, a.parameters().total());
    assertFalse(a.diagnostics().toString().contains("printed arguments of Embedding"), a.diagnostics().toString());
  }

  @Test
  void aResMlpNormBesideTheTokenMixerTakesTheWidthOfItsBlock() {
    // the token-mixing Linear works on the patch axis (9 patches): what follows norm1 and what
    // reaches norm2 say 9, the block's width is 4
    Analysis a = analyse(Analyzer.standard(),
        "ResBlock(",
        "  (norm1): Affine()",
        "  (linear_tokens): Linear(in_features=9, out_features=9, bias=True)",
        "  (drop_path): Identity()",
        "  (norm2): Affine()",
        "  (mlp_channels): Mlp(",
        "    (fc1): Linear(in_features=4, out_features=16, bias=True)",
        "    (act): GELU(approximate='none')",
        "    (drop1): Dropout(p=0.0, inplace=False)",
        "    (norm): Identity()",
        "    (fc2): Linear(in_features=16, out_features=4, bias=True)",
        "    (drop2): Dropout(p=0.0, inplace=False)",
        "  )",
        ")");
    long printed = (9 * 9 + 9) + (4 * 16 + 16) + (16 * 4 + 4);
    assertEquals(printed + 2 * 2 * 4 + 2 * 4, a.parameters().total());
    assertTrue(a.parameters().exact(), a.diagnostics().toString());
  }

  @Test
  void inputSizesAreReadAsHeightByWidth() {
    assertEquals(new InputSize(384, 256), InputSize.parse("384x256").orElseThrow());
    assertEquals(new InputSize(224, 224), InputSize.parse(" 224 ").orElseThrow());
    assertEquals(new InputSize(32, 48), InputSize.parse("32×48").orElseThrow());
    assertTrue(InputSize.parse("0x5").isEmpty());
    assertTrue(InputSize.parse("224x").isEmpty());
    assertTrue(InputSize.parse(null).isEmpty());
  }

  @Test
  void noInputSizeMeansNoAssumption() {
    assertNull(analyse(Analyzer.standard(), TIMM_BLOCK).parameters().deduplicated());
  }
}
