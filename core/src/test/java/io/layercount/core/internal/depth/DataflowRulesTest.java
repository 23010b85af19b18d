package io.layercount.core.internal.depth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.Convention;
import io.layercount.core.internal.Analyzer;
import io.layercount.core.model.Network;
import io.layercount.core.testing.PrintoutTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each dataflow rule on a small excerpt of a real corpus printout, with the depth worked out by hand. */
class DataflowRulesTest {
  private static Analysis analyse(String... lines) {
    return Analyzer.standard().analyze(
        new Network("pytorch", null, PrintoutTree.parse(String.join("\n", lines)), false, null, List.of()), 0,
        List.of());
  }

  /** An excerpt kept beside this test (too long to read well inline). */
  private static Analysis analyseExcerpt(String name) {
    try (InputStream in = DataflowRulesTest.class.getResourceAsStream(name)) {
      return analyse(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> excluded(Analysis a) {
    List<String> out = new ArrayList<>();
    a.explanation().excluded().get(Convention.DEPTH).forEach(e -> out.add(e.path() + ": " + e.reason()));
    return out;
  }

  /**
   * ParticleNet's EdgeConv block names its shortcut {@code sc}: it reads the block's 32 features,
   * its convolutions the 64 of the edge features made from them; read as one more layer after the
   * convolutions, it made a published ParticleNet 16 deep for 13.
   */
  @Test
  void aShortcutNamedScReadsTheBlockInput() {
    Analysis a = analyse(
        "EdgeConvBlock(",
        "  (convs): ModuleList(",
        "    (0): Conv2d(64, 64, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "    (1): Conv2d(64, 64, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "  )",
        "  (sc): Conv1d(32, 64, kernel_size=(1,), stride=(1,), bias=False)",
        "  (sc_bn): BatchNorm1d(64, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)",
        ")");
    assertEquals(2, a.layers().depth());
    assertEquals(List.of("sc: projection shortcut, on a shorter path"), excluded(a));
  }

  /**
   * DeBERTa-v2 (and SEW-D) name their attention's projections {@code query_proj}, {@code key_proj},
   * {@code value_proj}: all three read the layer's input. Chained, a 24-layer DeBERTa-v2 of the
   * published texts read 147 deep for 99; here two layers read 8 for 4.
   */
  @Test
  void queryKeyAndValueProjectionsNamedSoReadOneInput() {
    Analysis a = analyse(
        "Encoder(",
        "  (layer): ModuleList(",
        "    (0-1): 2 x Layer(",
        "      (attention): Attention(",
        "        (self): DisentangledSelfAttention(",
        "          (query_proj): Linear(in_features=32, out_features=32, bias=True)",
        "          (key_proj): Linear(in_features=32, out_features=32, bias=True)",
        "          (value_proj): Linear(in_features=32, out_features=32, bias=True)",
        "        )",
        "        (output): SelfOutput(",
        "          (dense): Linear(in_features=32, out_features=32, bias=True)",
        "        )",
        "      )",
        "    )",
        "  )",
        ")");
    assertEquals(4, a.layers().depth());
    assertEquals(List.of("layer.0.attention.self.value_proj", "layer.0.attention.output.dense",
        "layer.1.attention.self.value_proj", "layer.1.attention.output.dense"),
        a.explanation().counted().get(Convention.DEPTH));
    assertEquals(List.of(
        "layer.0.attention.self.query_proj: runs beside value_proj, as long; one path is listed",
        "layer.0.attention.self.key_proj: runs beside value_proj, as long; one path is listed",
        "layer.1.attention.self.query_proj: runs beside value_proj, as long; one path is listed",
        "layer.1.attention.self.key_proj: runs beside value_proj, as long; one path is listed"), excluded(a));
  }

  /**
   * Conditional DETR splits each projection into content and position parts ({@code q_content_proj},
   * {@code q_pos_proj}, ...; DAB-DETR prefixes them {@code self_attn_}), summed before attention:
   * each reads its own input, none runs after another. Chained, Conditional DETR read 148 deep where
   * its layers give about 108. DeepSeek's {@code q_a_proj} and {@code q_b_proj} do run one after the
   * other (a norm between them).
   */
  @Test
  void contentAndPositionProjectionsReadSideBySide() {
    Analysis detr = analyse(
        "DecoderSelfAttention(",
        "  (q_content_proj): Linear(in_features=32, out_features=32, bias=True)",
        "  (q_pos_proj): Linear(in_features=32, out_features=32, bias=True)",
        "  (k_content_proj): Linear(in_features=32, out_features=32, bias=True)",
        "  (k_pos_proj): Linear(in_features=32, out_features=32, bias=True)",
        "  (self_attn_value_proj): Linear(in_features=32, out_features=32, bias=True)",
        "  (o_proj): Linear(in_features=32, out_features=32, bias=True)",
        ")");
    assertEquals(2, detr.layers().depth(), detr.explanation().counted().get(Convention.DEPTH).toString());
    Analysis lowRank = analyse(
        "Attention(",
        "  (q_a_proj): Linear(in_features=32, out_features=16, bias=False)",
        "  (q_a_layernorm): RMSNorm((16,), eps=1e-06)",
        "  (q_b_proj): Linear(in_features=16, out_features=32, bias=False)",
        "  (o_proj): Linear(in_features=32, out_features=32, bias=False)",
        ")");
    assertEquals(3, lowRank.layers().depth());
  }

  /**
   * ESPnet's and NeMo's attention key its projections {@code linear_q} ... {@code linear_out} and
   * projects the relative position table with {@code linear_pos}, printed last; Informer's {@code
   * query_projection} ... {@code out_projection}; RWKV's time mixing reads its {@code key}, {@code
   * value} and {@code receptance} from one input. Chained, a published NeMo FastConformer read 213
   * deep for 161, an ESPnet Conformer 57 for 45, an RWKV-5 145 for 97.
   */
  @Test
  void projectionsOfSpeechAndTimeSeriesAttentionsReadOneInput() {
    Analysis espnet = analyse(
        "RelPositionMultiHeadAttention(",
        "  (linear_q): Linear(in_features=64, out_features=64, bias=True)",
        "  (linear_k): Linear(in_features=64, out_features=64, bias=True)",
        "  (linear_v): Linear(in_features=64, out_features=64, bias=True)",
        "  (linear_out): Linear(in_features=64, out_features=64, bias=True)",
        "  (dropout): Dropout(p=0.1, inplace=False)",
        "  (linear_pos): Linear(in_features=64, out_features=64, bias=False)",
        ")");
    assertEquals(2, espnet.layers().depth());
    assertTrue(excluded(espnet).contains("linear_pos: reads coordinates or positions, not the data: off the data path"),
        excluded(espnet).toString());
    Analysis informer = analyse(
        "AttentionLayer(",
        "  (inner_attention): FullAttention(",
        "    (dropout): Dropout(p=0.05, inplace=False)",
        "  )",
        "  (query_projection): Linear(in_features=64, out_features=64, bias=True)",
        "  (key_projection): Linear(in_features=64, out_features=64, bias=True)",
        "  (value_projection): Linear(in_features=64, out_features=64, bias=True)",
        "  (out_projection): Linear(in_features=64, out_features=64, bias=True)",
        ")");
    assertEquals(2, informer.layers().depth());
    Analysis rwkv = analyse(
        "RwkvSelfAttention(",
        "  (time_shift): ZeroPad2d((0, 0, 1, -1))",
        "  (key): Linear(in_features=64, out_features=64, bias=False)",
        "  (value): Linear(in_features=64, out_features=64, bias=False)",
        "  (receptance): Linear(in_features=64, out_features=64, bias=False)",
        "  (output): Linear(in_features=64, out_features=64, bias=False)",
        ")");
    assertEquals(2, rwkv.layers().depth());
  }

  /**
   * Experts held by a class of their own as {@code expert_0}, {@code expert_1}, ... beside a dropout
   * (NLLB-MoE), or by a {@code ModuleDict} (Switch Transformers), each read the block's input, as a
   * {@code ModuleList} of experts does. Chained, NLLB-MoE's 128 experts a layer read 1,642 deep for
   * 118, Switch Transformers 202.
   */
  @Test
  void expertsKeyedByNameReadOneInput() {
    for (String holder : List.of("NllbMoeExperts", "ModuleDict")) {
      List<String> lines = new ArrayList<>(List.of(
          "SparseMLP(",
          "  (router): Top2Router(",
          "    (classifier): Linear(in_features=16, out_features=3, bias=False)",
          "  )",
          "  (experts): " + holder + "("));
      for (int e = 0; e < 3; e++) {
        lines.addAll(List.of(
            "    (expert_" + e + "): DenseActDense(",
            "      (fc1): Linear(in_features=16, out_features=64, bias=True)",
            "      (fc2): Linear(in_features=64, out_features=16, bias=True)",
            "    )"));
      }
      lines.addAll(List.of("    (token_dropout): Dropout(p=0.2, inplace=False)", "  )", ")"));
      Analysis a = analyse(lines.toArray(String[]::new));
      assertEquals(2, a.layers().depth(), holder + ": " + a.explanation().counted().get(Convention.DEPTH));
    }
  }

  /**
   * Phi's decoder layer holds one norm, printed last: its attention and MLP both read the norm's
   * output, and their sum is added to the input (as GPT-J's, Falcon's and Cohere's do). Read one
   * after the other, a published Phi-1.5 was 97 deep for 49; here 2 layers of 2 side by side: 4. A
   * norm printed between them, or one inside the MLP, puts the MLP after the attention.
   */
  @Test
  void attentionAndFeedForwardBesideOneNormRunSideBySide() {
    Analysis phi = analyse(phiLayers(false, false));
    assertEquals(4, phi.layers().depth(), phi.explanation().counted().get(Convention.DEPTH).toString());
    assertEquals(8, analyse(phiLayers(true, false)).layers().depth());
    assertEquals(8, analyse(phiLayers(false, true)).layers().depth());
    String[] conformer = phiLayers(false, false);
    for (int i = 0; i < conformer.length; i++) {
      conformer[i] = conformer[i].replace("(input_layernorm)", "(norm_final)");
    }
    assertEquals(8, analyse(conformer).layers().depth(), "a norm of the output, printed last");
  }

  private static String[] phiLayers(boolean normBetween, boolean normInMlp) {
    List<String> lines = new ArrayList<>(List.of(
        "PhiModel(",
        "  (layers): ModuleList(",
        "    (0-1): 2 x PhiDecoderLayer(",
        "      (self_attn): PhiAttention(",
        "        (q_proj): Linear(in_features=32, out_features=32, bias=True)",
        "        (k_proj): Linear(in_features=32, out_features=32, bias=True)",
        "        (v_proj): Linear(in_features=32, out_features=32, bias=True)",
        "        (dense): Linear(in_features=32, out_features=32, bias=True)",
        "      )"));
    if (normBetween) {
      lines.add("      (layernorm): LayerNorm((32,), eps=1e-05, elementwise_affine=True)");
    }
    lines.addAll(List.of(
        "      (mlp): PhiMLP(",
        "        (fc1): Linear(in_features=32, out_features=128, bias=True)",
        "        (fc2): Linear(in_features=128, out_features=32, bias=True)"));
    if (normInMlp) {
      lines.add("        (layer_norm): LayerNorm((32,), eps=1e-06, elementwise_affine=True)");
    }
    lines.add("      )");
    if (!normBetween) {
      lines.add("      (input_layernorm): LayerNorm((32,), eps=1e-05, elementwise_affine=True)");
    }
    lines.addAll(List.of("      (resid_dropout): Dropout(p=0.0, inplace=False)", "    )", "  )", ")"));
    return lines.toArray(String[]::new);
  }

  /**
   * Qwen2-MoE's {@code shared_expert_gate} (a linear to one value) reads the block's input, as the
   * {@code shared_expert} it is keyed after does, and scales that expert's output. Read after the
   * expert, a published Qwen1.5-MoE was 121 deep for 97. Its fused experts show no layer: depth,
   * weighted and parameterized are lower bounds, said in an info.
   */
  @Test
  void aGateKeyedAfterItsSiblingReadsWhatThatSiblingRead() {
    Analysis a = analyse(
        "Qwen2MoeSparseMoeBlock(",
        "  (gate): Linear(in_features=32, out_features=6, bias=False)",
        "  (experts): Qwen2MoeExperts()",
        "  (shared_expert): Qwen2MoeMLP(",
        "    (gate_proj): Linear(in_features=32, out_features=64, bias=False)",
        "    (up_proj): Linear(in_features=32, out_features=64, bias=False)",
        "    (down_proj): Linear(in_features=64, out_features=32, bias=False)",
        "    (act_fn): SiLU()",
        "  )",
        "  (shared_expert_gate): Linear(in_features=32, out_features=1, bias=False)",
        ")");
    assertEquals(2, a.layers().depth(), a.explanation().counted().get(Convention.DEPTH).toString());
    assertEquals(java.util.Set.of(Convention.DEPTH, Convention.WEIGHTED, Convention.PARAMETERIZED),
        a.layers().lowerBounds());
    assertTrue(a.diagnostics().stream().anyMatch(d -> d.message().startsWith("'experts' (Qwen2MoeExperts) shows no"
        + " layer of its own")), a.diagnostics().toString());
    // experts the text lists are counted, and bound nothing
    Analysis listed = analyse(
        "SparseMoeBlock(",
        "  (gate): Linear(in_features=32, out_features=2, bias=False)",
        "  (experts): MoeExperts(",
        "    (0-1): 2 x MLP(",
        "      (fc1): Linear(in_features=32, out_features=64, bias=False)",
        "      (fc2): Linear(in_features=64, out_features=32, bias=False)",
        "    )",
        "  )",
        ")");
    assertEquals(java.util.Set.of(), listed.layers().lowerBounds());
  }

  /**
   * CLIP's towers each read their own input, text and image, and their projections meet only in
   * the logits: the deeper tower and its projection, 4 here. Read one after the other, a published
   * CLIP ViT-L/14 was 149 deep for about 100. A vision-language model whose connector takes the
   * vision tower's output into its text model runs them one after the other.
   */
  @Test
  void towersOfTwoModalitiesRunSideBySide() {
    List<String> clip = new ArrayList<>(List.of("CLIPModel("));
    for (String tower : List.of("text_model", "vision_model")) {
      clip.addAll(List.of(
          "  (" + tower + "): Transformer(",
          "    (encoder): Sequential(",
          "      (0): Linear(in_features=8, out_features=8, bias=True)",
          "      (1): Linear(in_features=8, out_features=8, bias=True)",
          "      (2): Linear(in_features=8, out_features=8, bias=True)",
          "    )",
          "  )"));
    }
    clip.addAll(List.of(
        "  (visual_projection): Linear(in_features=8, out_features=4, bias=False)",
        "  (text_projection): Linear(in_features=8, out_features=4, bias=False)",
        ")"));
    assertEquals(4, analyse(clip.toArray(String[]::new)).layers().depth());
    List<String> vlm = new ArrayList<>(clip.subList(0, clip.size() - 3));
    vlm.addAll(List.of("  (connector): Linear(in_features=8, out_features=8, bias=True)", ")"));
    assertEquals(7, analyse(vlm.toArray(String[]::new)).layers().depth());
  }

  /** What {@link ChildRole#projected} reads from a key, and what it leaves alone. */
  @Test
  void projectionKeysNameTheirPart() {
    assertEquals('q', ChildRole.projected("q_content_proj"));
    assertEquals('q', ChildRole.projected("cross_attn_query_pos_sine_proj"));
    assertEquals('k', ChildRole.projected("self_attn_key_content_proj"));
    assertEquals('k', ChildRole.projected("k_pos_proj"));
    assertEquals('v', ChildRole.projected("value_proj"));
    assertEquals('q', ChildRole.projected("query_projection"));
    assertEquals('k', ChildRole.projected("linear_k"));
    assertEquals('p', ChildRole.projected("linear_pos"));
    for (String other : List.of("q_a_proj", "kv_proj", "relative_k_proj", "out_proj", "_proj", "q_pos_embed",
        "query_input_projection", "self_attn_proj", "out_projection", "linear_out", "linear_", "linear_qk", "linear")) {
      assertEquals(0, ChildRole.projected(other), other);
    }
  }

  /**
   * A diffusion transformer's block embeds the timestep in its adaptive norm and projects it to the
   * shift and scale of the data: neither reads the data. Chained, a published DiT-XL/2 read 199 deep
   * where its data passes 114 conv/FC layers (116 from the timestep); here the data passes the patch
   * embedding, each block's 2 and the output projection: 6, a lower bound, since depths are measured
   * from the data (a path from the timestep is 2 longer here).
   */
  @Test
  void aTimestepEmbedderAndTheModulationItFeedsAreOffTheDataPath() {
    Analysis a = analyse(
        "DiTTransformer2DModel(",
        "  (pos_embed): PatchEmbed(",
        "    (proj): Conv2d(4, 64, kernel_size=(2, 2), stride=(2, 2))",
        "  )",
        "  (transformer_blocks): ModuleList(",
        "    (0-1): 2 x BasicTransformerBlock(",
        "      (norm1): AdaLayerNormZero(",
        "        (emb): CombinedTimestepLabelEmbeddings(",
        "          (time_proj): Timesteps()",
        "          (timestep_embedder): TimestepEmbedding(",
        "            (linear_1): Linear(in_features=256, out_features=64, bias=True)",
        "            (act): SiLU()",
        "            (linear_2): Linear(in_features=64, out_features=64, bias=True)",
        "          )",
        "        )",
        "        (silu): SiLU()",
        "        (linear): Linear(in_features=64, out_features=384, bias=True)",
        "        (norm): LayerNorm((64,), eps=1e-06, elementwise_affine=False)",
        "      )",
        "      (ff): FeedForward(",
        "        (net): ModuleList(",
        "          (0): Linear(in_features=64, out_features=256, bias=True)",
        "          (1): Linear(in_features=256, out_features=64, bias=True)",
        "        )",
        "      )",
        "    )",
        "  )",
        "  (proj_out_2): Linear(in_features=64, out_features=32, bias=True)",
        ")");
    assertEquals(6, a.layers().depth(), a.explanation().counted().get(Convention.DEPTH).toString());
    assertEquals(java.util.Set.of(Convention.DEPTH), a.layers().lowerBounds());
    assertEquals(1, a.diagnostics().stream().filter(d -> d.message().contains("reads the timestep")).count(),
        a.diagnostics().toString());
  }

  /**
   * A UNet's ResNet block adds the timestep's projection ({@code time_emb_proj}) to the data between
   * its convolutions. Read by widths, the timestep embedding (32 to 128, as wide as the data after
   * {@code conv_in}) ran after {@code conv_in}, and the projection on it: 6 for the data's 4.
   */
  @Test
  void aUnetsTimeEmbeddingIsOffTheDataPath() {
    Analysis a = analyse(
        "UNet(",
        "  (conv_in): Conv2d(4, 32, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))",
        "  (time_proj): Timesteps()",
        "  (time_embedding): TimestepEmbedding(",
        "    (linear_1): Linear(in_features=32, out_features=128, bias=True)",
        "    (act): SiLU()",
        "    (linear_2): Linear(in_features=128, out_features=128, bias=True)",
        "  )",
        "  (block): ResnetBlock2D(",
        "    (conv1): Conv2d(32, 32, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))",
        "    (time_emb_proj): Linear(in_features=128, out_features=32, bias=True)",
        "    (conv2): Conv2d(32, 32, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))",
        "  )",
        "  (conv_out): Conv2d(32, 4, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))",
        ")");
    assertEquals(List.of("conv_in", "block.conv1", "block.conv2", "conv_out"),
        a.explanation().counted().get(Convention.DEPTH));
    assertEquals(java.util.Set.of(Convention.DEPTH), a.layers().lowerBounds());
  }

  @Test
  void aProjectionShortcutReadsTheBlockInputAndDropsOut() {
    // torchvision resnet18, layer2.0
    Analysis a = analyse(
        "BasicBlock(",
        "  (conv1): Conv2d(64, 128, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), bias=False)",
        "  (bn1): BatchNorm2d(128, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)",
        "  (relu): ReLU(inplace=True)",
        "  (conv2): Conv2d(128, 128, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), bias=False)",
        "  (bn2): BatchNorm2d(128, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)",
        "  (downsample): Sequential(",
        "    (0): Conv2d(64, 128, kernel_size=(1, 1), stride=(2, 2), bias=False)",
        "    (1): BatchNorm2d(128, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)",
        "  )",
        ")");
    assertEquals(2, a.layers().depth());
    assertEquals(List.of("conv1", "conv2"), a.explanation().counted().get(Convention.DEPTH));
    assertEquals(List.of("downsample.0: projection shortcut, on a shorter path"), excluded(a));
  }

  @Test
  void inceptionBranchesChainByStepAndConcatenate() {
    // torchvision inception_v3, Mixed_5b (InceptionA), then a layer reading the concatenation
    Analysis a = analyse(
        "Net(",
        "  (Mixed_5b): InceptionA(",
        "    (branch1x1): BasicConv2d(",
        "      (conv): Conv2d(192, 64, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "    )",
        "    (branch5x5_1): BasicConv2d(",
        "      (conv): Conv2d(192, 48, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "    )",
        "    (branch5x5_2): BasicConv2d(",
        "      (conv): Conv2d(48, 64, kernel_size=(5, 5), stride=(1, 1), padding=(2, 2), bias=False)",
        "    )",
        "    (branch3x3dbl_1): BasicConv2d(",
        "      (conv): Conv2d(192, 64, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "    )",
        "    (branch3x3dbl_2): BasicConv2d(",
        "      (conv): Conv2d(64, 96, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), bias=False)",
        "    )",
        "    (branch3x3dbl_3): BasicConv2d(",
        "      (conv): Conv2d(96, 96, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), bias=False)",
        "    )",
        "    (branch_pool): BasicConv2d(",
        "      (conv): Conv2d(192, 32, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "    )",
        "  )",
        "  (next): Conv2d(256, 64, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        ")");
    assertEquals(3 + 1, a.layers().depth());
    assertEquals(List.of("Mixed_5b.branch3x3dbl_1.conv", "Mixed_5b.branch3x3dbl_2.conv", "Mixed_5b.branch3x3dbl_3.conv",
        "next"), a.explanation().counted().get(Convention.DEPTH));
    assertEquals(4, excluded(a).size(), excluded(a).toString());
  }

