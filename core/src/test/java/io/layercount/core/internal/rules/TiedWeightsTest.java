package io.layercount.core.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.testing.Printouts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The deduplicated total: only where the text prints a tie pattern, and said to be an assumption. */
class TiedWeightsTest {
  private static Analysis analyse(String... lines) {
    return Printouts.analyse(lines);
  }

  /** Two layers each printing the block under {@code key} in full, and {@code beside} after it. */
  private static Analysis twoLayersSharing(String key, String beside) {
    List<String> lines = new ArrayList<>(List.of("Sequential(", "  (layers): ModuleList("));
    for (int i = 0; i < 2; i++) {
      lines.addAll(List.of("    (" + i + "): HybridLayer(", "      (" + key + "): Sequential(",
          "        (fc): Linear(in_features=4, out_features=8, bias=False)", "      )", "      " + beside, "    )"));
    }
    lines.addAll(List.of("  )", ")"));
    return analyse(lines.toArray(String[]::new));
  }

  @Test
  void aSharedEmbeddingBesideEncoderAndDecoderEmbeddingsIsOneTensor() {
    Analysis a = analyse(
        "Seq2Seq(",
        "  (shared): Embedding(100, 8, padding_idx=1)",
        "  (encoder): Encoder(",
        "    (embed_tokens): Embedding(100, 8, padding_idx=1)",
        "    (fc): Linear(in_features=8, out_features=8, bias=False)",
        "  )",
        "  (decoder): Decoder(",
        "    (embed_tokens): Embedding(100, 8, padding_idx=1)",
        "  )",
        ")");
    assertEquals(3 * 800 + 64, a.parameters().total());
    assertEquals(800 + 64, a.parameters().deduplicated());
    assertTrue(a.diagnostics().stream().anyMatch(
        d -> d.message().contains("decoder.embed_tokens, encoder.embed_tokens, shared (100×8 each)")),
        a.diagnostics().toString());
  }

  @Test
  void twoVocabulariesSideBySideAreNotReadAsATie() {
    Analysis a = analyse(
        "Translator(",
        "  (encoder): Encoder(",
        "    (embed_tokens): Embedding(100, 8)",
        "  )",
        "  (decoder): Decoder(",
        "    (embed_tokens): Embedding(100, 8)",
        "  )",
        ")");
    assertNull(a.parameters().deduplicated());
  }

  /**
   * Mamba's token table is keyed {@code embeddings} (and others' {@code embedding}): its LM head is
   * tied to it by default. Before, no tie was seen there, and only the total counting the table twice
   * was given. A container keyed so (BERT's {@code embeddings}, a module of several tables) is no table.
   */
  @Test
  void anLmHeadBesideATableKeyedEmbeddingsIsAssumedTied() {
    for (String key : List.of("embeddings", "embedding")) {
      Analysis a = analyse(
          "MambaForCausalLM(",
          "  (backbone): MambaModel(",
          "    (" + key + "): Embedding(100, 8)",
          "    (mix): Linear(in_features=8, out_features=8, bias=False)",
          "  )",
          "  (lm_head): Linear(in_features=8, out_features=100, bias=False)",
          ")");
      assertEquals(800 + 64, a.parameters().deduplicated(), key);
    }
    Analysis container = analyse(
        "BertForMaskedLM(",
        "  (embeddings): BertEmbeddings(",
        "    (position_embeddings): Embedding(100, 8)",
        "  )",
        "  (lm_head): Linear(in_features=8, out_features=100, bias=False)",
        ")");
    assertNull(container.parameters().deduplicated());
  }

  @Test
  void anLmHeadOfTheEmbeddingsShapeIsAssumedTied() {
    Analysis a = analyse(
        "ForCausalLM(",
        "  (model): Model(",
        "    (embed_tokens): Embedding(100, 8)",
        "  )",
        "  (lm_head): Linear(in_features=8, out_features=100, bias=False)",
        ")");
    assertEquals(1600, a.parameters().total());
    assertEquals(800, a.parameters().deduplicated());
  }

