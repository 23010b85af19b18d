package io.layercount.core.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.Diagnostic;
import io.layercount.core.InputSize;
import io.layercount.core.internal.Analyzer;
import io.layercount.core.testing.Printouts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Classes holding bare tensors ({@code torch-tensors.json}) on excerpts of real printouts: sized from
 * what is printed beside them, or named in user terms where the text does not give their size.
 */
class BareTensorRowsTest {
  private static Analysis analyse(String... lines) {
    return Printouts.analyse(lines);
  }

  /** The rows of a rules file the test writes, read without a problem. */
  private static UserRules rules(String json) {
    List<Diagnostic> problems = new ArrayList<>();
    UserRules rules = UserRulesReader.read("rules.json", json, problems);
    assertEquals(List.of(), problems);
    return rules;
  }

  private static boolean says(Analysis a, String text) {
    return a.diagnostics().stream().anyMatch(d -> d.message().contains(text));
  }

  @Test
  void xlnetRelativeAttentionHoldsFiveSquareProjectionsAndItsBiases() {
    Analysis a = analyse(
        "XLNetModel(",
        "  (word_embedding): Embedding(100, 8)",
        "  (layer): ModuleList(",
        "    (0-1): 2 x XLNetLayer(",
        "      (rel_attn): XLNetRelativeAttention(",
        "        (layer_norm): LayerNorm((8,), eps=1e-12, elementwise_affine=True)",
        "        (dropout): Dropout(p=0.1, inplace=False)",
        "      )",
        "      (ff): XLNetFeedForward(",
        "        (layer_norm): LayerNorm((8,), eps=1e-12, elementwise_affine=True)",
        "        (layer_1): Linear(in_features=8, out_features=32, bias=True)",
        "        (layer_2): Linear(in_features=32, out_features=8, bias=True)",
        "        (dropout): Dropout(p=0.1, inplace=False)",
        "        (activation_function): GELUActivation()",
        "      )",
        "      (dropout): Dropout(p=0.1, inplace=False)",
        "    )",
        "  )",
        "  (dropout): Dropout(p=0.1, inplace=False)",
        ")");
    long attention = 5 * 64 + 3 * 8 + 2 * 8 + 16;
    long feedForward = 16 + (8 * 32 + 32) + (32 * 8 + 8);
    assertEquals(800 + 8 + 2 * (attention + feedForward), a.parameters().total());
    assertTrue(a.parameters().exact(), a.diagnostics().toString());
  }

  @Test
  void aSnakeActivationLearnsOneFrequencyPerChannel() {
    Analysis a = analyse(
        "DacResidualUnit(",
        "  (snake1): Snake1d()",
        "  (conv1): Conv1d(64, 64, kernel_size=(7,), stride=(1,), padding=(3,))",
        "  (snake2): Snake1d()",
        "  (conv2): Conv1d(64, 64, kernel_size=(1,), stride=(1,))",
        ")");
    assertEquals(2 * 64 + (64 * 64 * 7 + 64) + (64 * 64 + 64), a.parameters().total());
    assertTrue(a.parameters().exact(), a.diagnostics().toString());
  }

  private static final String[] MIXTRAL_LAYER = {
      "MixtralDecoderLayer(",
      "  (self_attn): MixtralAttention(",
      "    (q_proj): Linear(in_features=64, out_features=64, bias=False)",
      "    (k_proj): Linear(in_features=64, out_features=16, bias=False)",
      "    (v_proj): Linear(in_features=64, out_features=16, bias=False)",
      "    (o_proj): Linear(in_features=64, out_features=64, bias=False)",
      "  )",
      "  (mlp): MixtralSparseMoeBlock(",
      "    (gate): MixtralTopKRouter()",
      "    (experts): MixtralExperts(",
      "      (act_fn): SiLUActivation()",
      "    )",
      "  )",
      "  (input_layernorm): MixtralRMSNorm((64,), eps=1e-05)",
      "  (post_attention_layernorm): MixtralRMSNorm((64,), eps=1e-05)",
      ")"};

  /** What the layer prints: four projections and two norms. */
  private static final long ATTENTION_AND_NORMS = 2 * 64 * 64 + 2 * 64 * 16 + 2 * 64;

