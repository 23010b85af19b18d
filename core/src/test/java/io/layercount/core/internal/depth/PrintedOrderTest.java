package io.layercount.core.internal.depth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.Convention;
import io.layercount.core.internal.Analyzer;
import io.layercount.core.model.Network;
import io.layercount.core.testing.PrintoutTree;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Blocks whose printed order is not the order forward calls them, as published printouts show them,
 * each with the depth worked out by hand. Each read wrong before, and silently: an old LLaMA's
 * MLP (gate_proj, down_proj, up_proj) with RMSNorms printed without a size gave LLaMA-7B a depth
 * of 5 for its 32 blocks, Mixtral's eight experts ran one after another, a LoRA adapter ran after
 * the weight it wraps.
 */
class PrintedOrderTest {
  private static Analysis analyse(List<String> lines) {
    return Analyzer.standard().analyze(
        new Network("pytorch", null, PrintoutTree.parse(String.join("\n", lines)), false, null, List.of()), 0,
        List.of());
  }

  /** A decoder of {@code blocks} LLaMA blocks, the MLP's projections in {@code mlp}'s order, the norms sized or not. */
  private static List<String> llama(int blocks, List<String> mlp, boolean sizedNorms) {
    String norm = sizedNorms ? "LlamaRMSNorm((64,), eps=1e-06)" : "LlamaRMSNorm()";
    List<String> lines = new ArrayList<>(List.of(
        "LlamaModel(",
        "  (embed_tokens): Embedding(100, 64)",
        "  (layers): ModuleList(",
        "    (0-" + (blocks - 1) + "): " + blocks + " x LlamaDecoderLayer(",
        "      (self_attn): LlamaAttention(",
        "        (q_proj): Linear(in_features=64, out_features=64, bias=False)",
        "        (k_proj): Linear(in_features=64, out_features=64, bias=False)",
        "        (v_proj): Linear(in_features=64, out_features=64, bias=False)",
        "        (o_proj): Linear(in_features=64, out_features=64, bias=False)",
        "      )",
        "      (mlp): LlamaMLP("));
    for (String key : mlp) {
      lines.add("        (" + key + "): " + (key.equals("down_proj") ? "Linear(in_features=172, out_features=64, bias=False)"
          : "Linear(in_features=64, out_features=172, bias=False)"));
    }
    lines.addAll(List.of(
        "        (act_fn): SiLUActivation()",
        "      )",
        "      (input_layernorm): " + norm,
        "      (post_attention_layernorm): " + norm,
        "    )",
        "  )",
        "  (norm): " + norm,
        ")"));
    return lines;
  }

  /**
   * Each block: q_proj, o_proj, then gate_proj (up_proj beside it) and down_proj: 4, whichever order
   * the MLP prints and whether the norms show their size; 3 blocks, 12.
   */
  @Test
  void aGatedMlpPrintedGateDownUpReadsAsGateAndUpThenDown() {
    List<String> usual = List.of("gate_proj", "up_proj", "down_proj");
    List<String> old = List.of("gate_proj", "down_proj", "up_proj");
    for (List<String> order : List.of(usual, old)) {
      for (boolean sized : new boolean[] {true, false}) {
        Analysis a = analyse(llama(3, order, sized));
        assertEquals(12, a.layers().depth(), order + (sized ? ", sized norms" : ", norms without a size"));
        assertEquals(12, a.explanation().counted().get(Convention.DEPTH).size(), "the list explains the depth");
      }
    }
    Analysis old3 = analyse(llama(3, old, false));
    assertEquals(List.of("layers.0.self_attn.v_proj", "layers.0.self_attn.o_proj", "layers.0.mlp.gate_proj",
        "layers.0.mlp.down_proj"), old3.explanation().counted().get(Convention.DEPTH).subList(0, 4));
  }

  /** The same order with w1, w2, w3 (Mixtral's experts): w3 beside w1, w2 after both. */
  @Test
  void w3PrintedAfterW2ReadsBesideW1() {
    Analysis a = analyse(List.of(
        "Expert(",
        "  (w1): Linear(in_features=64, out_features=172, bias=False)",
        "  (w2): Linear(in_features=172, out_features=64, bias=False)",
        "  (w3): Linear(in_features=64, out_features=172, bias=False)",
        "  (act_fn): SiLU()",
        ")"));
    assertEquals(2, a.layers().depth());
  }