  @Test
  void queryKeyValueShareAnInputAndGatedProjectionsToo() {
    // transformers LlamaDecoderLayer (hidden 64)
    Analysis a = analyse(
        "LlamaDecoderLayer(",
        "  (self_attn): LlamaAttention(",
        "    (q_proj): Linear(in_features=64, out_features=64, bias=False)",
        "    (k_proj): Linear(in_features=64, out_features=16, bias=False)",
        "    (v_proj): Linear(in_features=64, out_features=16, bias=False)",
        "    (o_proj): Linear(in_features=64, out_features=64, bias=False)",
        "  )",
        "  (mlp): LlamaMLP(",
        "    (gate_proj): Linear(in_features=64, out_features=172, bias=False)",
        "    (up_proj): Linear(in_features=64, out_features=172, bias=False)",
        "    (down_proj): Linear(in_features=172, out_features=64, bias=False)",
        "    (act_fn): SiLUActivation()",
        "  )",
        "  (input_layernorm): LlamaRMSNorm((64,), eps=1e-06)",
        "  (post_attention_layernorm): LlamaRMSNorm((64,), eps=1e-06)",
        ")");
    assertEquals(4, a.layers().depth());
    assertEquals(List.of("self_attn.q_proj: runs beside v_proj, as long; one path is listed",
        "self_attn.k_proj: runs beside v_proj, as long; one path is listed",
        "mlp.gate_proj: runs beside up_proj, as long; one path is listed"), excluded(a));
  }