  @Test
  void expertsHoldingBareTensorsNameTheirUnprintedCountAndWidth() {
    Analysis a = analyse(MIXTRAL_LAYER);
    assertEquals(ATTENTION_AND_NORMS, a.parameters().total());
    assertFalse(a.parameters().exact());
    assertEquals(List.of("MixtralTopKRouter", "MixtralExperts"), a.parameters().unknownTypes());
    assertTrue(says(a, "MixtralExperts: gate_up_proj E×2I×64 and down_proj E×64×I"), a.diagnostics().toString());
    assertTrue(says(a, "MixtralTopKRouter: weight E×64"), a.diagnostics().toString());
  }

  @Test
  void aRulesFileStatingTheExpertsMakesTheCountExact() {
    UserRules rules = rules("""
        {"rules": [
          {"types": ["MixtralExperts"], "tensors": [{"name": "gate_up_proj", "shape": [8, 256, 64]},
                                                    {"name": "down_proj", "shape": [8, 64, 128]}]},
          {"types": ["MixtralTopKRouter"], "tensors": [{"name": "weight", "shape": [8, "width"]}]}
        ]}
        """);
    Analysis a = Printouts.analyse(Analyzer.of(null, rules), MIXTRAL_LAYER);
    assertEquals(ATTENTION_AND_NORMS + 3 * 8 * 128 * 64 + 8 * 64, a.parameters().total());
    assertTrue(a.parameters().exact(), a.diagnostics().toString());
  }

  @Test
  void expertsPrintedAsModulesOwnNothingThemselves() {
    Analysis a = analyse(
        "SwitchTransformersSparseMLP(",
        "  (router): SwitchTransformersTop1Router(",
        "    (classifier): Linear(in_features=8, out_features=2, bias=False)",
        "  )",
        "  (experts): SwitchTransformersExperts(",
        "    (expert_0): SwitchTransformersDenseActDense(",
        "      (wi): Linear(in_features=8, out_features=16, bias=False)",
        "      (wo): Linear(in_features=16, out_features=8, bias=False)",
        "      (dropout): Dropout(p=0.1, inplace=False)",
        "      (act): ReLU()",
        "    )",
        "  )",
        ")");
    assertFalse(says(a, "E×"), a.diagnostics().toString());
    assertEquals(16 + 2 * 128, a.parameters().total());
  }
  @Test
  void aRulesFileAndAnInputSizeCountATimmVitsPositionTable() {
    UserRules rules = rules("""
        {"rules": [{"types": ["VisionTransformer"], "tensors": [
          {"name": "cls_token", "shape": [1, 1, "firstOutWidth"]},
          {"name": "pos_embed", "shape": [1, "patchGrid+1", "firstOutWidth"]}]}]}
        """);
    Analysis a = Printouts.analyse(Analyzer.of(new InputSize(64, 64), rules),
        "VisionTransformer(",
        "  (patch_embed): PatchEmbed(",
        "    (proj): Conv2d(3, 8, kernel_size=(16, 16), stride=(16, 16))",
        "    (norm): Identity()",
        "  )",
        "  (head): Linear(in_features=8, out_features=2, bias=True)",
        ")");
    assertEquals((3 * 256 * 8 + 8) + (8 * 2 + 2) + 8 + 17 * 8, a.parameters().total());
    assertTrue(a.parameters().exact(), a.diagnostics().toString());
  }
  private static final String[] DISTILLED_DEIT = {
      "VisionTransformerDistilled(",
      "  (patch_embed): PatchEmbed(",
      "    (proj): Conv2d(3, 8, kernel_size=(16, 16), stride=(16, 16))",
      "    (norm): Identity()",
      "  )",
      "  (blocks): Sequential()",
      "  (head): Linear(in_features=8, out_features=2, bias=True)",
      "  (head_dist): Linear(in_features=8, out_features=2, bias=True)",
      ")"};

  @Test
  void aDistilledDeitHoldsBothTokensAndATableOfEveryPatchAndBoth() {
    long printed = (3 * 256 * 8 + 8) + 2 * (8 * 2 + 2);
    Analysis unsized = analyse(DISTILLED_DEIT);
    assertEquals(printed + 2 * 8, unsized.parameters().total());
    assertFalse(unsized.parameters().exact());
    assertTrue(says(unsized, "pos_embed: 1×(N+2)×8, N = (H/16)·(W/16)"), unsized.diagnostics().toString());
    Analysis sized = Printouts.analyse(Analyzer.withInputSize(new InputSize(64, 64)), DISTILLED_DEIT);
    assertEquals(printed + 2 * 8 + 18 * 8, sized.parameters().total());
    assertTrue(sized.parameters().exact(), sized.diagnostics().toString());
  }
}
