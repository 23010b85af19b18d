package io.layercount.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.LayerCount;
import io.layercount.core.Severity;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A Keras 3 table cut at a narrow width: {@code transformer_encoder…} in a {@code Connected to}
 * cell fits both {@code transformer_encoder} and {@code transformer_encoder_1} (itself printed
 * {@code transformer_encode…}). The first was taken, so the second encoder fed nothing and the head
 * read the first: depth 2 for 3, presented as whole. Rows come in topological order and every
 * output but the model's is read by a later row: the one candidate no earlier row reads is the one.
 */
class CutReferenceTest {
  private static final String TABLE = String.join("\n",
      "Model: \"functional_1\"",
      "┏━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━┓",
      "┃ Layer (type)        ┃ Output Shape      ┃ Param # ┃ Connected to         ┃",
      "┡━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━┩",
      "│ features            │ (None, 16)        │       0 │ -                    │",
      "│ (InputLayer)        │                   │         │                      │",
      "├─────────────────────┼───────────────────┼─────────┼──────────────────────┤",
      "│ transformer_encoder │ (None, 16)        │     272 │ features[0][0]       │",
      "│ (Dense)             │                   │         │                      │",
      "├─────────────────────┼───────────────────┼─────────┼──────────────────────┤",
      "│ transformer_encode… │ (None, 16)        │     272 │ transformer_encoder… │",
      "│ (Dense)             │                   │         │                      │",
      "├─────────────────────┼───────────────────┼─────────┼──────────────────────┤",
      "│ head (Dense)        │ (None, 2)         │      34 │ transformer_encoder… │",
      "└─────────────────────┴───────────────────┴─────────┴──────────────────────┘",
      " Total params: 578 (2.26 KB)",
      " Trainable params: 578 (2.26 KB)",
      " Non-trainable params: 0 (0.00 B)",
      "");

  @Test
  void anAmbiguousCutReferenceReadsTheCandidateNoEarlierRowReads() {
    Analysis a = LayerCount.standard().analyze("t", TABLE.getBytes(StandardCharsets.UTF_8)).get(0);
    assertEquals(578, a.parameters().total());
    assertEquals(3, a.layers().depth());
    assertEquals("graph", a.layers().depthBasis());
    assertTrue(a.diagnostics().stream().anyMatch(d -> d.severity() == Severity.WARNING && d.line() == 14
        && d.message().endsWith("assumed 'transformer_encode…', the only one no earlier row reads")),
        a.diagnostics().toString());
  }
}
