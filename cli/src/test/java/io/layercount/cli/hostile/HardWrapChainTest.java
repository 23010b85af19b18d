package io.layercount.cli.hostile;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.LayerCount;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rules cut into tens of thousands of pieces, as a hard wrap of a table that wide would cut them:
 * the readings that join a hard wrap's pieces again joined each piece onto a copy of the line so
 * far, and 20,000 pieces took 7 s (Keras) and 43 s (torchinfo). They must be read within seconds,
 * each joined line no longer than a line may be.
 */
class HardWrapChainTest {
  private static final int PIECES = 60_000;

  @Test
  void aKerasRuleOfManyPiecesIsReadInSeconds() {
    assertReadInSeconds(cutRules("_", " Layer (type)                Output Shape              Param #"));
  }

  @Test
  void aTorchinfoRuleOfManyPiecesIsReadInSeconds() {
    assertReadInSeconds(cutRules("=", "Layer (type:depth-idx)                   Param #"));
  }

  /** Two rules, each cut into {@link #PIECES} pieces of 60 characters and a rest, each before {@code header}. */
  private static String cutRules(String rule, String header) {
    StringBuilder text = new StringBuilder();
    String piece = rule.repeat(60) + "\n";
    for (int r = 0; r < 2; r++) {
      text.append(piece.repeat(PIECES)).append(rule.repeat(5)).append('\n').append(header).append('\n');
    }
    return text.toString();
  }

  private static void assertReadInSeconds(String text) {
    List<Analysis> result = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> LayerCount.standard().analyze("chain", text));
    assertTrue(result.get(0).diagnostics().stream().anyMatch(d -> d.message().startsWith("joined")),
        () -> result.get(0).diagnostics().toString());
  }
}
