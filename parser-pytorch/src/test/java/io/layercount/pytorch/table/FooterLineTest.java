package io.layercount.pytorch.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A footer line is read by hand as the footer expression reads it: the same lines, and the same
 * key, unit and value of each.
 */
class FooterLineTest {
  /** {@code Key (unit): value}, as the footer was read before it was read by hand. */
  private static final Pattern LINE = Pattern.compile(
      "([A-Za-z][A-Za-z/ .-]*?)\\s*(?:\\(([^()]*)\\))?\\s*:\\s*(-?[0-9][0-9,]*(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)");

  private static boolean byExpression(String text) {
    return LINE.matcher(text.trim()).matches();
  }

  private static void same(String text) {
    String what = "'" + text + "'";
    assertEquals(byExpression(text), Footer.isFooterLine(text), what);
    Matcher m = LINE.matcher(text.trim());
    String[] parts = Footer.parts(text.trim());
    if (m.matches()) {
      assertArrayEquals(new String[] {m.group(1).trim(), m.group(2), m.group(3)}, parts, what);
    } else {
      assertNull(parts, what);
    }
  }

  @Test
  void footerLinesAndNearMissesAsTheExpressionReadsThem() {
    for (String text : List.of("Total params: 11,689,512", "  Trainable params: 0  ", "Total mult-adds (G): 1.81",
        "Forward/backward pass size (MB): 39.75", "Params size (MB): 44.59", "Input size (MB): 0.60",
        "Total mult-adds (Units.GIGABYTES): 1.81", "Estimated Total Size (MB): 84.95", "Total params: -1",
        "Total params: 1e6", "Total params: 1.5E+3", "Total params: 12 ", "Total params: 12a", "Total params:",
        "Total params 12", "1 Total params: 12", "ResNet   [1, 1000]   --", "Conv2d: 1-1   [1, 64]   9,408",
        "├─Conv2d: 1-1   [1, 64]   9,408", "Layer (type:depth-idx)   Output Shape   Param #", "a: 1", "a:1", "a :1",
        "a (b) : 1", "a (b (c)) : 1", "a (b: 1", "", " ", "\t", "\tTotal params: 3", "Total params: 3\t", "é: 1",
        "a\t(b)\t:\t1", "a\tb: 1", "a.: 1.", "a: 1.e3", "a: 1e", "a: 1,,2", "a: -,1", "a ( ) : 0", "a () : 0",
        "a (x:y): 1", "a (b)(c): 1", "a: 1 2", "A/B-C.D E: 7")) {
      same(text);
    }
  }

  @Test
  void randomLinesOfTheExpressionsParts() {
    String[] pieces = {"Total", " ", "  ", "params", "(MB)", "(", ")", ":", " :", ": ", "1", "12,345", ".5", "e3",
        "-", "/", ".", "x", "[1, 64]", "--", "\t", "├─", "9", "E", "+", "e-", ",", "(Units.GIGABYTES)", "\f", "é"};
    Random random = new Random(20261206);
    for (int t = 0; t < 200_000; t++) {
      StringBuilder sb = new StringBuilder();
      for (int n = random.nextInt(9); n > 0; n--) {
        sb.append(pieces[random.nextInt(pieces.length)]);
      }
      same(sb.toString());
    }
  }

  @Test
  void everyLineOfTheCorpusAsTheExpressionReadsIt() throws IOException {
    Path corpus = Path.of(System.getProperty("layercount.corpus", "../../shared/corpus"));
    assumeTrue(Files.isDirectory(corpus), "corpus not found at " + corpus);
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(corpus)) {
      walk.filter(p -> p.toString().endsWith(".txt") || p.toString().endsWith(".out")).sorted().forEach(files::add);
    }
    int footers = 0;
    for (Path file : files) {
      for (String line : new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n")) {
        same(line);
        footers += byExpression(line) ? 1 : 0;
      }
    }
    // the published tables' footers are among them: the comparison covers lines that match
    assertEquals(true, footers > 500, footers + " footer lines");
  }
}
