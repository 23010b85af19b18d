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
 * An encoder-decoder transformer: the decoder reads its own tokens, and the encoder's output only
 * through each decoder layer's cross-attention, whose keys and values project it. Read as running
 * after the encoder, the decoder's first self-attention stood on the path from the encoder: every
 * encoder-decoder of the corpus (BART, T5, Whisper, ...) read 2 too deep, T5Gemma (its cross-
 * attention printed after its MLP) 2 too deep as well.
 */
class EncoderDecoderTest {
  private static Analysis analyse(List<String> lines) {
    return Analyzer.standard().analyze(
        new Network("pytorch", null, PrintoutTree.parse(String.join("\n", lines)), false, null, List.of()), 0,
        List.of());
  }

  private static String linear(int in, int out) {
    return "Linear(in_features=" + in + ", out_features=" + out + ", bias=True)";
  }

  private static List<String> attention(String indent, String key, String type) {
    return List.of(
        indent + "(" + key + "): " + type + "(",
        indent + "  (k_proj): " + linear(16, 16),
        indent + "  (v_proj): " + linear(16, 16),
        indent + "  (q_proj): " + linear(16, 16),
        indent + "  (out_proj): " + linear(16, 16),
        indent + ")");
  }

  /** Two encoder layers (4 each), two decoder layers; the cross-attention before or after the MLP. */
  private static List<String> model(boolean crossAfterMlp) {
    List<String> lines = new ArrayList<>(List.of(
        "Seq2Seq(",
        "  (encoder): Encoder(",
        "    (embed_tokens): Embedding(100, 16)",
        "    (layers): ModuleList(",
        "      (0-1): 2 x EncoderLayer("));
    lines.addAll(attention("        ", "self_attn", "Attention"));
    lines.addAll(List.of(
        "        (fc1): " + linear(16, 64),
        "        (fc2): " + linear(64, 16),
        "      )",
        "    )",
        "  )",
        "  (decoder): Decoder(",
        "    (embed_tokens): Embedding(100, 16)",
        "    (layers): ModuleList(",
        "      (0-1): 2 x DecoderLayer("));
    lines.addAll(attention("        ", "self_attn", "Attention"));
    List<String> mlp = List.of(
        "        (mlp): MLP(",
        "          (fc1): " + linear(16, 64),
        "          (fc2): " + linear(64, 16),
        "        )");
    if (crossAfterMlp) {
      lines.addAll(mlp);
    }
    lines.addAll(attention("        ", "encoder_attn", "Attention"));
    if (!crossAfterMlp) {
      lines.addAll(mlp);
    }
    lines.addAll(List.of(
        "      )",
        "    )",
        "  )",
        ")"));
    return lines;
  }

  /**
   * 8 in the encoder, then the first decoder layer from the cross-attention's keys: a key or value
   * projection, its output projection and the MLP's 2; the second decoder layer's 6: 18.
   */
  @Test
  void theEncodersOutputEntersTheDecoderAtItsCrossAttention() {
    for (boolean crossAfterMlp : new boolean[] {false, true}) {
      Analysis a = analyse(model(crossAfterMlp));
      assertEquals(18, a.layers().depth(), crossAfterMlp ? "cross-attention printed after the MLP" : "in order");
      List<String> path = a.explanation().counted().get(Convention.DEPTH);
      assertEquals(18, path.size(), path.toString());
      assertEquals("decoder.layers.0.encoder_attn.out_proj", path.get(crossAfterMlp ? 11 : 9), path.toString());
      assertEquals("decoder.layers.1.self_attn.q_proj", path.get(12), path.toString());
    }
  }

  /** An autoencoder's decoder reads what its encoder wrote: no cross-attention, one after the other. */
  @Test
  void aDecoderWithoutCrossAttentionRunsAfterTheEncoder() {
    Analysis a = analyse(List.of(
        "AutoEncoder(",
        "  (encoder): Sequential(",
        "    (0): " + linear(32, 16),
        "    (1): " + linear(16, 4),
        "  )",
        "  (decoder): Sequential(",
        "    (0): " + linear(4, 16),
        "    (1): " + linear(16, 32),
        "  )",
        ")"));
    assertEquals(4, a.layers().depth());
  }

  /**
   * A two-stage DETR chooses its decoder's queries from the encoder's output: a head on that output
   * ({@code enc_output} beside the decoder, as RT-DETR and Grounding DINO print it, or {@code
   * encoder_class_head} inside it, as OmDet-Turbo does) says so, and the decoder runs after the
   * encoder and that head: 8, 1, then the decoder's 12.
   */
  @Test
  void aDecoderWhoseQueriesComeFromTheEncoderRunsAfterIt() {
    List<String> beside = new ArrayList<>(model(false));
    beside.add(beside.indexOf("  (decoder): Decoder("), "  (enc_output): " + linear(16, 16));
    List<String> inside = new ArrayList<>(model(false));
    inside.add(inside.indexOf("  (decoder): Decoder(") + 1, "    (encoder_class_head): " + linear(16, 16));
    for (List<String> lines : List.of(beside, inside)) {
      Analysis a = analyse(lines);
      List<String> path = a.explanation().counted().get(Convention.DEPTH);
      assertEquals(21, a.layers().depth(), path.toString());
      assertEquals("encoder.layers.0.self_attn.q_proj", path.get(0), path.toString());
      assertEquals("decoder.layers.0.self_attn.q_proj", path.get(9), path.toString());
    }
  }

  /**
   * A speech model's CTC head on the encoder's output (icefall's {@code encoder_output_layer}) says
   * nothing of where its attention decoder's queries come from: that decoder reads its own tokens.
   */
  @Test
  void aHeadBesideTheDecoderKeyedOtherwiseLeavesItReadingItsOwnTokens() {
    List<String> lines = new ArrayList<>(model(false));
    int decoder = lines.indexOf("  (decoder): Decoder(");
    lines.addAll(decoder, List.of("  (encoder_output_layer): Sequential(", "    (0): " + linear(16, 50), "  )"));
    Analysis a = analyse(lines);
    List<String> path = a.explanation().counted().get(Convention.DEPTH);
    assertEquals(18, a.layers().depth(), path.toString());
    assertEquals("decoder.layers.0.encoder_attn.out_proj", path.get(9), path.toString());
  }

  /** A cross-attention whose keys and values show by no key: the encoder still stands on the path. */
  @Test
  void aCrossAttentionOfUnknownProjectionsKeepsTheEncoderOnThePath() {
    List<String> lines = new ArrayList<>(model(false));
    lines.replaceAll(l -> l.replace("(k_proj)", "(key_content_proj)").replace("(v_proj)", "(value_content_proj)"));
    Analysis a = analyse(lines);
    List<String> path = a.explanation().counted().get(Convention.DEPTH);
    assertTrue(path.get(0).startsWith("encoder."), path.toString());
    assertEquals(a.layers().depth(), path.size(), path.toString());
  }
}
