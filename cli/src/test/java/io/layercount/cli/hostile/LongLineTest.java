package io.layercount.cli.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.layercount.core.Analysis;
import io.layercount.core.LayerCount;
import io.layercount.core.Limits;
import io.layercount.core.spi.Source;
import io.layercount.core.spi.SummaryParser;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lines of a million characters made of near-matches (a piece that almost reads as a module, a row,
 * a footer, repeated), after each format's header so that its parser reads them; every detector
 * and every parser reads every text. Each must be answered within a few seconds: a regular expression
 * that backtracks, or a scan restarted at every position, takes minutes or hours on such a line.
 */
class LongLineTest {
  private static final int LINE = 1_000_000;
  private static final String PRINTOUT = "Net(\n  (a): Linear(in_features=2, out_features=3, bias=True)\n";
  private static final String TORCHINFO = "=".repeat(80) + "\nLayer (type:depth-idx)                   Output Shape              Param #\n"
      + "=".repeat(80) + "\nNet                                      [1, 3]                    --\n";
  private static final String TORCHSUMMARY = "-".repeat(64) + "\n        Layer (type)               Output Shape         Param #\n"
      + "=".repeat(64) + "\n            Linear-1                 [-1, 3]               9\n";
  private static final String KERAS = "Model: \"m\"\n" + "_".repeat(65) + "\n Layer (type)                Output Shape              Param #   \n"
      + "=".repeat(65) + "\n dense (Dense)               (None, 3)                 9         \n\n";
  private static final String KERAS3 = "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓\n"
      + "┃ Layer (type)                ┃ Output Shape           ┃       Param # ┃\n"
      + "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩\n";

  /** Pieces that each parser's patterns almost accept. */
  private static final List<String> NEAR_MATCHES = List.of(
      " ", "(", "(a): ", "): ", "(0-1): 2 x ", "Linear(", "Linear (", "a", "a.", "1x.", "{", "[rank0]: ",
      "├─", "│    ", "└─Linear: 1-", "Linear: 1-1 ", "(1,2", "1,234", "1,23", "--", "(recursive", "12.5%",
      "Linear-1 ", "[-1, 3", "Total params", "Total params (", "A (", "A :", "Params size (MB)", "e+",
      "dense (Dense", "(None, ", "['a[0][0]', ", "│ ", "┃", "└ ", "…", "¯", "|", "_", "=", "\u001B[1;", "\t", "9");

  /**
   * One text per piece: the line after each format's header (every parser reads the whole text, so
   * each meets the line after its own header and after the others'), and twice before a printout's
   * root, where a prefix repeated on every line is looked for. Each text is some 14 MB as a string,
   * so it is built in its own test: built all at once, the 45 of them filled most of the test heap.
   */
  static String text(String piece) {
    String line = piece.repeat(LINE / piece.length() + 1).substring(0, LINE);
    StringBuilder text = new StringBuilder();
    for (String header : List.of(PRINTOUT, TORCHINFO, TORCHSUMMARY, KERAS, KERAS3)) {
      text.append(header).append(line).append("\n\n");
    }
    text.append("  ").append(line).append("Net(\n  ").append(line).append("  (a): ReLU()\n)\n");
    return text.toString();
  }

  static Stream<Arguments> cases() {
    return NEAR_MATCHES.stream().map(piece -> Arguments.of(piece, "'" + piece.replace("\u001B", "ESC").replace("\t", "TAB") + "' x 1M"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("cases")
  void everyParserAndDetectorAnswersInSeconds(String piece, String name) {
    String text = text(piece);
    List<Analysis> result = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      LayerCount standard = LayerCount.standard();
      // every detector sees every text, and every parser reads it, not only the one chosen
      Source source = Source.of(name, text, standard.limits());
      for (SummaryParser p : standard.parsers()) {
        p.detect(source);
        p.parse(source);
      }
      return standard.analyze(name, text);
    }, name);
    assertFalse(result.isEmpty());
    assertFalse(result.get(0).diagnostics().isEmpty(), "a line like that is always mentioned");
  }

  /** Near-matches past the line limit are left out with an error, never silently. */
  @ParameterizedTest(name = "''{0}'' x 1M")
  @ValueSource(strings = {"(a): ", "├─"})
  void pastTheLineLimitTheyAreLeftOutWithAnError(String piece) {
    String text = text(piece);
    Analysis a = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> LayerCount.standard()
        .withLimits(Limits.builder().maxLineChars(LINE / 2).build()).analyze(piece, text).get(0), piece);
    Hostile.limitError(a, "maxLineChars", "max-line-chars");
  }

  /** Keys of a million characters reach the engine, which reads a child's role from its key. */
  @ParameterizedTest(name = "key of ''{0}'' x 1M")
  @ValueSource(strings = {"branch_1", "branch_12a", "downsample_1", "aux", "q_proj", "0-1"})
  void longKeysAreReadInSeconds(String piece) {
    String key = piece.repeat(LINE / piece.length());
    String text = "Net(\n  (" + key + "): Linear(in_features=2, out_features=3, bias=True)\n  (" + key
        + "_2): Linear(in_features=2, out_features=3, bias=True)\n)\n";
    Analysis a = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> LayerCount.standard().analyze("keys", text).get(0));
    assertEquals(3, a.layers().modules());
  }
}
