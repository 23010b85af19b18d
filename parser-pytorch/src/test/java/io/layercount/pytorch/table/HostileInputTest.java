package io.layercount.pytorch.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Limits;
import io.layercount.core.Severity;
import io.layercount.core.model.Layer;
import io.layercount.core.spi.ParseResult;
import io.layercount.core.spi.Source;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Inputs meant to break the readers: they must come back with diagnostics, not exceptions. */
class HostileInputTest {
  private static final String HEADER = "Layer (type:depth-idx)                   Output Shape              Param #";
  private static final String RULE = "=".repeat(90);

  @Test
  void deepNestingNeedsNoDeepStack() {
    StringBuilder sb = new StringBuilder(RULE + "\n" + HEADER + "\n" + RULE + "\nDeep                                     [1]                       --\n");
    int levels = 50_000;
    for (int d = 1; d <= levels; d++) {
      // depth comes from the depth-idx; drawing every level would make the text quadratic in size
      sb.append("└─Sequential: ").append(d).append("-1                     [1]                       --\n");
    }
    sb.append(RULE).append("\nTotal params: 0\nTrainable params: 0\nNon-trainable params: 0\n");
    ParseResult r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> new TorchinfoParser().parse(Source.of("deep", sb.toString(),
            Limits.builder().maxNestingDepth(levels).build())));
    Layer l = r.networks().get(0).root();
    int depth = 0;
    while (!l.children().isEmpty()) {
      l = l.children().get(0);
      depth++;
    }
    assertEquals(levels, depth);
  }

  @Test
  void truncatedTableIsReportedNotThrown() {
    String text = RULE + "\n" + HEADER + "\n" + RULE + "\nNet      [1, 10]     --\n├─Linear: 1-1     [1, 10]";
    ParseResult r = new TorchinfoParser().parse(Source.of("cut", text));
    assertEquals(1, r.networks().size());
    assertTrue(r.networks().get(0).diagnostics().stream().anyMatch(d -> d.severity() == Severity.WARNING
        && d.message().contains("not closed")));
    assertEquals(null, r.networks().get(0).totals());
  }

  @Test
  void noTableIsAnError() {
    for (var p : List.of(new TorchinfoParser(), new TorchsummaryParser())) {
      ParseResult r = p.parse(Source.of("empty", ""));
      assertTrue(r.networks().isEmpty());
      assertTrue(r.diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR));
    }
  }

  @Test
  void randomGarbageAroundHeadersNeverThrows() {
    Random random = new Random(42);
    String alphabet = " │├└─|-=()[],:0123456789abcXYZ.%\n\t\r";
    String[] seeds = {HEADER, RULE, "Layer (type)   Output Shape   Param #", "Total params: 1,2", "Conv2d-1 [-1, 3] 7"};
    for (int n = 0; n < 2_000; n++) {
      StringBuilder sb = new StringBuilder();
      for (int k = random.nextInt(12); k >= 0; k--) {
        if (random.nextInt(3) == 0) {
          sb.append(seeds[random.nextInt(seeds.length)]).append('\n');
        }
        for (int c = random.nextInt(60); c > 0; c--) {
          sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
      }
      Source s = Source.of("fuzz", sb.toString());
      new TorchinfoParser().detect(s);
      new TorchinfoParser().parse(s);
      new TorchsummaryParser().detect(s);
      new TorchsummaryParser().parse(s);
    }
  }
}
