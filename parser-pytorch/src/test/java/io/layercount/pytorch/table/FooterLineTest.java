package io.layercount.pytorch.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The footer test with its quick checks answers as the footer expression alone does: the checks
 * only turn away lines the expression cannot match.
 */
class FooterLineTest {
  private static boolean byExpression(String text) {
    return Footer.LINE.matcher(text.trim()).matches();
  }

  private static void same(String text) {
    assertEquals(byExpression(text), Footer.isFooterLine(text), "'" + text + "'");
  }

  @Test
  void footerLinesAndNearMissesAsTheExpressionReadsThem() {
    for (String text : List.of("Total params: 11,689,512", "  Trainable params: 0  ", "Total mult-adds (G): 1.81",
        "Forward/backward pass size (MB): 39.75", "Params size (MB): 44.59", "Input size (MB): 0.60",
        "Total mult-adds (Units.GIGABYTES): 1.81", "Estimated Total Size (MB): 84.95", "Total params: -1",
        "Total params: 1e6", "Total params: 1.5E+3", "Total params: 12 ", "Total params: 12a", "Total params:",
        "Total params 12", "1 Total params: 12", "ResNet   [1, 1000]   --", "Conv2d: 1-1   [1, 64]   9,408",
        "├─Conv2d: 1-1   [1, 64]   9,408", "Layer (type:depth-idx)   Output Shape   Param #", "a: 1", "a:1", "a :1",
        "a (b) : 1", "a (b (c)) : 1", "a (b: 1", "", " ", "\t", "\tTotal params: 3", "Total params: 3\t", "é: 1")) {
      same(text);
    }
  }

  @Test
  void randomLinesOfTheExpressionsParts() {
    String[] pieces = {"Total", " ", "  ", "params", "(MB)", "(", ")", ":", " :", ": ", "1", "12,345", ".5", "e3",
        "-", "/", ".", "x", "[1, 64]", "--", "\t", "├─", "9"};
    Random random = new Random(20261206);
    for (int t = 0; t < 50_000; t++) {
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