  @Test
  void aFusedQkvIsSplitNotBranched() {
    // timm vit_small_patch16_224, blocks.0.attn
    Analysis a = analyse(
        "Attention(",
        "  (qkv): Linear(in_features=384, out_features=1152, bias=True)",
        "  (q_norm): Identity()",
        "  (k_norm): Identity()",
        "  (attn_drop): Dropout(p=0.0, inplace=False)",
        "  (proj): Linear(in_features=384, out_features=384, bias=True)",
        "  (proj_drop): Dropout(p=0.0, inplace=False)",
        ")");
    assertEquals(2, a.layers().depth());
  }

  @Test
  void auxiliaryHeadsHangOffThePath() {
    // torchvision googlenet: aux1 sits between inception4a and inception4b
    Analysis a = analyse(
        "GoogLeNet(",
        "  (conv1): Conv2d(3, 64, kernel_size=(7, 7), stride=(2, 2), padding=(3, 3), bias=False)",
        "  (aux1): InceptionAux(",
        "    (conv): Conv2d(64, 128, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "    (fc1): Linear(in_features=2048, out_features=1024, bias=True)",
        "    (fc2): Linear(in_features=1024, out_features=1000, bias=True)",
        "  )",
        "  (fc): Linear(in_features=64, out_features=1000, bias=True)",
        ")");
    assertEquals(2, a.layers().depth());
    assertEquals(List.of("aux1.conv: auxiliary head, off the main path", "aux1.fc1: auxiliary head, off the main path",
        "aux1.fc2: auxiliary head, off the main path"), excluded(a));
  }

  @Test
  void convolutionsOnChannelSlicesRunSideBySide() {
    // timm mixnet_m: a MixedConv2d whose kernels read 48 of the 144 channels each
    Analysis a = analyse(
        "InvertedResidual(",
        "  (conv_pw): Conv2d(24, 144, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "  (conv_dw): MixedConv2d(",
        "    (0): Conv2d(48, 48, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), groups=48, bias=False)",
        "    (1): Conv2d(48, 48, kernel_size=(5, 5), stride=(2, 2), padding=(2, 2), groups=48, bias=False)",
        "    (2): Conv2d(48, 48, kernel_size=(7, 7), stride=(2, 2), padding=(3, 3), groups=48, bias=False)",
        "  )",
        "  (conv_pwl): Conv2d(144, 32, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        ")");
    assertEquals(3, a.layers().depth());
  }

  @Test
  void aClassShowsItsParallelChildrenWhereWidthsTellAndKeepsThemWhereTheyDoNot() {
    // timm repvgg_a2: the first RepVggBlock changes width, so conv_1x1 must read the block input;
    // the second block (same class, width kept) runs conv_kxk and conv_1x1 side by side as well
    String block0 = String.join("\n",
        "  (0): RepVggBlock(",
        "    (conv_kxk): ConvNormAct(",
        "      (conv): Conv2d(64, 96, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), bias=False)",
        "    )",
        "    (conv_1x1): ConvNormAct(",
        "      (conv): Conv2d(64, 96, kernel_size=(1, 1), stride=(2, 2), bias=False)",
        "    )",
        "    (act): ReLU(inplace=True)",
        "  )");
    String block1 = String.join("\n",
        "  (1): RepVggBlock(",
        "    (conv_kxk): ConvNormAct(",
        "      (conv): Conv2d(96, 96, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), bias=False)",
        "    )",
        "    (conv_1x1): ConvNormAct(",
        "      (conv): Conv2d(96, 96, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "    )",
        "    (act): ReLU(inplace=True)",
        "  )");
    assertEquals(2, analyse("Sequential(", block0, block1, ")").layers().depth());
  }

  @Test
  void aBranchThatChangesWidthReadsTheEarlierTensorOfItsWidth() {
    // two siblings both reading 64 channels: the second cannot follow the first (32 != 64)
    Analysis a = analyse(
        "Block(",
        "  (conv1): Conv2d(64, 32, kernel_size=(3, 3), stride=(1, 1), bias=False)",
        "  (conv2): Conv2d(64, 32, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "  (conv3): Conv2d(32, 32, kernel_size=(3, 3), stride=(1, 1), bias=False)",
        ")");
    assertEquals(2, a.layers().depth());
    // conv1 and conv2 are equally deep and conv3 reads their sum: the later one is named on the path
    assertEquals(List.of("conv2", "conv3"), a.explanation().counted().get(Convention.DEPTH));
  }

  @Test
  void aSequentialRunsEachChildOnThePreviousOutput() {
    // torchvision shufflenet_v2_x0_5, stage2.0 and stage2.1: the second block's branch2 reads half of
    // the 48 channels the first block writes, a width no earlier tensor has; nn.Sequential chains anyway
    String branch2 = String.join("\n",
        "      (branch2): Sequential(",
        "        (0): Conv2d(%d, 24, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "        (1): BatchNorm2d(24, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)",
        "        (2): ReLU(inplace=True)",
        "        (3): Conv2d(24, 24, kernel_size=(3, 3), stride=(%d, %d), padding=(1, 1), groups=24, bias=False)",
        "        (4): BatchNorm2d(24, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)",
        "        (5): Conv2d(24, 24, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "        (6): BatchNorm2d(24, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)",
        "        (7): ReLU(inplace=True)",
        "      )");
    Analysis a = analyse(
        "Sequential(",
        "    (0): InvertedResidual(",
        "      (branch1): Sequential(",
        "        (0): Conv2d(24, 24, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), groups=24, bias=False)",
        "        (1): BatchNorm2d(24, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)",
        "        (2): Conv2d(24, 24, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "        (3): BatchNorm2d(24, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)",
        "        (4): ReLU(inplace=True)",
        "      )",
        String.format(branch2, 24, 2, 2),
        "    )",
        "    (1): InvertedResidual(",
        "      (branch1): Sequential()",
        String.format(branch2, 24, 1, 1),
        "    )",
        ")");
    assertEquals(3 + 3, a.layers().depth());
    assertEquals(List.of("0.branch2.0", "0.branch2.3", "0.branch2.5", "1.branch2.0", "1.branch2.3", "1.branch2.5"),
        a.explanation().counted().get(Convention.DEPTH));
  }

