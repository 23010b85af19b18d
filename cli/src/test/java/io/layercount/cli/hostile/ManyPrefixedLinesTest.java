package io.layercount.cli.hostile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.layercount.core.Analysis;
import io.layercount.core.LayerCount;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tens of thousands of alike lines, each with a table's title or a printout's opener after a
 * prefix whose numbers go down ({@code [rank50000]}, {@code [rank49999]}, ...): no prefix to cut,
 * and each line a place to look for one. Each look read the whole run of alike lines: 50,000 lines
 * took over two minutes. The looks are capped ({@code Source.PREFIX_LOOKS}); read within seconds.
 */
class ManyPrefixedLinesTest {
  private static final int LINES = 50_000;

  @Test
  void tableTitlesAfterPrefixesThatGoDownAreReadInSeconds() {
    assertReadInSeconds("Layer (type)   Output Shape   Param #");
  }

  @Test
  void printoutOpenersAfterPrefixesThatGoDownAreReadInSeconds() {
    assertReadInSeconds("Net(");
  }

  private static void assertReadInSeconds(String line) {
    StringBuilder text = new StringBuilder();
    for (int i = LINES; i > 0; i--) {
      text.append("[rank").append(i).append("] ").append(line).append('\n');
    }
    List<Analysis> result = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> LayerCount.standard().analyze("ranks", text.toString()));
    assertFalse(result.isEmpty());
  }
}
