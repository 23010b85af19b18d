package io.layercount.cli.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.LayerCount;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A printout whose keys all have one {@link String#hashCode()} (any string of the blocks {@code Aa}
 * and {@code BB}): a table that looks keys up by that hash alone walks every key kept at each
 * lookup, and 100,000 of them took minutes. It must be read within seconds, and counted.
 */
class HashFloodTest {
  private static final int KEYS = 100_000;

  @Test
  void keysOfOneHashAreReadInSeconds() {
    StringBuilder text = new StringBuilder("Net(\n");
    for (int k = 0; k < KEYS; k++) {
      text.append("  (");
      for (int b = 0; b < 17; b++) {
        text.append((k >> b & 1) == 0 ? "Aa" : "BB");
      }
      text.append("): Linear(in_features=2, out_features=2, bias=True)\n");
    }
    text.append(")\n");
    Analysis a = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> LayerCount.standard().analyze("flood", text.toString()).get(0));
    assertTrue(a.ok(), a.diagnostics().toString());
    assertEquals(KEYS + 1, a.layers().modules());
    assertEquals(6L * KEYS, a.parameters().total());
  }
}
