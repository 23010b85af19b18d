package io.layercount.core.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.testing.Printouts;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Classes whose tensors are sized by what no text prints (an image size they were built for, a
 * window, a head count, an expert count): on excerpts of real printouts, the total counts what is
 * known and stays a lower bound, and the report names the missing tensors with the sizes the text
 * does show filled in.
 */
class UnprintedTensorsTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("timm CondConv2d", 2L * 8 + (4 * 2 + 2), "CondConv2d: weight E×(out·in/groups·k·k)", lines(
            "CondConvResidual(",
            "  (conv_pw): CondConv2d()",
            "  (bn1): BatchNorm2d(8, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)",
            "  (routing_fn): Linear(in_features=4, out_features=2, bias=True)",
            ")")),
        Arguments.of("Zamba Mamba mixer", 2L * 16 + (16 * 4 + 16) + 8 * 32 + 16 * 8,
            "ZambaMambaMixer: D and dt_proj_bias (16 each, its conv1d's channels) counted; x_proj_weight (R+2S)×16",
            lines(
            "ZambaMambaMixer(",
            "  (conv1d): Conv1d(16, 16, kernel_size=(4,), stride=(1,), padding=(3,), groups=16)",
            "  (act): SiLUActivation()",
            "  (in_proj): Linear(in_features=8, out_features=32, bias=False)",
            "  (out_proj): Linear(in_features=16, out_features=8, bias=False)",
            ")")),
        Arguments.of("timm BEiT", 3L * 256 * 8 + 8 + 8, "Beit: cls_token 1×1×8 counted; a position table pos_embed"
            + " 1×(N+1)×8 (N = (H/16)·(W/16)) exists only when built with use_abs_pos_emb", lines(
            "Beit(",
            "  (patch_embed): PatchEmbed(",
            "    (proj): Conv2d(3, 8, kernel_size=(16, 16), stride=(16, 16))",
            "  )",
            "  (blocks): ModuleList()",
            ")")),
        Arguments.of("timm CrossViT", 3L * 144 * 8 + 8, "CrossVit: per branch i, a class token cls_token_i", lines(
            "CrossVit(",
            "  (patch_embed): ModuleList(",
            "    (0): PatchEmbed(",
            "      (proj): Conv2d(3, 8, kernel_size=(12, 12), stride=(12, 12))",
            "    )",
            "  )",
            "  (blocks): ModuleList()",
            ")")),
        Arguments.of("timm Hiera", 3L * 49 * 8 + 8, "Hiera: a position table pos_embed 1×N×8", lines(
            "Hiera(",
            "  (patch_embed): PatchEmbed(",
            "    (proj): Conv2d(3, 8, kernel_size=(7, 7), stride=(4, 4), padding=(3, 3))",
            "  )",
            "  (blocks): ModuleList()",
            ")")),
        Arguments.of("HF Hiera", 3L * 49 * 8 + 8, "HieraEmbeddings: position_embeddings 1×N×8", lines(
            "HieraEmbeddings(",
            "  (patch_embeddings): HieraPatchEmbeddings(",
            "    (projection): Conv2d(3, 8, kernel_size=(7, 7), stride=(4, 4), padding=(3, 3))",
            "  )",
            ")")),
        Arguments.of("timm NesT", 4L * 8 + 8, "NestLevel: a position table pos_embed 1×B×T×8", lines(
            "NestLevel(",
            "  (pool): Identity()",
            "  (transformer_encoder): Sequential(",
            "    (0): Linear(in_features=4, out_features=8, bias=True)",
            "  )",
            ")")),
        Arguments.of("timm Visformer", (3L * 16 * 8 + 8) + (8 * 16 * 4 + 16) + (16 * 32 * 4 + 32),
            "Visformer: position tables pos_embed1, pos_embed2 and pos_embed3, 1×C×h×w per stage (C = 8, 16, 32;",
            lines(
            "Visformer(",
            "  (patch_embed1): PatchEmbed(",
            "    (proj): Conv2d(3, 8, kernel_size=(4, 4), stride=(4, 4))",
            "  )",
            "  (stage1): Sequential()",
            "  (patch_embed2): PatchEmbed(",
            "    (proj): Conv2d(8, 16, kernel_size=(2, 2), stride=(2, 2))",
            "  )",
            "  (patch_embed3): PatchEmbed(",
            "    (proj): Conv2d(16, 32, kernel_size=(2, 2), stride=(2, 2))",
            "  )",
            ")")),
        Arguments.of("timm VOLO", (3L * 16 * 8 + 8) + 32, "VOLO: a position table pos_embed 1×h×w×D (h×w the token"
            + " grid after its first stage, D that stage's width) and, with class attention (post_network), a class"
            + " token cls_token 1×1×16", lines(
            "VOLO(",
            "  (patch_embed): PatchEmbed(",
            "    (proj): Conv2d(3, 8, kernel_size=(4, 4), stride=(4, 4))",
            "  )",
            "  (network): ModuleList()",
            "  (post_network): ModuleList(",
            "    (0): LayerNorm((16,), eps=1e-05, elementwise_affine=True)",
            "  )",
            ")")),
        Arguments.of("HF DINOv2", 3L * 196 * 8 + 8 + 8, "Dinov2Embeddings: cls_token counted; position_embeddings"
            + " 1×(N+1)×8 (N = (H/14)·(W/14), of the image it was built for) and, with use_mask_token (the default),"
            + " mask_token 1×8", lines(
            "Dinov2Embeddings(",
            "  (patch_embeddings): Dinov2PatchEmbeddings(",
            "    (projection): Conv2d(3, 8, kernel_size=(14, 14), stride=(14, 14))",
            "  )",
            "  (dropout): Dropout(p=0.0, inplace=False)",
            ")")),
        Arguments.of("HF SAM encoder", 3L * 256 * 8 + 8, "SamVisionEncoder: a position table pos_embed 1×h×w×8"
            + " when built with use_abs_pos", lines(
            "SamVisionEncoder(",
            "  (patch_embed): SamPatchEmbeddings(",
            "    (projection): Conv2d(3, 8, kernel_size=(16, 16), stride=(16, 16))",
            "  )",
            "  (layers): ModuleList()",
            ")")),
        Arguments.of("HF SAM attention", (8L * 24 + 24) + (8 * 8 + 8), "SamVisionSdpaAttention: rel_pos_h and"
            + " rel_pos_w, (2S−1)×d each when built with use_rel_pos (the default): d its head width (8/heads)", lines(
            "SamVisionSdpaAttention(",
            "  (qkv): Linear(in_features=8, out_features=24, bias=True)",
            "  (proj): Linear(in_features=8, out_features=8, bias=True)",
            ")")),
        Arguments.of("Kimi-K2.5 vision", 3L * 196 * 8 + 8, "Kimi_K25VisionPositionEmbeddings: position_embeddings"
            + " h×w×8", lines(
            "Kimi_K25VisionPatchEmbed(",
            "  (proj): Conv2d(3, 8, kernel_size=(14, 14), stride=(14, 14))",
            "  (pos_emb): Kimi_K25VisionPositionEmbeddings()",
            ")")),
        Arguments.of("torchvision MViT", (3L * 8 * 147 + 8) + 8, "PositionalEncoding: class_token (8) counted; built"
            + " without relative positions (MViT-v1) it also holds spatial_pos (h·w)×8", lines(
            "MViT(",
            "  (conv_proj): Conv3d(3, 8, kernel_size=(3, 7, 7), stride=(2, 4, 4), padding=(1, 3, 3))",
            "  (pos_encoding): PositionalEncoding()",
            ")")),
        Arguments.of("torchvision Swin3d", (8L * 24 + 24) + (8 * 8 + 8), "ShiftedWindowAttention3d:"
            + " relative_position_bias_table P×heads", lines(
            "ShiftedWindowAttention3d(",
            "  (qkv): Linear(in_features=8, out_features=24, bias=True)",
            "  (proj): Linear(in_features=8, out_features=8, bias=True)",
            ")")),
        Arguments.of("timm Gemma-4 ViT", 24L * 8, "Gemma4PatchEmbed: position_embedding_table 2×P×8", lines(
            "Gemma4PatchEmbed(",
            "  (input_proj): Linear(in_features=24, out_features=8, bias=False)",
            ")")),
        Arguments.of("HF TVP", 0L, "TvpFramePadPrompter: pad_up and pad_down 1×F×3×V×S", lines(
            "Sequential(",
            "  (visual_prompter): TvpFramePadPrompter()",
            ")")),
        Arguments.of("timm EVA attention", 8L * 24 + (8 * 8 + 8), "EvaAttention: q_bias and v_bias (8 each) when built"
            + " with qkv_bias", lines(
            "EvaAttention(",
            "  (qkv): Linear(in_features=8, out_features=24, bias=False)",
            "  (proj): Linear(in_features=8, out_features=8, bias=True)",
            ")")),
        Arguments.of("timm differential attention", (8L * 24 + 24) + (8 * 8 + 8), "DiffAttention: lambda_q1,"
            + " lambda_k1, lambda_q2 and lambda_k2 of its head width each", lines(
            "DiffAttention(",
            "  (qkv): Linear(in_features=8, out_features=24, bias=True)",
            "  (proj): Linear(in_features=8, out_features=8, bias=True)",
            "  (sub_norm): RmsNorm()",
            ")")),
        Arguments.of("timm ViT", (3L * 256 * 8 + 8), "pos_embed [1, patchGrid+1, 8] with --input-size HxW", lines(
            "VisionTransformer(",
            "  (patch_embed): PatchEmbed(",
            "    (proj): Conv2d(3, 8, kernel_size=(16, 16), stride=(16, 16))",
            "  )",
            "  (blocks): Sequential()",
            ")")));
  }

  private static String[] lines(String... lines) {
    return lines;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void namesWhatTheTextDoesNotSize(String model, long total, String named, String[] printout) {
    Analysis a = Printouts.analyse(printout);
    assertEquals(total, a.parameters().total(), a.diagnostics().toString());
    assertFalse(a.parameters().exact());
    assertTrue(a.diagnostics().stream().anyMatch(d -> d.message().contains(named)), a.diagnostics().toString());
  }

  /**
   * A class of convolution kind whose size is unknown is still one convolution (for weighted and
   * depth: efficientnet_cc_b0 comes to its traced 90 with it, 66 without), and a layer that owns
   * parameters: timm's CondConv2d prints no arguments at all.
   */
  @Test
  void aConvolutionOfUnknownSizeIsStillCounted() {
    Analysis a = Printouts.analyse(
        "Sequential(",
        "  (0): Conv2d(3, 4, kernel_size=(1, 1), stride=(1, 1))",
        "  (1): CondConvResidual(",
        "    (conv_pw): CondConv2d()",
        "    (bn1): BatchNorm2d(8, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)",
        "    (conv_dw): CondConv2d()",
        "    (bn2): BatchNorm2d(8, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)",
        "    (conv_pwl): CondConv2d()",
        "    (bn3): BatchNorm2d(6, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)",
        "    (routing_fn): Linear(in_features=4, out_features=2, bias=True)",
        "  )",
        ")");
    assertEquals(1 + 3 + 1, a.layers().weighted());
    assertEquals(1 + 3 + 3 + 1, a.layers().parameterized());
    assertFalse(a.parameters().exact());
  }
}