  /**
   * A mixture of experts: each of the 8 experts reads the block's input and their outputs are
   * summed, so the block adds one expert's 2 layers, not 8 experts' 16; with attention's 2, 4 a
   * block and 8 for 2 blocks (chained by their widths, the experts gave 36).
   */
  @Test
  void theExpertsOfAMixtureRunSideBySide() {
    Analysis a = analyse(List.of(
        "Moe(",
        "  (layers): ModuleList(",
        "    (0-1): 2 x Block(",
        "      (q_proj): Linear(in_features=64, out_features=64, bias=False)",
        "      (o_proj): Linear(in_features=64, out_features=64, bias=False)",
        "      (block_sparse_moe): SparseMoe(",
        "        (gate): Linear(in_features=64, out_features=8, bias=False)",
        "        (experts): ModuleList(",
        "          (0-7): 8 x Expert(",
        "            (w1): Linear(in_features=64, out_features=172, bias=False)",
        "            (w2): Linear(in_features=172, out_features=64, bias=False)",
        "            (w3): Linear(in_features=64, out_features=172, bias=False)",
        "            (act_fn): SiLU()",
        "          )",
        "        )",
        "      )",
        "      (input_layernorm): RMSNorm()",
        "      (post_attention_layernorm): RMSNorm()",
        "    )",
        "  )",
        ")"));
    assertEquals(8, a.layers().depth());
    assertEquals(List.of("layers.0.q_proj", "layers.0.o_proj", "layers.0.block_sparse_moe.experts.0.w1",
        "layers.0.block_sparse_moe.experts.0.w2"), a.explanation().counted().get(Convention.DEPTH).subList(0, 4));
    assertEquals(8, a.explanation().counted().get(Convention.DEPTH).size(), "one expert of each run listed");
    assertTrue(DataflowRulesTest.excluded(a).contains("layers.0.block_sparse_moe.experts.1.w1: beside the first of"
        + " its run: each reads the module's input and their outputs are summed (a mixture's experts, a"
        + " re-parameterizable block's branches)"), DataflowRulesTest.excluded(a).toString());
    assertTrue(DataflowRulesTest.excluded(a).contains("layers.0.block_sparse_moe.experts.0.w3: parallel projection"
        + " beside its partner (printed after the layer that reads their product)"), DataflowRulesTest.excluded(a).toString());
  }

  /**
   * Keys alike a gated MLP's in a block that is not one (a Fourier neural operator's pointwise
   * convolutions w0 to w3, each keeping the width, one per layer in turn): they chain, 4.
   */
  @Test
  void pointwiseLayersKeyedLikeAGatedMlpStillChain() {
    Analysis a = analyse(List.of(
        "FNO1d(",
        "  (w0): Conv1d(12, 12, kernel_size=(1,), stride=(1,))",
        "  (w1): Conv1d(12, 12, kernel_size=(1,), stride=(1,))",
        "  (w2): Conv1d(12, 12, kernel_size=(1,), stride=(1,))",
        "  (w3): Conv1d(12, 12, kernel_size=(1,), stride=(1,))",
        ")"));
    assertEquals(4, a.layers().depth());
  }

  /**
   * PEFT's LoRA on a quantized linear (its weight and lora_A then lora_B beside it, summed): the
   * adapter's 2 layers are the longer way, the wrapped weight is left out with the reason, and
   * o_proj follows: 3, not 4.
   */
  @Test
  void aLowRankAdapterRunsBesideTheWeightItWraps() {
    Analysis a = analyse(List.of(
        "Attention(",
        "  (q_proj): Linear8bitLt(",
        "    in_features=64, out_features=64, bias=False",
        "    (lora_dropout): Dropout(p=0.05, inplace=False)",
        "    (lora_A): Linear(in_features=64, out_features=8, bias=False)",
        "    (lora_B): Linear(in_features=8, out_features=64, bias=False)",
        "  )",
        "  (o_proj): Linear(in_features=64, out_features=64, bias=False)",
        ")"));
    assertEquals(3, a.layers().depth());
    assertEquals(List.of("q_proj.lora_A", "q_proj.lora_B", "o_proj"), a.explanation().counted().get(Convention.DEPTH));
    assertEquals(List.of("q_proj: the weight this module wraps reads its input beside its low-rank adapters (lora_A,"
        + " then lora_B), whose way is as long or longer"), DataflowRulesTest.excluded(a));
  }

