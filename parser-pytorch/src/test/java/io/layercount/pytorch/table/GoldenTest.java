package io.layercount.pytorch.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.spi.ParseResult;
import io.layercount.core.spi.Source;
import io.layercount.core.spi.SummaryParser;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code table/NAME.txt} is parsed by the parser that detects it best and rendered with
 * {@link NetworkDump}; the result must equal {@code NAME.expected}. Run with
 * {@code -Dlayercount.regenerate=true} to rewrite the expected files (then review the diff).
 */
class GoldenTest {
  private static final List<SummaryParser> PARSERS = List.of(new TorchinfoParser(), new TorchsummaryParser());

  static Stream<String> fixtures() throws IOException, URISyntaxException {
    try (Stream<Path> files = Files.list(folder())) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt"))
          .map(n -> n.substring(0, n.length() - 4)).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void matchesExpected(String name) throws IOException, URISyntaxException {
    String text = Files.readString(folder().resolve(name + ".txt"), StandardCharsets.UTF_8);
    String actual = render(Source.of(name, text));
    Path expected = folder().resolve(name + ".expected");
    if (Boolean.getBoolean("layercount.regenerate")) {
      Path src = Path.of("src/test/resources/table", name + ".expected");
      Files.writeString(src, actual, StandardCharsets.UTF_8);
      return;
    }
    assertTrue(Files.exists(expected), "no " + name + ".expected beside " + name + ".txt");
    assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual);
  }

  /** CRLF line ends and trailing white space must not change what is read. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void copyDamageChangesNothing(String name) throws IOException, URISyntaxException {
    String text = Files.readString(folder().resolve(name + ".txt"), StandardCharsets.UTF_8);
    String damaged = text.replace("\n", "  \r\n");
    assertEquals(render(Source.of(name, text)), render(Source.of(name, damaged)));
  }

  @Test
  void everyExpectedFileHasItsInput() throws IOException, URISyntaxException {
    Path folder = folder();
    try (Stream<Path> files = Files.list(folder)) {
      files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".expected")).forEach(n -> assertTrue(
          Files.exists(folder.resolve(n.replace(".expected", ".txt"))), n + " has no input file"));
    }
  }

  private static String render(Source source) {
    SummaryParser best = PARSERS.get(0);
    double score = -1;
    for (SummaryParser p : PARSERS) {
      double s = p.detect(source);
      if (s > score) {
        best = p;
        score = s;
      }
    }
    ParseResult result = best.parse(source);
    return NetworkDump.render(best.family(), result);
  }

  private static Path folder() throws URISyntaxException {
    return Path.of(GoldenTest.class.getResource("/table").toURI());
  }
}
