package io.layercount.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.layercount.core.Analysis;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden tests: each case's report must equal {@code golden/<case>.txt} character for character. */
class TextReportTest {
  private static final String GOLDEN = "golden/";

  private record Case(String file, Analysis analysis, boolean several) {}

  private static final Map<String, Case> CASES = Map.of(
      "resnet18-exact", new Case("examples/resnet18-torchvision.txt", Analyses.resnet18(), false),
      "keras-lower-bound-second-summary", new Case("logs/train.log", Analyses.kerasLowerBound(1), true),
      "no-model", new Case("notes.txt", Analyses.failed("no model found in the text"), false));

  static Stream<String> cases() {
    return CASES.keySet().stream().sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportMatchesItsGoldenFile(String name) {
    Case c = CASES.get(name);
    assertEquals(golden(name), TextReport.render(c.file(), c.analysis(), c.several()));
  }

  @Test
  void everyGoldenFileHasACase() throws IOException, URISyntaxException {
    Path dir = Path.of(TextReportTest.class.getResource(GOLDEN).toURI());
    Set<String> unmatched = new TreeSet<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.map(p -> p.getFileName().toString().replaceFirst("\\.txt$", "")).filter(n -> !CASES.containsKey(n))
          .forEach(unmatched::add);
    }
    assertEquals(Set.of(), unmatched, "golden files without a case");
  }

  @Test
  void noAnsiColoursEver() {
    for (Case c : CASES.values()) {
      assertFalse(TextReport.render(c.file(), c.analysis(), c.several()).contains("\u001B"));
    }
  }

  private static String golden(String name) {
    try (InputStream in = TextReportTest.class.getResourceAsStream(GOLDEN + name + ".txt")) {
      assertNotNull(in, "missing golden file " + GOLDEN + name + ".txt");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