  /**
   * A Mamba-2 model as transformers prints it: each mixer's conv1d (10,240 channels, a part of
   * what in_proj writes) printed before in_proj, which reads the 4,096 the embedding writes; the
   * norms without a size. Each block runs in_proj, conv1d, out_proj: 3, one block after another.
   */
  private static List<String> mamba2(int blocks, boolean collapsed, String head) {
    List<String> block = List.of(
        "      (norm): Mamba2RMSNorm()",
        "      (mixer): Mamba2Mixer(",
        "        (act): SiLUActivation()",
        "        (conv1d): Conv1d(10240, 10240, kernel_size=(4,), stride=(1,), padding=(3,), groups=10240)",
        "        (in_proj): Linear(in_features=4096, out_features=18560, bias=False)",
        "        (norm): MambaRMSNormGated()",
        "        (out_proj): Linear(in_features=8192, out_features=" + head + ", bias=False)",
        "      )",
        "    )");
    List<String> lines = new ArrayList<>(List.of(
        "Mamba2Model(",
        "  (embeddings): Embedding(32768, 4096)",
        "  (layers): ModuleList("));
    for (int i = 0; i < (collapsed ? 1 : blocks); i++) {
      lines.add(collapsed ? "    (0-" + (blocks - 1) + "): " + blocks + " x Mamba2Block(" : "    (" + i + "): Mamba2Block(");
      lines.addAll(block);
    }
    lines.addAll(List.of("  )", "  (norm_f): Mamba2RMSNorm()", ")"));
    return lines;
  }

  @Test
  void mambaTwoBlocksFollowOneAnotherThoughTheirFirstReaderReadsNoTensorOfTheModel() {
    for (boolean collapsed : new boolean[] {true, false}) {
      Analysis a = analyse(mamba2(4, collapsed, "4096"));
      assertEquals(12, a.layers().depth(), collapsed ? "a run of 4" : "4 printed one by one");
      assertEquals(12, a.explanation().counted().get(Convention.DEPTH).size(), "the list explains the depth");
      assertEquals(4, a.layers().blocks());
    }
    // a list of blocks that do not write the stream's width (4,096) again is not a stack that keeps
    // it: nothing says they follow one another, and they read the input side by side as before
    assertEquals(3, analyse(mamba2(4, true, "4000")).layers().depth());
  }

  /**
   * The longest list of one class (here 4 prediction heads, as LW-DETR's 13 box heads), called on a
   * width no tensor has, whose entries write another width than the stream's: heads that read one
   * input side by side, not a stack; 1 + 2.
   */
  @Test
  void headsThatDoNotKeepTheStreamsWidthStaySideBySide() {
    Analysis a = analyse(List.of(
        "Detector(",
        "  (proj): Linear(in_features=8, out_features=64, bias=True)",
        "  (heads): ModuleList(",
        "    (0-3): 4 x Head(",
        "      (fc1): Linear(in_features=48, out_features=16, bias=True)",
        "      (fc2): Linear(in_features=16, out_features=2, bias=True)",
        "    )",
        "  )",
        ")"));
    assertEquals(4, a.layers().blocks());
    assertEquals(3, a.layers().depth());
  }

  /** Blocks of attention then a mixture of 4 experts keyed {@code mlp}, its router printed after them writing {@code gateOut}. */
  private static List<String> phixtral(int blocks, int gateOut) {
    return List.of(
        "PhiModel(",
        "  (h): ModuleList(",
        "    (0-" + (blocks - 1) + "): " + blocks + " x Block(",
        "      (ln): LayerNorm((64,), eps=1e-05, elementwise_affine=True)",
        "      (mixer): MHA(",
        "        (Wqkv): Linear(in_features=64, out_features=192, bias=True)",
        "        (out_proj): Linear(in_features=64, out_features=64, bias=True)",
        "      )",
        "      (moe): MoE(",
        "        (mlp): ModuleList(",
        "          (0-3): 4 x MLP(",
        "            (fc1): Linear(in_features=64, out_features=256, bias=True)",
        "            (fc2): Linear(in_features=256, out_features=64, bias=True)",
        "            (act): NewGELUActivation()",
        "          )",
        "        )",
        "        (gate): Linear(in_features=64, out_features=" + gateOut + ", bias=False)",
        "      )",
        "    )",
        "  )",
        ")");
  }