  /**
   * The other output projections Hugging Face ties by default: Whisper's {@code proj_out} and a
   * masked-LM head's {@code decoder} (published printouts of Whisper-small and BERT-base-cased MLM
   * gave totals above the models' 241,734,912 and 108,340,804, with no deduplicated count).
   */
  @Test
  void whispersProjOutAndAMaskedLmDecoderAreAssumedTied() {
    Analysis whisper = analyse(
        "WhisperForConditionalGeneration(",
        "  (model): WhisperModel(",
        "    (decoder): WhisperDecoder(",
        "      (embed_tokens): Embedding(100, 8, padding_idx=7)",
        "    )",
        "  )",
        "  (proj_out): Linear(in_features=8, out_features=100, bias=False)",
        ")");
    assertEquals(1600, whisper.parameters().total());
    assertEquals(800, whisper.parameters().deduplicated());
    Analysis mlm = analyse(
        "BertForMaskedLM(",
        "  (bert): BertModel(",
        "    (embeddings): BertEmbeddings(",
        "      (word_embeddings): Embedding(100, 8, padding_idx=0)",
        "    )",
        "  )",
        "  (cls): BertOnlyMLMHead(",
        "    (predictions): BertLMPredictionHead(",
        "      (decoder): Linear(in_features=8, out_features=100, bias=True)",
        "    )",
        "  )",
        ")");
    assertEquals(1700, mlm.parameters().total());
    assertEquals(900, mlm.parameters().deduplicated());
    assertTrue(mlm.diagnostics().stream().anyMatch(
        d -> d.message().contains("bert.embeddings.word_embeddings, cls.predictions.decoder (100×8 each)")),
        mlm.diagnostics().toString());
  }

  /** A {@code decoder} that is a container, or a leaf of another shape, is no head. */
  @Test
  void aDecoderOfAnotherShapeIsNotTied() {
    Analysis a = analyse(
        "Seq2Seq(",
        "  (embed_tokens): Embedding(100, 8)",
        "  (decoder): Linear(in_features=8, out_features=8, bias=False)",
        ")");
    assertNull(a.parameters().deduplicated());
  }

  @Test
  void aHeadOfAnotherShapeIsNotTied() {
    Analysis a = analyse(
        "ForCausalLM(",
        "  (model): Model(",
        "    (embed_tokens): Embedding(100, 8)",
        "  )",
        "  (lm_head): Linear(in_features=8, out_features=99, bias=False)",
        ")");
    assertNull(a.parameters().deduplicated());
  }

  @Test
  void aSharedBlockPrintedInFullAtSeveralPlacesIsOneModule() {
    Analysis a = analyse(
        "Sequential(",
        "  (layers): ModuleList(",
        "    (0): Sequential(",
        "      (linear): Linear(in_features=4, out_features=4, bias=False)",
        "      (shared_transformer): Sequential(",
        "        (fc): Linear(in_features=4, out_features=8, bias=False)",
        "      )",
        "    )",
        "    (1): Sequential(",
        "      (linear): Linear(in_features=4, out_features=4, bias=False)",
        "      (shared_transformer): Sequential(",
        "        (fc): Linear(in_features=4, out_features=8, bias=False)",
        "      )",
        "    )",
        "  )",
        ")");
    assertEquals(2 * 16 + 2 * 32, a.parameters().total());
    assertEquals(2 * 16 + 32, a.parameters().deduplicated(), a.diagnostics().toString());
  }

  @Test
  void sharedExpertsOfEachLayerAreNotOneModule() {
    Analysis a = analyse(
        "Moe(",
        "  (layers): ModuleList(",
        "    (0): MoeLayer(",
        "      (shared_experts): Mlp(",
        "        (fc): Linear(in_features=4, out_features=8, bias=False)",
        "      )",
        "    )",
        "    (1): MoeLayer(",
        "      (shared_experts): Mlp(",
        "        (fc): Linear(in_features=4, out_features=8, bias=False)",
        "      )",
        "    )",
        "  )",
        ")");
    assertNull(a.parameters().deduplicated());
  }

  @Test
  void aDetectorsProposalHeadsPrintedAgainInItsDecoderAreReused() {
    // excerpt of HF PP-DocLayoutV3: the decoder's class and box heads print as the encoder's
    Analysis a = analyse(
        "Detector(",
        "  (enc_score_head): Linear(in_features=8, out_features=2, bias=True)",
        "  (enc_bbox_head): PPDocLayoutV3MLPPredictionHead(",
        "    (layers): ModuleList(",
        "      (0): Linear(in_features=8, out_features=8, bias=True)",
        "      (1): Linear(in_features=8, out_features=4, bias=True)",
        "    )",
        "  )",
        "  (decoder): Decoder(",
        "    (class_embed): Linear(in_features=8, out_features=2, bias=True)",
        "    (bbox_embed): PPDocLayoutV3MLPPredictionHead(",
        "      (layers): ModuleList(",
        "        (0): Linear(in_features=8, out_features=8, bias=True)",
        "        (1): Linear(in_features=8, out_features=4, bias=True)",
        "      )",
        "    )",
        "  )",
        ")");
    long score = 18;
    long box = 72 + 36;
    assertEquals(2 * (score + box), a.parameters().total());
    assertEquals(score + box, a.parameters().deduplicated());
    assertTrue(a.diagnostics().stream().anyMatch(d -> d.message().contains(
        "decoder.class_embed, enc_score_head (Linear, 18 parameters each)")), a.diagnostics().toString());
  }

