package io.layercount.keras;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.layercount.core.spi.ParseResult;
import io.layercount.core.spi.Source;
import java.time.Duration;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Texts built to break a parser: it must return (never throw) and finish quickly, on a small stack. */
class HostileInputTest {
  private static final String HEADER = " Layer (type)                Output Shape              Param #   Connected to      \n";

  static Stream<String> inputs() {
    Random rnd = new Random(4);
    StringBuilder noise = new StringBuilder();
    String alphabet = "│┃├└┏━─┼ ()[]|¯_=,.…'\"0123456789abcLayer (type)Output ShapeParam #Total params:\n";
    for (int i = 0; i < 200_000; i++) {
      noise.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
    }
    return Stream.of(
        "",
        "Layer (type)  Output Shape  Param #",
        "Model: \"x\"\n" + HEADER,
        HEADER + "Total params:\n",
        HEADER + "Total params: 1,2,3,4\nTrainable params: 99999999999999999999999\n",
        HEADER + "|".repeat(100_000) + " a (B)  (None, 1)  3  []\n",
        HEADER + (" a (B)  (None, 1)  3  ['" + "x[0][0]', '".repeat(20_000) + "']\n"),
        HEADER + "(".repeat(50_000) + "  " + "[".repeat(50_000) + "  1\n",
        "┃ Layer (type) ┃ Output Shape ┃ Param # ┃\n│ a (B) │ ? │ 0 (unbuilt) │\n│ x\n└─┴─┴─┘\n",
        "┃ Layer (type) ┃\n" + "│ └ a (B) │\n".repeat(5_000),
        nested(3_000),
        // a table whose spacing collapsed, read by words: rows run together, and closers no shape opens
        "Layer (type) Output Shape Param #\n" + "a (B) (None, 1) 1 ".repeat(20_000) + "\n",
        "Layer (type) Output Shape Param #\n" + "a (B) " + ") 1 ".repeat(100_000) + "\n",
        " ".repeat(100_000) + "\n" + HEADER + " " + "a".repeat(100_000) + "  " + "1".repeat(100_000) + "\n",
        noise.toString());
  }

  private static String nested(int depth) {
    StringBuilder b = new StringBuilder(HEADER);
    for (int i = 0; i < depth; i++) {
      b.append("|".repeat(i)).append(" l").append(i).append(" (Sequential)  (None, 1)  1  []").append("|".repeat(i)).append('\n');
    }
    return b.toString();
  }

  @ParameterizedTest
  @MethodSource("inputs")
  void neverThrowsAndFinishes(String text) {
    KerasSummaryParser parser = new KerasSummaryParser();
    ParseResult r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      Source s = Source.of("hostile", text);
      parser.detect(s);
      return parser.parse(s);
    });
    assertNotNull(r);
  }
}