  @Test
  void pointwiseConvolutionsOnChannelSlicesReadTheSumOfTheirWidths() {
    // timm mixnet_m, blocks.1.0: two 1x1 convolutions each read 12 of the 24 input channels and
    // together write 144, which three depthwise kernels then read 48 channels at a time
    Analysis a = analyse(
        "InvertedResidual(",
        "  (conv_pw): MixedConv2d(",
        "    (0): Conv2d(12, 72, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "    (1): Conv2d(12, 72, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "  )",
        "  (bn1): BatchNormAct2d(",
        "    144, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True",
        "    (drop): Identity()",
        "    (act): ReLU(inplace=True)",
        "  )",
        "  (conv_dw): MixedConv2d(",
        "    (0): Conv2d(48, 48, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), groups=48, bias=False)",
        "    (1): Conv2d(48, 48, kernel_size=(5, 5), stride=(2, 2), padding=(2, 2), groups=48, bias=False)",
        "    (2): Conv2d(48, 48, kernel_size=(7, 7), stride=(2, 2), padding=(3, 3), groups=48, bias=False)",
        "  )",
        "  (conv_pwl): MixedConv2d(",
        "    (0): Conv2d(72, 16, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "    (1): Conv2d(72, 16, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "  )",
        ")");
    assertEquals(3, a.layers().depth());
  }

  @Test
  void aNetworkFedCoordinatesIsOffTheDataPath() {
    // timm vit_relpos_small_patch16_224, blocks.0.attn: rel_pos turns 2-d offsets into a bias per head
    Analysis a = analyse(
        "RelPosAttention(",
        "  (qkv): Linear(in_features=384, out_features=1152, bias=False)",
        "  (q_norm): Identity()",
        "  (k_norm): Identity()",
        "  (rel_pos): RelPosMlp(",
        "    (bias_act): Identity()",
        "    (mlp): Mlp(",
        "      (fc1): Linear(in_features=2, out_features=128, bias=True)",
        "      (act): ReLU()",
        "      (drop1): Dropout(p=0.125, inplace=False)",
        "      (norm): Identity()",
        "      (fc2): Linear(in_features=128, out_features=6, bias=True)",
        "      (drop2): Dropout(p=0.0, inplace=False)",
        "    )",
        "  )",
        "  (attn_drop): Dropout(p=0.0, inplace=False)",
        "  (proj): Linear(in_features=384, out_features=384, bias=True)",
        "  (proj_drop): Dropout(p=0.0, inplace=False)",
        ")");
    assertEquals(2, a.layers().depth());
    assertEquals(List.of("qkv", "proj"), a.explanation().counted().get(Convention.DEPTH));
    assertEquals(List.of("rel_pos.mlp.fc1: reads coordinates or positions, not the data: off the data path",
        "rel_pos.mlp.fc2: reads coordinates or positions, not the data: off the data path"), excluded(a));
  }

  @Test
  void aFusedKeyValueProjectionSharesTheQueryInput() {
    // timm volo_d1_224, post_network.0.attn: kv writes twice the width q reads, yet q reads the block input
    Analysis a = analyse(
        "ClassAttention(",
        "  (kv): Linear(in_features=384, out_features=768, bias=False)",
        "  (q): Linear(in_features=384, out_features=384, bias=False)",
        "  (attn_drop): Dropout(p=0.0, inplace=False)",
        "  (proj): Linear(in_features=384, out_features=384, bias=True)",
        "  (proj_drop): Dropout(p=0.0, inplace=False)",
        ")");
    assertEquals(2, a.layers().depth());
  }

  @Test
  void attentionEndingOnItsProjectionsWritesTheQueryWidth() {
    // timm halonet26t, stages.2.1: HaloAttn has no output projection; post_attn reads its 256 channels
    Analysis a = analyse(
        "SelfAttnBlock(",
        "  (shortcut): Identity()",
        "  (conv1_1x1): ConvNormAct(",
        "    (conv): Conv2d(1024, 256, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "  )",
        "  (conv2_kxk): Identity()",
        "  (self_attn): HaloAttn(",
        "    (q): Conv2d(256, 256, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "    (kv): Conv2d(256, 512, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "    (pos_embed): PosEmbedRel()",
        "    (pool): Identity()",
        "  )",
        "  (post_attn): BatchNormAct2d(",
        "    256, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True",
        "    (drop): Identity()",
        "    (act): ReLU(inplace=True)",
        "  )",
        "  (conv3_1x1): ConvNormAct(",
        "    (conv): Conv2d(256, 1024, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "  )",
        ")");
    assertEquals(3, a.layers().depth());
    assertEquals(List.of("conv1_1x1.conv", "self_attn.kv", "conv3_1x1.conv"),
        a.explanation().counted().get(Convention.DEPTH));
  }

  @Test
  void aShortcutPrintedFirstJoinsAtTheEndEvenWhereWidthsAgree() {
    // timm resnet32ts, stages.3.0 (norms left out): the shortcut keeps 1536 channels, as conv1_1x1 reads
    Analysis a = analyse(
        "BottleneckBlock(",
        "  (shortcut): ConvNormAct(",
        "    (conv): Conv2d(1536, 1536, kernel_size=(1, 1), stride=(2, 2), bias=False)",
        "  )",
        "  (conv1_1x1): ConvNormAct(",
        "    (conv): Conv2d(1536, 384, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "  )",
        "  (conv2_kxk): ConvNormAct(",
        "    (conv): Conv2d(384, 384, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), bias=False)",
        "  )",
        "  (conv3_1x1): ConvNormAct(",
        "    (conv): Conv2d(384, 1536, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "  )",
        ")");
    assertEquals(3, a.layers().depth());
    assertEquals(List.of("shortcut.conv: projection shortcut, on a shorter path"), excluded(a));
  }

  @Test
  void aDownsamplePrintedFirstIsTheStreamWhenTheNextLayerReadsIt() {
    // timm convnext_atto, stages.1 with one block: the stage's downsample runs before its blocks
    Analysis a = analyse(
        "ConvNeXtStage(",
        "  (downsample): Sequential(",
        "    (0): LayerNorm2d((40,), eps=1e-06, elementwise_affine=True)",
        "    (1): Conv2d(40, 80, kernel_size=(2, 2), stride=(2, 2))",
        "  )",
        "  (blocks): Sequential(",
        "    (0): ConvNeXtBlock(",
        "      (conv_dw): Conv2d(80, 80, kernel_size=(7, 7), stride=(1, 1), padding=(3, 3), groups=80)",
        "      (norm): LayerNorm2d((80,), eps=1e-06, elementwise_affine=True)",
        "      (mlp): Mlp(",
        "        (fc1): Conv2d(80, 320, kernel_size=(1, 1), stride=(1, 1))",
        "        (act): GELU()",
        "        (fc2): Conv2d(320, 80, kernel_size=(1, 1), stride=(1, 1))",
        "      )",
        "      (shortcut): Identity()",
        "    )",
        "  )",
        ")");
    assertEquals(4, a.layers().depth());
    assertEquals(List.of(), excluded(a));
  }

  @Test
  void aSplitHalfIsConcatenatedBackWithTheHalfLeftUnread() {
    // timm cs3darknet_s, stages.0 (norms left out): blocks read 32 of the 64 channels conv_exp wrote,
    // conv_transition reads the blocks' output beside the other 32
    Analysis a = analyse(
        "CrossStage3(",
        "  (conv_down): ConvNormAct(",
        "    (conv): Conv2d(32, 32, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), bias=False)",
        "  )",
        "  (conv_exp): ConvNormAct(",
        "    (conv): Conv2d(32, 64, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "  )",
        "  (blocks): Sequential(",
        "    (0): DarkBlock(",
        "      (conv1): ConvNormAct(",
        "        (conv): Conv2d(32, 32, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "      )",
        "      (attn): Identity()",
        "      (conv2): ConvNormAct(",
        "        (conv): Conv2d(32, 32, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), bias=False)",
        "      )",
        "      (drop_path): Identity()",
        "    )",
        "  )",
        "  (conv_transition): ConvNormAct(",
        "    (conv): Conv2d(64, 64, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "  )",
        ")");
    assertEquals(5, a.layers().depth());
  }

  @Test
  void radixGroupsAreSummedBeforeTheirAttention() {
    // timm resnest14d, layer1.0.conv2: fc1 reads the 64 channels the two radix groups of conv sum to
    Analysis a = analyse(
        "SplitAttn(",
        "  (conv): Conv2d(64, 128, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), groups=2, bias=False)",
        "  (bn0): BatchNorm2d(128, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)",
        "  (drop): Identity()",
        "  (act0): ReLU(inplace=True)",
        "  (fc1): Conv2d(64, 32, kernel_size=(1, 1), stride=(1, 1))",
        "  (bn1): BatchNorm2d(32, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)",
        "  (act1): ReLU(inplace=True)",
        "  (fc2): Conv2d(32, 128, kernel_size=(1, 1), stride=(1, 1))",
        "  (rsoftmax): RadixSoftmax()",
        ")");
    assertEquals(3, a.layers().depth());
  }

  @Test
  void aNormReadsAWholeTensorNotHalfOfOne() {
    // timm sam2_hiera_tiny, blocks.1 (mlp left out): proj widens the shortcut to 192; norm1 reads the
    // 96-channel block input, not half of proj's output
    Analysis a = analyse(
        "MultiScaleBlock(",
        "  (proj): Linear(in_features=96, out_features=192, bias=True)",
        "  (pool): MaxPool2d(kernel_size=(2, 2), stride=(2, 2), padding=0, dilation=1, ceil_mode=False)",
        "  (norm1): LayerNorm((96,), eps=1e-06, elementwise_affine=True)",
        "  (attn): MultiScaleAttention(",
        "    (q_pool): MaxPool2d(kernel_size=(2, 2), stride=(2, 2), padding=0, dilation=1, ceil_mode=False)",
        "    (qkv): Linear(in_features=96, out_features=576, bias=True)",
        "    (proj): Linear(in_features=192, out_features=192, bias=True)",
        "  )",
        ")");
    assertEquals(2, a.layers().depth());
    assertEquals(List.of("attn.qkv", "attn.proj"), a.explanation().counted().get(Convention.DEPTH));
  }

  @Test
  void aOneChannelMapWeighsTheTensorItWasMadeFrom() {
    // timm gcresnet33ts, stages.0.0.attn: conv_attn's attention logits pool the input into the
    // context that mlp_add transforms
    Analysis a = analyse(
        "GlobalContext(",
        "  (conv_attn): Conv2d(64, 1, kernel_size=(1, 1), stride=(1, 1))",
        "  (mlp_add): ConvMlp(",
        "    (fc1): Conv2d(64, 8, kernel_size=(1, 1), stride=(1, 1))",
        "    (norm): LayerNorm2d((8,), eps=1e-06, elementwise_affine=True)",
        "    (act): ReLU()",
        "    (drop): Dropout(p=0.0, inplace=False)",
        "    (fc2): Conv2d(8, 64, kernel_size=(1, 1), stride=(1, 1))",
        "  )",
        "  (gate): Sigmoid()",
        ")");
    assertEquals(3, a.layers().depth());
  }

  @Test
  void attentionEndingOnAFusedProjectionWritesAWidthTheTextDoesNotState() {
    // timm eca_botnext26ts_256, stages.2.1: BottleneckAttn has only qkv (64 + 64 + 256 channels);
    // post_attn, a norm holding its activation, reads the 256 channels attention writes
    Analysis a = analyse(
        "SelfAttnBlock(",
        "  (shortcut): Identity()",
        "  (conv1_1x1): ConvNormAct(",
        "    (conv): Conv2d(1024, 256, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "  )",
        "  (conv2_kxk): Identity()",
        "  (self_attn): BottleneckAttn(",
        "    (qkv): Conv2d(256, 384, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "    (pos_embed): PosEmbedRel()",
        "    (pool): Identity()",
        "  )",
        "  (post_attn): BatchNormAct2d(",
        "    256, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True",
        "    (drop): Identity()",
        "    (act): SiLU(inplace=True)",
        "  )",
        "  (conv3_1x1): ConvNormAct(",
        "    (conv): Conv2d(256, 1024, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "  )",
        ")");
    assertEquals(3, a.layers().depth());
  }

  @Test
  void aDownsamplePrintedAfterTheBlocksItFeedsRunsFirst() {
    // timm fasternet_t2, stages.1 with one block: the blocks read the 192 channels downsample writes
    Analysis a = analyse(
        "Block(",
        "  (blocks): Sequential(",
        "    (0): MLPBlock(",
        "      (mlp): Sequential(",
        "        (0): Conv2d(192, 384, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "        (1): BatchNorm2d(384, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)",
        "        (2): ReLU(inplace=True)",
        "        (3): Conv2d(384, 192, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "      )",
        "      (spatial_mixing): Partial_conv3(",
        "        (partial_conv3): Conv2d(48, 48, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), bias=False)",
        "      )",
        "      (drop_path): DropPath(drop_prob=0.004)",
        "    )",
        "  )",
        "  (downsample): PatchMerging(",
        "    (reduction): Conv2d(96, 192, kernel_size=(2, 2), stride=(2, 2), bias=False)",
        "    (norm): BatchNorm2d(192, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)",
        "  )",
        ")");
    assertEquals(4, a.layers().depth());
    // listed in printed order
    assertEquals(List.of("blocks.0.mlp.0", "blocks.0.mlp.3", "blocks.0.spatial_mixing.partial_conv3",
        "downsample.reduction"), a.explanation().counted().get(Convention.DEPTH));
  }

  @Test
  void singleConvolutionBranchesOfDifferentKernelsAreSummed() {
    // timm lcnetv2_small, stages.2.1 (norms left out): three depthwise kernels of one input, summed
    Analysis a = analyse(
        "Sequential(",
        "  (dw_conv_list): ModuleList(",
        "    (0): ConvNormAct(",
        "      (conv): Conv2d(384, 384, kernel_size=(5, 5), stride=(1, 1), padding=(2, 2), groups=384, bias=False)",
        "    )",
        "    (1): ConvNormAct(",
        "      (conv): Conv2d(384, 384, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), groups=384, bias=False)",
        "    )",
        "    (2): ConvNormAct(",
        "      (conv): Conv2d(384, 384, kernel_size=(1, 1), stride=(1, 1), groups=384, bias=False)",
        "    )",
        "  )",
        "  (dw_act): ReLU(inplace=True)",
        ")");
    assertEquals(1, a.layers().depth());
  }

  @Test
  void identicalStridedConvolutionsInAListAreBranchesNotAChain() {
    // timm mobileone_s0, stages.0.0.conv_kxk: four stride-2 branches; chained they would shrink the map 16x
    Analysis a = analyse(
        "ModuleList(",
        "  (0-3): 4 x ConvNormAct(",
        "    (conv): Conv2d(48, 48, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), groups=48, bias=False)",
        "    (bn): BatchNormAct2d(",
        "      48, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True",
        "      (drop): Identity()",
        "      (act): Identity()",
        "    )",
        "  )",
        ")");
    assertEquals(1, a.layers().depth());
  }

  @Test
  void aBlockMixingTokensFirstReadsTheChannelsItKeeps() {
    // timm resmlp_24_224 with one block: linear_tokens mixes the 196 patches; the block reads and
    // writes 384 channels, which the head reads
    Analysis a = analyse(
        "MlpMixer(",
        "  (stem): PatchEmbed(",
        "    (proj): Conv2d(3, 384, kernel_size=(16, 16), stride=(16, 16))",
        "    (norm): Identity()",
        "  )",
        "  (blocks): Sequential(",
        "    (0): ResBlock(",
        "      (norm1): Affine()",
        "      (linear_tokens): Linear(in_features=196, out_features=196, bias=True)",
        "      (drop_path): Identity()",
        "      (norm2): Affine()",
        "      (mlp_channels): Mlp(",
        "        (fc1): Linear(in_features=384, out_features=1536, bias=True)",
        "        (act): GELU(approximate='none')",
        "        (fc2): Linear(in_features=1536, out_features=384, bias=True)",
        "      )",
        "    )",
        "  )",
        "  (norm): Affine()",
        "  (head): Linear(in_features=384, out_features=1000, bias=True)",
        ")");
    assertEquals(5, a.layers().depth());
  }

  @Test
  void spelledOutQueryAndKeyProjectionsShareTheirInput() {
    // timm swiftformer_xs, stages.0.blocks.2.attn
    Analysis a = analyse(
        "EfficientAdditiveAttention(",
        "  (to_query): Linear(in_features=48, out_features=48, bias=True)",
        "  (to_key): Linear(in_features=48, out_features=48, bias=True)",
        "  (proj): Linear(in_features=48, out_features=48, bias=True)",
        "  (final): Linear(in_features=48, out_features=48, bias=True)",
        ")");
    assertEquals(3, a.layers().depth());
    assertEquals(List.of("to_query: runs beside to_key, as long; one path is listed"), excluded(a));
  }

  @Test
  void attentionEndingOnProjectionsOfDifferentWidthsWritesTheValuesWidth() {
    // timm eca_halonext26ts, stages.2.1: q writes 128 channels, kv 128 + 256; post_attn reads 256
    Analysis a = analyse(
        "SelfAttnBlock(",
        "  (conv1_1x1): ConvNormAct(",
        "    (conv): Conv2d(1024, 256, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "  )",
        "  (self_attn): HaloAttn(",
        "    (q): Conv2d(256, 128, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "    (kv): Conv2d(256, 384, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "    (pos_embed): PosEmbedRel()",
        "    (pool): Identity()",
        "  )",
        "  (post_attn): BatchNormAct2d(",
        "    256, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True",
        "    (drop): Identity()",
        "    (act): SiLU(inplace=True)",
        "  )",
        "  (conv3_1x1): ConvNormAct(",
        "    (conv): Conv2d(256, 1024, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "  )",
        ")");
    assertEquals(3, a.layers().depth());
    assertEquals(List.of("self_attn.q: runs beside kv, as long; one path is listed"), excluded(a));
  }

  @Test
  void streamsOfEachWidthRunSideBySideAndAListOfListsFusesThem() {
    // timm hrnet_w18_small, blocks trimmed to one or two convolutions: branches runs one Sequential per
    // stream, fuse_layers row i sums what its entries make of each stream into stream i, and
    // transition2 passes streams 0 and 1 on (its Identity entries) while it makes stream 2 from 1
    Analysis a = analyseExcerpt("hrnet-streams.txt");
    assertEquals(7, a.layers().depth());
    assertEquals(List.of("conv1", "transition1.0.0", "stage2.0.branches.0.0.conv1", "stage2.0.branches.0.0.conv2",
        "stage2.0.fuse_layers.1.0.0.0", "transition2.2.0.0", "incre_modules.2.0"),
        a.explanation().counted().get(Convention.DEPTH));
    assertEquals(List.of("transition1.1.0.0: runs beside transition1.0, as long; one path is listed",
        "stage2.0.branches.1.0.conv1: runs beside branches.0, as long; one path is listed",
        "stage2.0.branches.1.0.conv2: runs beside branches.0, as long; one path is listed",
        "stage2.0.fuse_layers.0.1.0: runs beside fuse_layers.1, as long; one path is listed",
        "incre_modules.0.0: parallel stream, on a shorter path",
        "incre_modules.1.0: parallel stream, on a shorter path"), excluded(a));
  }

  @Test
  void entriesWhoseWidthsChainReadOneStreamEachWhereTheStreamsLastWrittenAreTheirs() {
    // timm hrnet_w64, three streams and blocks trimmed: incre_modules widen 64, 128, 256 to 128, 256, 512,
    // so by widths they could chain, yet each reads its own stream; downsamp_modules does chain,
    // adding in incre_modules' output of each width it passes
    Analysis a = analyseExcerpt("hrnet-chained-widths.txt");
    assertEquals(7, a.layers().depth());
    assertEquals(List.of("conv1", "transition1.0.0", "incre_modules.0.0", "incre_modules.0.1",
        "downsamp_modules.0.0", "downsamp_modules.1.0", "classifier"), a.explanation().counted().get(Convention.DEPTH));
  }

  @Test
  void modulesOfSeveralStreamsInAListEachTakeWhatTheOneBeforeLeft() {
    // timm crossvit_9_240, two of its multi-scale blocks with attention and norms trimmed: each block
    // reads both streams; projs, fusion and revert_projs exchange the class tokens between them
    Analysis a = analyseExcerpt("crossvit-streams.txt");
    assertEquals(13, a.layers().depth());
    assertEquals(13, a.explanation().counted().get(Convention.DEPTH).size());
  }

  @Test
  void aDepthwiseCopyOfAModulesLastLayerIsConcatenatedWithIt() {
    // timm ghostnet_100, blocks.0.0: ghost2 reads the 8 + 8 channels of primary_conv and cheap_operation,
    // not the block's 16-channel input beside ghost1
    String ghost = String.join("\n",
        "  (%s): GhostModule(",
        "    (primary_conv): Sequential(",
        "      (0): Conv2d(16, 8, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "      (1): BatchNorm2d(8, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)",
        "      (2): ReLU(inplace=True)",
        "    )",
        "    (cheap_operation): Sequential(",
        "      (0): Conv2d(8, 8, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), groups=8, bias=False)",
        "      (1): BatchNorm2d(8, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)",
        "      (2): ReLU(inplace=True)",
        "    )",
        "  )");
    Analysis a = analyse("GhostBottleneck(", String.format(ghost, "ghost1"), String.format(ghost, "ghost2"),
        "  (shortcut): Sequential()", ")");
    assertEquals(4, a.layers().depth());
    assertEquals(List.of(), excluded(a));
  }

  @Test
  void aThirdOfTheStreamAfterALayerKeepingItsWidthIsAnEarlierTensor() {
    // timm ghostnetv2_100, blocks.5.0.ghost1: short_conv reads the module's 40-channel input, not a
    // third of the 120 channels cheap_operation keeps (a fused qkv widens the stream it is read from)
    Analysis a = analyse(
        "GhostModuleV2(",
        "  (gate_fn): Sigmoid()",
        "  (primary_conv): Sequential(",
        "    (0): Conv2d(40, 120, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "    (1): BatchNorm2d(120, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)",
        "  )",
        "  (cheap_operation): Sequential(",
        "    (0): Conv2d(120, 120, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), groups=120, bias=False)",
        "    (1): BatchNorm2d(120, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)",
        "  )",
        "  (short_conv): Sequential(",
        "    (0): Conv2d(40, 240, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "    (2): Conv2d(240, 240, kernel_size=(1, 5), stride=(1, 1), padding=(0, 2), groups=240, bias=False)",
        "    (4): Conv2d(240, 240, kernel_size=(5, 1), stride=(1, 1), padding=(2, 0), groups=240, bias=False)",
        "  )",
        ")");
    assertEquals(3, a.layers().depth());
    assertEquals(List.of("short_conv.0", "short_conv.2", "short_conv.4"), a.explanation().counted().get(Convention.DEPTH));
  }

  @Test
  void whatALaterInstanceShowsOfAProjectionBesideItHoldsForEarlierOnesToo() {
    // torchvision regnet_x_400mf, the first block of the first two stages (norms left out): block1-0
    // keeps 32 channels, so f could follow proj; block2-0 widens to 64 and shows f reading the block
    // input beside proj, as the same class does in block1-0, printed first
    String block = String.join("\n",
        "  (%s): ResBottleneckBlock(",
        "    (proj): Conv2dNormActivation(",
        "      (0): Conv2d(32, %d, kernel_size=(1, 1), stride=(2, 2), bias=False)",
        "    )",
        "    (f): BottleneckTransform(",
        "      (a): Conv2dNormActivation(",
        "        (0): Conv2d(32, %2$d, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "      )",
        "      (b): Conv2dNormActivation(",
        "        (0): Conv2d(%2$d, %2$d, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), groups=2, bias=False)",
        "      )",
        "      (c): Conv2dNormActivation(",
        "        (0): Conv2d(%2$d, %2$d, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "      )",
        "    )",
        "    (activation): ReLU(inplace=True)",
        "  )");
    Analysis a = analyse("Sequential(", String.format(block, "block1-0", 32), String.format(block, "block2-0", 64), ")");
    assertEquals(6, a.layers().depth());
    assertEquals(List.of("block1-0.proj.0: on a shorter path", "block2-0.proj.0: on a shorter path"), excluded(a));
  }

  @Test
  void aLongerSiblingALaterInstanceRanBesideTeachesNothingAboutEarlierOnes() {
    // transformers glm5_next_text, layers 2 and 3 trimmed: layer 3's attention ends on its indexer's
    // 32-wide weights, so its mlp seems to read the layer input beside it; layer 2 still runs mlp
    // after its attention
    Analysis a = analyseExcerpt("glm5-decoder-layers.txt");
    assertEquals(4 + 3, a.layers().depth());
  }

  @Test
  void whatOneModuleListShowsIsNotAppliedToOnesPrintedBefore() {
    // transformers depth_pro, encoder layers and feature projections trimmed: the second projection
    // reads the list's input beside the first, which says nothing of the encoder layers in another list
    Analysis a = analyseExcerpt("depth-pro-lists.txt");
    assertEquals(1 + 2 * 2 + 1, a.layers().depth());
  }

  /**
   * YOLOv8n as a published re-implementation printed it: its Detect head's box branches (cv2, one
   * per scale, 64 wide out at each) and class branches (cv3) each read the neck's three scales. The
   * first scale is 64 wide too, so the class branch of that scale read the box branches' output:
   * cv2's 3 convolutions and cv3's 3 in series. Now cv3 reads what cv2 read: one branch of 3 on the
   * path. With C2f's fusion run last (see the next test), the depth is the model's: 48 convolutions
   * on its longest path and the DFL decoding convolution after the box branch, 49 (was 50).
   */
  @Test
  void headsPrintedOneAfterAnotherReadTheSameStreams() {
    Analysis a = analyseExcerpt("yolov8n-detect.txt");
    List<String> head = a.explanation().counted().get(Convention.DEPTH).stream()
        .filter(p -> p.startsWith("model.22.cv")).toList();
    assertEquals(3, head.size(), head.toString());
    assertEquals(1, head.stream().map(p -> p.substring(0, "model.22.cv2".length())).distinct().count(), head.toString());
    assertEquals(49, a.layers().depth());
  }

  /**
   * Ultralytics' C2f prints cv1, then cv2 (the fusion of cv1's output and every block's, 64 + 64 +
   * 64 = 192 here), then the blocks; it runs cv1, the blocks on half of cv1's output, then cv2: 4.
   * Where the module's input is 192 wide too (a neck's concatenation, YOLOv8's model.18), cv2 read
   * that input beside cv1, and cv1 fell off the path (3).
   */
  @Test
  void aFusionPrintedBeforeTheBlocksItConcatenatesRunsAfterThem() {
    Analysis a = analyse(
        "C2f(",
        "  (cv1): Conv(",
        "    (conv): Conv2d(192, 128, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "    (act): SiLU(inplace=True)",
        "  )",
        "  (cv2): Conv(",
        "    (conv): Conv2d(192, 128, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "    (act): SiLU(inplace=True)",
        "  )",
        "  (m): ModuleList(",
        "    (0): Bottleneck(",
        "      (cv1): Conv(",
        "        (conv): Conv2d(64, 64, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), bias=False)",
        "        (act): SiLU(inplace=True)",
        "      )",
        "      (cv2): Conv(",
        "        (conv): Conv2d(64, 64, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), bias=False)",
        "        (act): SiLU(inplace=True)",
        "      )",
        "    )",
        "  )",
        ")");
    assertEquals(4, a.layers().depth());
    assertEquals(List.of(), excluded(a));
  }

  /**
   * YOLOv3 (Darknet's cfg as a ModuleList): after a detection head, a route turns back to an earlier
   * layer's output, and a later route concatenates an upsampled map with a backbone stage's. The
   * convolution reading that concatenation (192 = 64 + 128 channels) is as deep as the deeper of
   * the two, not as the head printed before it: read so, a published YOLOv3 was 73 deep for 71.
   */
  @Test
  void aReaderOfTheStreamConcatenatedWithAnEarlierTensorIsAsDeepAsTheDeeper() {
    Analysis a = analyse(
        "ModuleList(",
        "  (0): Sequential(",
        "    (conv_0): Conv2d(3, 64, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), bias=False)",
        "  )",
        "  (1): Sequential(",
        "    (conv_1): Conv2d(64, 128, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), bias=False)",
        "  )",
        "  (2): Sequential(",
        "    (conv_2): Conv2d(128, 256, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), bias=False)",
        "  )",
        "  (3): Sequential(",
        "    (conv_3): Conv2d(256, 512, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), bias=False)",
        "  )",
        "  (4): Sequential(",
        "    (conv_4): Conv2d(512, 255, kernel_size=(1, 1), stride=(1, 1))",
        "  )",
        "  (5): Sequential(",
        "    (yolo_5): YOLOLayer()",
        "  )",
        "  (6): Sequential(",
        "    (route_6): EmptyLayer()",
        "  )",
        "  (7): Sequential(",
        "    (conv_7): Conv2d(256, 64, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "  )",
        "  (8): Sequential(",
        "    (upsample_8): Upsample(scale_factor=2.0, mode=nearest)",
        "  )",
        "  (9): Sequential(",
        "    (route_9): EmptyLayer()",
        "  )",
        "  (10): Sequential(",
        "    (conv_10): Conv2d(192, 255, kernel_size=(1, 1), stride=(1, 1))",
        "  )",
        ")");
    assertEquals(5, a.layers().depth());
    assertEquals(List.of("3.conv_3: runs beside 7, as long; one path is listed",
        "4.conv_4: runs beside 10, as long; one path is listed"), excluded(a));
  }

  /**
   * ProphetNet's decoder self-attention prints {@code relative_pos_embeddings} (1,024 to 512) after
   * out_proj: a bias of the scores made from the layer's input. Read as the attention's output, it
   * cut the attention off the path and left the published ProphetNet 96 deep for 118.
   */
  @Test
  void aRelativePositionBiasPrintedLastIsNotTheAttentionsOutput() {
    Analysis a = analyse(
        "ProphetNetDecoder(",
        "  (layers): ModuleList(",
        "    (0-1): 2 x ProphetNetDecoderLayer(",
        "      (self_attn): ProphetNetNgramSelfAttention(",
        "        (key_proj): Linear(in_features=64, out_features=64, bias=True)",
        "        (value_proj): Linear(in_features=64, out_features=64, bias=True)",
        "        (query_proj): Linear(in_features=64, out_features=64, bias=True)",
        "        (out_proj): Linear(in_features=64, out_features=64, bias=True)",
        "        (relative_pos_embeddings): Linear(in_features=64, out_features=32, bias=True)",
        "      )",
        "      (self_attn_layer_norm): LayerNorm((64,), eps=1e-05, elementwise_affine=True)",
        "      (feed_forward): ProphetNetFeedForward(",
        "        (activation_fn): GELUActivation()",
        "        (intermediate): Linear(in_features=64, out_features=256, bias=True)",
        "        (output): Linear(in_features=256, out_features=64, bias=True)",
        "      )",
        "      (feed_forward_layer_norm): LayerNorm((64,), eps=1e-05, elementwise_affine=True)",
        "    )",
        "  )",
        ")");
    assertEquals(8, a.layers().depth());
    assertTrue(excluded(a).contains("layers.0.self_attn.relative_pos_embeddings: relative-position bias of the "
        + "attention's scores, beside the query: on a shorter path"), excluded(a).toString());
  }

  /**
   * A U-Net's up block (milesial's Up) upsamples its input with a transposed convolution and reads
   * that map concatenated with the skip it was called with (64 + 64 = 128): its convolution runs
   * after the upsampling, not beside it on the block's input of 128 channels. A published 3-level
   * U-Net read 15 deep for 18.
   */
  @Test
  void aUNetUpBlockReadsTheUpsampledMapConcatenatedWithItsSkip() {
    Analysis a = analyse(
        "UNet(",
        "  (inc): Conv2d(3, 64, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))",
        "  (down): Conv2d(64, 128, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1))",
        "  (up1): Up(",
        "    (up): ConvTranspose2d(128, 64, kernel_size=(2, 2), stride=(2, 2))",
        "    (conv): Conv2d(128, 64, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))",
        "  )",
        "  (outc): Conv2d(64, 3, kernel_size=(1, 1), stride=(1, 1))",
        ")");
    assertEquals(5, a.layers().depth());
    assertEquals(List.of(), excluded(a));
  }

  /**
   * AutoGPTQ saves and loads a model's modules in the order of their names: an attention prints
   * k_proj, out_proj, q_proj, v_proj, and its QuantLinear layers print no widths. The output
   * projection runs after the projections it reads, and a layer of a class named ...Linear is a
   * fully connected one: a published OPT-125m so quantized read 1 deep (61 with the kind alone)
   * for the 49 of the same model printed before quantization.
   */
  @Test
  void anOutputProjectionPrintedBeforeTheQueryRunsAfterIt() {
    Analysis a = analyse(
        "OPTDecoderLayer(",
        "  (self_attn): OPTAttention(",
        "    (k_proj): QuantLinear()",
        "    (out_proj): QuantLinear()",
        "    (q_proj): QuantLinear()",
        "    (v_proj): QuantLinear()",
        "  )",
        "  (activation_fn): ReLU()",
        "  (self_attn_layer_norm): LayerNorm((768,), eps=1e-05, elementwise_affine=True)",
        "  (final_layer_norm): LayerNorm((768,), eps=1e-05, elementwise_affine=True)",
        "  (fc1): QuantLinear()",
        "  (fc2): QuantLinear()",
        ")");
    assertEquals(4, a.layers().depth());
    assertEquals(6, a.layers().weighted());
  }

  /**
   * StarGAN's discriminator ends in two heads on the same features: a 3x3 real/fake map of one
   * channel and a class head. The one-channel map was read as a gate weighing those features (a
   * GlobalContext block's 1x1 logits), the class head chained after it: 8 deep for 7.
   */
  @Test
  void aOneChannelHeadWithAWideKernelIsNoGate() {
    Analysis a = analyse(
        "Discriminator(",
        "  (main): Sequential(",
        "    (0): Conv2d(3, 64, kernel_size=(4, 4), stride=(2, 2), padding=(1, 1))",
        "    (1): LeakyReLU(negative_slope=0.01, inplace=True)",
        "  )",
        "  (conv1): Conv2d(64, 1, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), bias=False)",
        "  (conv2): Conv2d(64, 5, kernel_size=(2, 2), stride=(1, 1), bias=False)",
        ")");
    assertEquals(2, a.layers().depth());
    assertEquals(List.of("conv1: runs beside conv2, as long; one path is listed"), excluded(a));
  }

  /**
   * Gemma 3's attention prints its per-head norms of the queries and keys, {@code q_norm} and
   * {@code k_norm} (a head's width, 256, which its key and value projections write too), after
   * {@code o_proj}: read as the attention's output, they cut it off the path (the feed-forward
   * beside it: 5 for 9), and read as the stream after {@code o_proj}, they made it look printed
   * before the value projection it reads (k, v, o chained: 7 for 9). Per layer: q, k or v, then o,
   * up, down; lm_head last. The published Gemma-3-270m read 37 deep for 73.
   */
  @Test
  void aQueryOrKeyNormPrintedLastIsNotTheAttentionsOutput() {
    for (String query : List.of("out_features=1024", "out_features=640")) {
      String output = query.equals("out_features=1024") ? "in_features=1024" : "in_features=640";
      Analysis a = analyse(
          "Gemma3TextModel(",
          "  (layers): ModuleList(",
          "    (0-1): 2 x Gemma3DecoderLayer(",
          "      (self_attn): Gemma3Attention(",
          "        (q_proj): Linear(in_features=640, " + query + ", bias=False)",
          "        (k_proj): Linear(in_features=640, out_features=256, bias=False)",
          "        (v_proj): Linear(in_features=640, out_features=256, bias=False)",
          "        (o_proj): Linear(" + output + ", out_features=640, bias=False)",
          "        (q_norm): Gemma3RMSNorm((256,), eps=1e-06)",
          "        (k_norm): Gemma3RMSNorm((256,), eps=1e-06)",
          "      )",
          "      (mlp): Gemma3MLP(",
          "        (gate_proj): Linear(in_features=640, out_features=2048, bias=False)",
          "        (up_proj): Linear(in_features=640, out_features=2048, bias=False)",
          "        (down_proj): Linear(in_features=2048, out_features=640, bias=False)",
          "        (act_fn): GELUTanh()",
          "      )",
          "      (input_layernorm): Gemma3RMSNorm((640,), eps=1e-06)",
          "      (post_attention_layernorm): Gemma3RMSNorm((640,), eps=1e-06)",
          "      (pre_feedforward_layernorm): Gemma3RMSNorm((640,), eps=1e-06)",
          "      (post_feedforward_layernorm): Gemma3RMSNorm((640,), eps=1e-06)",
          "    )",
          "  )",
          "  (norm): Gemma3RMSNorm((640,), eps=1e-06)",
          "  (lm_head): Linear(in_features=640, out_features=262144, bias=False)",
          ")");
      assertEquals(9, a.layers().depth(), query);
      assertTrue(a.layers().lowerBounds().isEmpty(), query);
    }
  }

  /**
   * Qwen3's per-head norms (128 wide, a head's width no projection writes) printed after {@code
   * o_proj}: the attention writes {@code o_proj}'s 2,048, so the stack does, and the head reads it.
   * With the norms read as the attention's output (128), the head was reached by no path through
   * the stack (8 for 9: q, k or v, o, up, down per layer; the head).
   */
  @Test
  void aHeadNormOfAnotherWidthIsNotTheAttentionsOutputEither() {
    Analysis a = analyse(
        "Net(",
        "  (embed): Embedding(100, 2048)",
        "  (encoder): Encoder(",
        "    (layers): ModuleList(",
        "      (0-1): 2 x Qwen3DecoderLayer(",
        "        (self_attn): Qwen3Attention(",
        "          (q_proj): Linear(in_features=2048, out_features=2048, bias=False)",
        "          (k_proj): Linear(in_features=2048, out_features=1024, bias=False)",
        "          (v_proj): Linear(in_features=2048, out_features=1024, bias=False)",
        "          (o_proj): Linear(in_features=2048, out_features=2048, bias=False)",
        "          (q_norm): Qwen3RMSNorm((128,), eps=1e-06)",
        "          (k_norm): Qwen3RMSNorm((128,), eps=1e-06)",
        "        )",
        "        (mlp): Qwen3MLP(",
        "          (gate_proj): Linear(in_features=2048, out_features=6144, bias=False)",
        "          (up_proj): Linear(in_features=2048, out_features=6144, bias=False)",
        "          (down_proj): Linear(in_features=6144, out_features=2048, bias=False)",
        "          (act_fn): SiLUActivation()",
        "        )",
        "        (input_layernorm): Qwen3RMSNorm((2048,), eps=1e-06)",
        "        (post_attention_layernorm): Qwen3RMSNorm((2048,), eps=1e-06)",
        "      )",
        "    )",
        "    (norm): Qwen3RMSNorm((2048,), eps=1e-06)",
        "  )",
        "  (head): Linear(in_features=2048, out_features=10, bias=True)",
        ")");
    assertEquals(9, a.layers().depth());
  }

  /**
   * DeepSeek's multi-head latent attention: the query runs q_a_proj, its norm, q_b_proj; the keys
   * and values kv_a_proj_with_mqa (576 wide: a 512-wide latent and 64 rotary channels), a norm of
   * the latent, kv_b_proj; o_proj reads both. The latent's norm reads 512, which no earlier tensor
   * has: it was read as a reshape of the deepest branch (q_b_proj's), chaining the two paths. And
   * the MoE's shared experts run on its input beside the routed ones, their outputs summed (HF's
   * DeepseekV3MoE). Per layer: q_a or kv_a, q_b or kv_b, o; then up, down: 5 (the published
   * DeepSeek-R1, 61 layers, read 482 for 305, presented as whole).
   */
  @Test
  void latentAttentionsPathsRunSideBySideAndSharedExpertsBesideTheRoutedOnes() {
    Analysis a = analyse(
        "DeepseekV3Model(",
        "  (embed_tokens): Embedding(129280, 7168)",
        "  (layers): ModuleList(",
        "    (0): DeepseekV3DecoderLayer(",
        "      (self_attn): DeepseekV3Attention(",
        "        (q_a_proj): Linear(in_features=7168, out_features=1536, bias=False)",
        "        (q_a_layernorm): DeepseekV3RMSNorm((1536,), eps=1e-06)",
        "        (q_b_proj): Linear(in_features=1536, out_features=24576, bias=False)",
        "        (kv_a_proj_with_mqa): Linear(in_features=7168, out_features=576, bias=False)",
        "        (kv_a_layernorm): DeepseekV3RMSNorm((512,), eps=1e-06)",
        "        (kv_b_proj): Linear(in_features=512, out_features=32768, bias=False)",
        "        (o_proj): Linear(in_features=16384, out_features=7168, bias=False)",
        "      )",
        "      (mlp): DeepseekV3MoE(",
        "        (experts): ModuleList(",
        "          (0-1): 2 x DeepseekV3MLP(",
        "            (gate_proj): Linear(in_features=7168, out_features=2048, bias=False)",
        "            (up_proj): Linear(in_features=7168, out_features=2048, bias=False)",
        "            (down_proj): Linear(in_features=2048, out_features=7168, bias=False)",
        "            (act_fn): SiLUActivation()",
        "          )",
        "        )",
        "        (gate): DeepseekV3TopkRouter()",
        "        (shared_experts): DeepseekV3MLP(",
        "          (gate_proj): Linear(in_features=7168, out_features=2048, bias=False)",
        "          (up_proj): Linear(in_features=7168, out_features=2048, bias=False)",
        "          (down_proj): Linear(in_features=2048, out_features=7168, bias=False)",
        "          (act_fn): SiLUActivation()",
        "        )",
        "      )",
        "      (input_layernorm): DeepseekV3RMSNorm((7168,), eps=1e-06)",
        "      (post_attention_layernorm): DeepseekV3RMSNorm((7168,), eps=1e-06)",
        "    )",
        "  )",
        "  (norm): DeepseekV3RMSNorm((7168,), eps=1e-06)",
        ")");
    assertEquals(5, a.layers().depth());
  }

  /**
   * Flux, a dual-stream transformer (diffusers): the text's context_embedder is conditioning beside
   * the image's x_embedder; a double block's attention projects the text stream with add_q_proj,
   * add_k_proj and add_v_proj beside to_q, to_k and to_v (its per-head norms printed first), writes
   * it with to_add_out beside to_out, and runs ff_context beside ff; a single block runs attn beside
   * proj_mlp and proj_out on both concatenated (15,360 = 3,072 + 12,288), though it prints attn last.
   * From the image: x_embedder, q/k/v, to_out, ff (2); proj_mlp or attn, proj_out; proj_out: 8, at
   * least (the timestep's path through the blocks' norms may be longer). The published FLUX.1-dev
   * read at least 307 for 154.
   */
  @Test
  void aDualStreamTransformersStreamsRunSideBySide() {
    Analysis a = analyse(
        "FluxTransformer2DModel(",
        "  (context_embedder): Linear(in_features=4096, out_features=3072, bias=True)",
        "  (x_embedder): Linear(in_features=64, out_features=3072, bias=True)",
        "  (transformer_blocks): ModuleList(",
        "    (0): FluxTransformerBlock(",
        "      (attn): FluxAttention(",
        "        (norm_q): RMSNorm((128,), eps=1e-06, elementwise_affine=True)",
        "        (norm_k): RMSNorm((128,), eps=1e-06, elementwise_affine=True)",
        "        (to_q): Linear(in_features=3072, out_features=3072, bias=True)",
        "        (to_k): Linear(in_features=3072, out_features=3072, bias=True)",
        "        (to_v): Linear(in_features=3072, out_features=3072, bias=True)",
        "        (to_out): ModuleList(",
        "          (0): Linear(in_features=3072, out_features=3072, bias=True)",
        "          (1): Dropout(p=0.0, inplace=False)",
        "        )",
        "        (norm_added_q): RMSNorm((128,), eps=1e-06, elementwise_affine=True)",
        "        (norm_added_k): RMSNorm((128,), eps=1e-06, elementwise_affine=True)",
        "        (add_q_proj): Linear(in_features=3072, out_features=3072, bias=True)",
        "        (add_k_proj): Linear(in_features=3072, out_features=3072, bias=True)",
        "        (add_v_proj): Linear(in_features=3072, out_features=3072, bias=True)",
        "        (to_add_out): Linear(in_features=3072, out_features=3072, bias=True)",
        "      )",
        "      (ff): FeedForward(",
        "        (net): ModuleList(",
        "          (0): GELU(",
        "            (proj): Linear(in_features=3072, out_features=12288, bias=True)",
        "          )",
        "          (1): Dropout(p=0.0, inplace=False)",
        "          (2): Linear(in_features=12288, out_features=3072, bias=True)",
        "        )",
        "      )",
        "      (ff_context): FeedForward(",
        "        (net): ModuleList(",
        "          (0): GELU(",
        "            (proj): Linear(in_features=3072, out_features=12288, bias=True)",
        "          )",
        "          (1): Dropout(p=0.0, inplace=False)",
        "          (2): Linear(in_features=12288, out_features=3072, bias=True)",
        "        )",
        "      )",
        "    )",
        "  )",
        "  (single_transformer_blocks): ModuleList(",
        "    (0): FluxSingleTransformerBlock(",
        "      (proj_mlp): Linear(in_features=3072, out_features=12288, bias=True)",
        "      (act_mlp): GELU(approximate='tanh')",
        "      (proj_out): Linear(in_features=15360, out_features=3072, bias=True)",
        "      (attn): FluxAttention(",
        "        (to_q): Linear(in_features=3072, out_features=3072, bias=True)",
        "        (to_k): Linear(in_features=3072, out_features=3072, bias=True)",
        "        (to_v): Linear(in_features=3072, out_features=3072, bias=True)",
        "      )",
        "    )",
        "  )",
        "  (proj_out): Linear(in_features=3072, out_features=64, bias=True)",
        ")");
    assertEquals(8, a.layers().depth());
  }

  /** SD3's joint blocks, printed with add_k_proj before add_q_proj: pos_embed, then 4 a block, proj_out. */
  @Test
  void aJointTransformerBlockIsFourDeep() {
    Analysis a = analyse(
        "SD3Transformer2DModel(",
        "  (pos_embed): PatchEmbed(",
        "    (proj): Conv2d(16, 64, kernel_size=(2, 2), stride=(2, 2))",
        "  )",
        "  (time_text_embed): CombinedTimestepTextProjEmbeddings(",
        "    (time_proj): Timesteps()",
        "    (timestep_embedder): TimestepEmbedding(",
        "      (linear_1): Linear(in_features=256, out_features=64, bias=True)",
        "      (act): SiLU()",
        "      (linear_2): Linear(in_features=64, out_features=64, bias=True)",
        "    )",
        "  )",
        "  (context_embedder): Linear(in_features=128, out_features=64, bias=True)",
        "  (transformer_blocks): ModuleList(",
        "    (0-1): 2 x JointTransformerBlock(",
        "      (norm1): AdaLayerNormZero(",
        "        (silu): SiLU()",
        "        (linear): Linear(in_features=64, out_features=384, bias=True)",
        "        (norm): LayerNorm((64,), eps=1e-06, elementwise_affine=False)",
        "      )",
        "      (norm1_context): AdaLayerNormZero(",
        "        (silu): SiLU()",
        "        (linear): Linear(in_features=64, out_features=384, bias=True)",
        "        (norm): LayerNorm((64,), eps=1e-06, elementwise_affine=False)",
        "      )",
        "      (attn): Attention(",
        "        (to_q): Linear(in_features=64, out_features=64, bias=True)",
        "        (to_k): Linear(in_features=64, out_features=64, bias=True)",
        "        (to_v): Linear(in_features=64, out_features=64, bias=True)",
        "        (add_k_proj): Linear(in_features=64, out_features=64, bias=True)",
        "        (add_v_proj): Linear(in_features=64, out_features=64, bias=True)",
        "        (add_q_proj): Linear(in_features=64, out_features=64, bias=True)",
        "        (to_out): ModuleList(",
        "          (0): Linear(in_features=64, out_features=64, bias=True)",
        "          (1): Dropout(p=0.0, inplace=False)",
        "        )",
        "        (to_add_out): Linear(in_features=64, out_features=64, bias=True)",
        "      )",
        "      (norm2): LayerNorm((64,), eps=1e-06, elementwise_affine=False)",
        "      (ff): FeedForward(",
        "        (net): ModuleList(",
        "          (0): GELU(",
        "            (proj): Linear(in_features=64, out_features=256, bias=True)",
        "          )",
        "          (1): Dropout(p=0.0, inplace=False)",
        "          (2): Linear(in_features=256, out_features=64, bias=True)",
        "        )",
        "      )",
        "      (norm2_context): LayerNorm((64,), eps=1e-06, elementwise_affine=False)",
        "      (ff_context): FeedForward(",
        "        (net): ModuleList(",
        "          (0): GELU(",
        "            (proj): Linear(in_features=64, out_features=256, bias=True)",
        "          )",
        "          (1): Dropout(p=0.0, inplace=False)",
        "          (2): Linear(in_features=256, out_features=64, bias=True)",
        "        )",
        "      )",
        "    )",
        "  )",
        "  (norm_out): AdaLayerNormContinuous(",
        "    (silu): SiLU()",
        "    (linear): Linear(in_features=64, out_features=128, bias=True)",
        "    (norm): LayerNorm((64,), eps=1e-06, elementwise_affine=False)",
        "  )",
        "  (proj_out): Linear(in_features=64, out_features=64, bias=True)",
        ")");
    assertEquals(10, a.layers().depth());
  }

  /**
   * neuralop's ComplexValued holds a layer's real and imaginary parts, fr and fi: each reads the
   * input's parts and their outputs are summed (fr(re) - fi(im), fr(im) + fi(re)). Read in printed
   * order they chained, fi even reading fr's one-channel output as a gate it weighs: a published
   * complex FNO read 20 deep for 12. Here: the two skips, the projection: 3.
   */
  @Test
  void aComplexLayersRealAndImaginaryPartsRunSideBySide() {
    Analysis a = analyse(
        "FNO(",
        "  (fno_skips): ModuleList(",
        "    (0-1): 2 x ComplexValued(",
        "      (fr): Conv1d(128, 128, kernel_size=(1,), stride=(1,), bias=False)",
        "      (fi): Conv1d(128, 128, kernel_size=(1,), stride=(1,), bias=False)",
        "    )",
        "  )",
        "  (projection): ComplexValued(",
        "    (fr): ChannelMLP(",
        "      (fcs): ModuleList(",
        "        (0): Conv1d(128, 1, kernel_size=(1,), stride=(1,))",
        "      )",
        "    )",
        "    (fi): ChannelMLP(",
        "      (fcs): ModuleList(",
        "        (0): Conv1d(128, 1, kernel_size=(1,), stride=(1,))",
        "      )",
        "    )",
        "  )",
        ")");
    assertEquals(3, a.layers().depth());
  }

  /**
   * PI0's tree, reduced: a language model ending in its logits (1,000 wide, as many as its token
   * table has rows), an action expert whose token table is {@code expertTokens}, action projections.
   */
  private static Analysis pi0(String expertTokens) {
    return analyse(
        "Pi0(",
        "  (with_expert): WithExpert(",
        "    (paligemma): GemmaForCausalLM(",
        "      (model): GemmaModel(",
        "        (embed_tokens): Embedding(1000, 64)",
        "        (layers): ModuleList(",
        "          (0-2): 3 x GemmaDecoderLayer(",
        "            (mlp): GemmaMLP(",
        "              (up_proj): Linear(in_features=64, out_features=256, bias=False)",
        "              (down_proj): Linear(in_features=256, out_features=64, bias=False)",
        "            )",
        "          )",
        "        )",
        "        (norm): GemmaRMSNorm((64,), eps=1e-06)",
        "      )",
        "      (lm_head): Linear(in_features=64, out_features=1000, bias=False)",
        "    )",
        "    (gemma_expert): GemmaForCausalLM(",
        "      (model): GemmaModel(",
        "        (embed_tokens): " + expertTokens,
        "        (layers): ModuleList(",
        "          (0-1): 2 x GemmaDecoderLayer(",
        "            (mlp): GemmaMLP(",
        "              (up_proj): Linear(in_features=32, out_features=128, bias=False)",
        "              (down_proj): Linear(in_features=128, out_features=32, bias=False)",
        "            )",
        "          )",
        "        )",
        "        (norm): GemmaRMSNorm((32,), eps=1e-06)",
        "      )",
        "      (lm_head): Linear(in_features=32, out_features=1000, bias=False)",
        "    )",
        "  )",
        "  (action_in_proj): Linear(in_features=16, out_features=32, bias=True)",
        "  (action_out_proj): Linear(in_features=32, out_features=16, bias=True)",
        ")");
  }

  /**
   * PI0: PaliGemma's language model ends in its logits (lm_head writes 1,000, the rows of its
   * token table); the action expert printed after it reads 32, which no tensor has. Read as the
   * logits reshaped, the expert ran after the whole language model (the published PI0 read 261
   * for about 183). Logits are an output, never reshaped into another width: the expert and the
   * action projections start from the input. The language model's path is the longest: 3 layers
   * of up and down, then lm_head.
   */
  @Test
  void aModelPrintedAfterAnotherModelsLogitsDoesNotReadThemReshaped() {
    Analysis a = pi0("None");
    assertEquals(7, a.layers().depth());
  }

  /**
   * A model that embeds tokens may read those picked from the logits before it (CLVP's speech
   * encoder reads the speech decoder's chosen tokens): the same tree with the expert's token
   * table printed runs the two in a row, 7 + 2 x 2 + 1.
   */
  @Test
  void aModelEmbeddingTokensMayReadThosePickedFromTheLogitsBeforeIt() {
    Analysis a = pi0("Embedding(1000, 32)");
    assertEquals(12, a.layers().depth());
  }

  /**
   * torchaudio's wav2vec2 feature extractor: its first ConvLayerBlock registers its GroupNorm(512)
   * before its Conv1d(1, 512) and applies it after. Read as the block's first reader, the norm made
   * the block read 512, as every block after it does: the seven convs ran side by side (a published
   * wav2vec2 read 51 for 58). A norm whose width is what the next layer writes, not what it reads,
   * follows that layer.
   */
  @Test
  void aNormPrintedBeforeTheConvItFollowsDoesNotMakeTheBlocksParallel() {
    Analysis a = analyse(
        "FeatureExtractor(",
        "  (conv_layers): ModuleList(",
        "    (0): ConvLayerBlock(",
        "      (layer_norm): GroupNorm(512, 512, eps=1e-05, affine=True)",
        "      (conv): Conv1d(1, 512, kernel_size=(10,), stride=(5,), bias=False)",
        "    )",
        "    (1): ConvLayerBlock(",
        "      (conv): Conv1d(512, 512, kernel_size=(3,), stride=(2,), bias=False)",
        "    )",
        "    (2): ConvLayerBlock(",
        "      (conv): Conv1d(512, 512, kernel_size=(3,), stride=(2,), bias=False)",
        "    )",
        "  )",
        ")");
    assertEquals(3, a.layers().depth());
  }

  /**
   * torchaudio's wav2vec2 ends in a Linear keyed {@code aux}, its CTC output: a single layer printed
   * last is the model's head, not a training-time classifier off the path (GoogLeNet's aux1 and
   * Inception's AuxLogits are blocks, printed before the head).
   */
  @Test
  void aSingleAuxLayerPrintedLastIsTheHead() {
    Analysis a = analyse(
        "Wav2Vec2Model(",
        "  (encoder): Linear(in_features=512, out_features=768, bias=True)",
        "  (aux): Linear(in_features=768, out_features=29, bias=True)",
        ")");
    assertEquals(2, a.layers().depth());
  }

  /**
   * milesial's U-Net: each Up block upsamples, concatenates the skip of the width and convolves.
   * up2 reads 128 = 64 (up1's output) + 64 (inc's skip); an earlier tensor of 128 (down2's) made it
   * read as a branch beside up1 (the published U-Net read 15 for 19). After an up block of its
   * class, an up block reading twice the stream's width reads the stream with its skip.
   */
  @Test
  void anUpBlockAfterAnUpBlockReadsTheStreamConcatenatedWithItsSkip() {
    Analysis a = analyse(
        "UNet(",
        "  (inc): Conv2d(3, 64, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))",
        "  (down1): Sequential(",
        "    (0): MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)",
        "    (1): Conv2d(64, 128, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))",
        "  )",
        "  (down2): Sequential(",
        "    (0): MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)",
        "    (1): Conv2d(128, 128, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))",
        "  )",
        "  (up1): Up(",
        "    (up): Upsample(scale_factor=2.0, mode=bilinear)",
        "    (conv): Conv2d(256, 64, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))",
        "  )",
        "  (up2): Up(",
        "    (up): Upsample(scale_factor=2.0, mode=bilinear)",
        "    (conv): Conv2d(128, 64, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))",
        "  )",
        "  (outc): Conv2d(64, 1, kernel_size=(1, 1), stride=(1, 1))",
        ")");
    assertEquals(6, a.layers().depth());
  }

  /**
   * A VAE's fc_mu and fc_logvar both read the flattened map (6,272 features, a width no tensor had:
   * the stream reshaped); fc_logvar, after fc_mu wrote 16, was read as the stream reshaped again,
   * chained after fc_mu (a published VAE 5 deep for 4). A head of one fully connected layer reading
   * the width the head before it read reshaped, where that one wrote another, reads the same tensor
   * beside it. (A block after a block, an Inception block's concatenation, still follows it.)
   */
  @Test
  void aSecondHeadReadsTheReshapedTensorTheFirstRead() {
    Analysis a = analyse(
        "VAE(",
        "  (encoder): Sequential(",
        "    (0): Conv2d(1, 32, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1))",
        "    (1): ReLU()",
        "    (2): Flatten(start_dim=1, end_dim=-1)",
        "  )",
        "  (fc_mu): Linear(in_features=6272, out_features=16, bias=True)",
        "  (fc_logvar): Linear(in_features=6272, out_features=16, bias=True)",
        "  (decoder): Sequential(",
        "    (0): Linear(in_features=16, out_features=6272, bias=True)",
        "    (1): Unflatten(dim=1, unflattened_size=(32, 14, 14))",
        "    (2): ConvTranspose2d(32, 1, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), output_padding=(1, 1))",
        "  )",
        ")");
    assertEquals(4, a.layers().depth());
  }
}