  @Test
  void aDecoderHeadPrintedOtherwiseOrUnderAnotherKeyIsNotTheProposalHead() {
    // RT-DETR: one class head per decoder layer; D-FINE/DEIMv2: a pre_bbox_head of the proposal head's text
    Analysis a = analyse(
        "Detector(",
        "  (enc_score_head): Linear(in_features=8, out_features=2, bias=True)",
        "  (enc_bbox_head): Linear(in_features=8, out_features=4, bias=True)",
        "  (decoder): Decoder(",
        "    (class_embed): ModuleList(",
        "      (0-1): 2 x Linear(in_features=8, out_features=2, bias=True)",
        "    )",
        "    (pre_bbox_head): Linear(in_features=8, out_features=4, bias=True)",
        "  )",
        ")");
    assertNull(a.parameters().deduplicated());
  }

  @Test
  void aCtcHeadPrintedAsItsEncodersOutputProjectionIsThatProjection() {
    // excerpt of HF GraniteSpeech5ForCTC: the encoder's self-conditioning output layer is the CTC head
    Analysis a = analyse(
        "ForCTC(",
        "  (encoder): Encoder(",
        "    (input_linear): Linear(in_features=4, out_features=8, bias=True)",
        "    (out): Linear(in_features=8, out_features=16, bias=True)",
        "    (out_mid): Linear(in_features=16, out_features=8, bias=True)",
        "  )",
        "  (ctc_head): Linear(in_features=8, out_features=16, bias=True)",
        ")");
    assertEquals(40 + 144 + 136 + 144, a.parameters().total());
    assertEquals(40 + 144 + 136, a.parameters().deduplicated());
  }

  /**
   * Stable-Baselines3's policy prints its one feature extractor three times when actor and critic
   * share it (the default): under features_extractor, pi_features_extractor and vf_features_extractor.
   * A published PPO policy read 100,894,179 with no word of 33,632,419. The extractor's own class has
   * no rule, so what its printed layers own is what is said twice more; a critic extractor printed
   * otherwise is its own.
   */
  @Test
  void aPolicysActorAndCriticExtractorsPrintedLikeItsExtractorAreThatExtractor() {
    String extractor = "    (linear): Linear(in_features=8, out_features=4, bias=True)";
    Analysis shared = analyse(
        "ActorCriticPolicy(",
        "  (features_extractor): NatureCNN(", extractor, "  )",
        "  (pi_features_extractor): NatureCNN(", extractor, "  )",
        "  (vf_features_extractor): NatureCNN(", extractor, "  )",
        "  (action_net): Linear(in_features=4, out_features=2, bias=True)",
        ")");
    assertEquals(3 * 36 + 10, shared.parameters().total());
    assertEquals(36 + 10, shared.parameters().deduplicated());
    Analysis own = analyse(
        "ActorCriticPolicy(",
        "  (features_extractor): NatureCNN(", extractor, "  )",
        "  (pi_features_extractor): NatureCNN(", extractor, "  )",
        "  (vf_features_extractor): NatureCNN(",
        "    (linear): Linear(in_features=8, out_features=8, bias=True)", "  )",
        "  (action_net): Linear(in_features=4, out_features=2, bias=True)",
        ")");
    assertEquals(36 + 36 + 72 + 10, own.parameters().total());
    assertEquals(36 + 72 + 10, own.parameters().deduplicated());
  }

  @Test
  void aDeduplicatedLowerBoundIsSaidToBeOne() {
    Analysis a = twoLayersSharing("shared_transf", "(mixer): UnknownMixer()");
    assertEquals(32, a.parameters().deduplicated());
    assertTrue(a.diagnostics().stream().anyMatch(d -> d.message().contains("holds at least 32 distinct parameters")),
        a.diagnostics().toString());
  }
}