  /**
   * A router printed after its experts, writing one weight per expert, makes the list before it a
   * mixture's experts whatever its key: each block Wqkv, out_proj, then one expert's fc1 and fc2; 3
   * blocks, 12. Before, the experts ran one after another and the router's 4 widths were the block's
   * output, so the blocks ran side by side: depth 11 for the whole model, given as whole.
   */
  @Test
  void aRouterPrintedAfterItsExpertsMakesThemAMixture() {
    Analysis a = analyse(phixtral(3, 4));
    assertEquals(12, a.layers().depth());
    assertEquals(12, a.explanation().counted().get(Convention.DEPTH).size(), "the list explains the depth");
    assertTrue(DataflowRulesTest.excluded(a).contains("h.0.moe.gate: router: weighs the outputs of the experts printed"
        + " before it, on a shorter path"), DataflowRulesTest.excluded(a).toString());
    // a last layer writing another count than the list's entries is no router: the list is not a mixture
    assertTrue(analyse(phixtral(3, 5)).layers().depth() != 12);
  }

  /**
   * diffusers' VAE decoder prints conv_in (to 512), up_blocks (512 to 128), then mid_block (512 to
   * 512) and conv_out (128): it runs conv_in, mid_block, up_blocks, conv_out: 4. Read in printed
   * order, the mid-block read conv_in's output beside the up-blocks and fell off the path (3).
   * Where the layer after it reads the mid-block's width instead, nothing says it ran earlier.
   */
  @Test
  void aMidBlockPrintedAfterTheUpBlocksRunsBeforeThem() {
    String tail = "  (conv_out): Conv2d(128, 3, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))";
    List<String> decoder = new ArrayList<>(List.of(
        "Decoder(",
        "  (conv_in): Conv2d(4, 512, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))",
        "  (up_blocks): ModuleList(",
        "    (0): UpDecoderBlock2D(",
        "      (conv1): Conv2d(512, 128, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))",
        "    )",
        "  )",
        "  (mid_block): UNetMidBlock2D(",
        "    (conv1): Conv2d(512, 512, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))",
        "  )",
        tail,
        ")"));
    Analysis a = analyse(decoder);
    assertEquals(4, a.layers().depth());
    // the list follows printed order
    assertEquals(List.of("conv_in", "up_blocks.0.conv1", "mid_block.conv1", "conv_out"),
        a.explanation().counted().get(Convention.DEPTH));
    decoder.set(decoder.indexOf(tail), "  (conv_out): Conv2d(512, 3, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))");
    assertEquals(3, analyse(decoder).layers().depth());
  }

  /**
   * Hugging Face's Mamba mixer prints its depthwise {@code conv1d} before {@code in_proj}, which
   * feeds it; with the block's norm printed without a size ({@code MambaRMSNorm()}, as older
   * transformers print it) nothing else says the block reads 64 features: read as reading the
   * conv's 128, 8 such blocks could not follow one another, and a published Mamba-1.4B was 6 deep
   * for 241. in_proj, conv1d, out_proj in each of 8 blocks: 24.
   */
  @Test
  void aDepthwiseConvPrintedBeforeTheProjectionFeedingItRunsAfterIt() {
    for (String norm : List.of("MambaRMSNorm()", "MambaRMSNorm(64, eps=1e-05)")) {
      Analysis a = analyse(List.of(
          "MambaModel(",
          "  (layers): ModuleList(",
          "    (0-7): 8 x MambaBlock(",
          "      (norm): " + norm,
          "      (mixer): MambaMixer(",
          "        (conv1d): Conv1d(128, 128, kernel_size=(4,), stride=(1,), padding=(3,), groups=128)",
          "        (act): SiLU()",
          "        (in_proj): Linear(in_features=64, out_features=256, bias=False)",
          "        (out_proj): Linear(in_features=128, out_features=64, bias=False)",
          "      )",
          "    )",
          "  )",
          ")"));
      assertEquals(24, a.layers().depth(), norm);
    }
  }
}
