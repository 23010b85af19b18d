package io.layercount.cli.hostile;

import static io.layercount.cli.hostile.Hostile.limitError;
import static io.layercount.cli.hostile.Hostile.onSmallStack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.LayerCount;
import io.layercount.core.Limits;
import io.layercount.core.model.Arguments;
import io.layercount.core.model.Layer;
import io.layercount.core.model.Network;
import io.layercount.core.spi.ParseResult;
import io.layercount.core.spi.Source;
import io.layercount.core.spi.SummaryParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Models nested far deeper than any real one, for the engine and for each parser, on a 512 KiB
 * stack: within raised limits they are counted, at the default limits they stop with an error
 * naming {@code maxNestingDepth}. 100,000 levels are tested where a format can state them in a
 * text of reasonable size (the engine; torchinfo, whose depth-idx gives the level); a printout and
 * a Keras table indent every level, so 100,000 levels would take 10^10 characters: a printout is
 * tested as deep as a few megabytes allow, a Keras table at a lowered limit.
 */
class DeepNestingTest {
  private static final int DEEP = 100_000;
  private static final Limits DEEP_ENOUGH = Limits.builder().maxNestingDepth(DEEP + 1).build();

  @Test
  void theEngineCountsAHundredThousandLevelsWithinRaisedLimits() throws InterruptedException {
    Analysis a = onSmallStack(60, () -> engineOn(chain(DEEP)).withLimits(DEEP_ENOUGH).analyze("deep", "x").get(0));
    assertTrue(a.ok(), a.diagnostics().toString());
    assertEquals(DEEP + 2, a.layers().modules());
    assertEquals(1, a.layers().depth());
    assertEquals(6, a.parameters().total());
    assertTrue(a.parameters().exact(), a.diagnostics().toString());
  }

  @Test
  void theEngineIsNotGivenAModelDeeperThanTheLimit() throws InterruptedException {
    Analysis a = onSmallStack(60, () -> engineOn(chain(DEEP)).analyze("deep", "x").get(0));
    assertFalse(a.ok());
    limitError(a, "maxNestingDepth", "max-nesting-depth");
  }

  @Test
  void torchinfoReadsAHundredThousandLevelsWithinRaisedLimits() throws InterruptedException {
    Analysis a = onSmallStack(120, () -> LayerCount.standard().withLimits(DEEP_ENOUGH)
        .analyze("deep", torchinfo(DEEP)).get(0));
    assertEquals("torchinfo", a.format());
    assertEquals(DEEP + 2, a.layers().modules(), a.diagnostics().toString());
  }

  @Test
  void torchinfoStopsAtTheDefaultNestingLimit() throws InterruptedException {
    Analysis a = onSmallStack(120, () -> LayerCount.standard().analyze("deep", torchinfo(DEEP)).get(0));
    assertEquals(Limits.DEFAULT_MAX_NESTING_DEPTH, Hostile.diagnostic(a, io.layercount.core.Severity.ERROR,
        "maxNestingDepth").line() - 5, "the error is on the first row past the limit");
    limitError(a, "maxNestingDepth", "max-nesting-depth");
  }

  @Test
  void aPrintoutNestedThreeThousandDeepIsCountedWithinRaisedLimits() throws InterruptedException {
    int depth = 3_000;
    Analysis a = onSmallStack(120, () -> LayerCount.standard().withLimits(Limits.builder()
        .maxNestingDepth(depth + 1).build()).analyze("deep", printout(depth)).get(0));
    assertTrue(a.ok(), a.diagnostics().toString());
    assertEquals(depth + 2, a.layers().modules());
    assertEquals(6, a.parameters().total());
  }

  @Test
  void aPrintoutStopsAtTheDefaultNestingLimit() throws InterruptedException {
    Analysis a = onSmallStack(120, () -> LayerCount.standard().analyze("deep", printout(3_000)).get(0));
    assertTrue(a.ok());
    assertEquals(Limits.DEFAULT_MAX_NESTING_DEPTH + 1, a.layers().modules(), "the levels up to the limit");
    limitError(a, "maxNestingDepth", "max-nesting-depth");
  }

  /**
   * Keras frames every level in {@code |} inside a table of fixed width, so its nesting is bounded
   * by the width of the name column; the limit is checked on a real nested table, lowered.
   */
  @Test
  void aKerasTableStopsAtTheNestingLimit() throws Exception {
    String text = java.nio.file.Files.readString(java.nio.file.Path.of(
        "../parser-keras/src/test/resources/golden/keras2-expand-nested-trainable-attnsleep-1.txt"));
    Analysis within = onSmallStack(60, () -> LayerCount.standard().analyze("nested", text).get(0));
    assertTrue(within.diagnostics().stream().noneMatch(d -> d.message().contains("maxNestingDepth")));
    Analysis a = onSmallStack(60, () -> LayerCount.standard().withLimits(Limits.builder().maxNestingDepth(1).build())
        .analyze("nested", text).get(0));
    assertTrue(a.layers().modules() < within.layers().modules(), "the rows past the limit are not read");
    limitError(a, "maxNestingDepth", "max-nesting-depth");
  }

  /** {@code depth} Sequentials, one in the other, around a Linear(2, 2) with a bias: 6 parameters. */
  private static Layer chain(int depth) {
    Layer node = Layer.of("fc", "Linear", Arguments.parse("in_features=2, out_features=2"), List.of(), 1);
    for (int i = 0; i < depth; i++) {
      node = Layer.of("m", "Sequential", Arguments.NONE, List.of(node), 1);
    }
    return Layer.of("", "Sequential", Arguments.NONE, List.of(node), 1);
  }

  /** The facade and engine on a model as built, whatever the text. */
  private static LayerCount engineOn(Layer root) {
    return LayerCount.withParsers(List.of(new SummaryParser() {
      @Override
      public String family() {
        return "prebuilt";
      }

      @Override
      public double detect(Source source) {
        return 1;
      }

      @Override
      public ParseResult parse(Source source) {
        return new ParseResult(List.of(new Network("pytorch", null, root, false, null, List.of())), List.of());
      }
    }));
  }

  static String printout(int depth) {
    StringBuilder text = new StringBuilder("Root(\n");
    for (int i = 1; i <= depth; i++) {
      text.append("  ".repeat(i)).append("(m): Sequential(\n");
    }
    text.append("  ".repeat(depth + 1)).append("(fc): Linear(in_features=2, out_features=2, bias=True)\n");
    for (int i = depth; i >= 0; i--) {
      text.append("  ".repeat(i)).append(")\n");
    }
    return text.toString();
  }

  /** The depth comes from the depth-idx: drawing every level would make the text quadratic in size. */
  static String torchinfo(int levels) {
    String rule = "=".repeat(90);
    StringBuilder sb = new StringBuilder(rule + "\nLayer (type:depth-idx)                   Output Shape              Param #\n"
        + rule + "\nDeep                                     [1]                       --\n");
    for (int d = 1; d <= levels; d++) {
      sb.append("└─Sequential: ").append(d).append("-1                     [1]                       --\n");
    }
    sb.append("└─Linear: ").append(levels + 1).append("-1                     [1, 2]                    6\n");
    return sb.append(rule).append("\nTotal params: 6\nTrainable params: 6\nNon-trainable params: 0\n").toString();
  }
}
