package io.layercount.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.spi.Source;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real summaries ({@code golden/*.txt}, copied from the corpus) beside what they must parse to
 * ({@code *.expected}). Run with {@code -Dlayercount.regenerate=true} to rewrite the expected files
 * (then review the diff).
 */
class GoldenTest {
  private static final Path DIR = Path.of("src/test/resources/golden");
  private final KerasSummaryParser parser = new KerasSummaryParser();

  static Stream<String> fixtures() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void parsesAsExpected(String name) throws IOException {
    String text = Files.readString(DIR.resolve(name), StandardCharsets.UTF_8);
    String actual = NetworkDump.of(parser.parse(Source.of(name, text)));
    Path expectedFile = DIR.resolve(name.replace(".txt", ".expected"));
    if (Boolean.getBoolean("layercount.regenerate")) {
      Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(expectedFile, StandardCharsets.UTF_8), actual, name);
  }

  /** Copy damage that {@link Source} undoes must not change what the parser reads. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void copyDamageChangesNothing(String name) throws IOException {
    String text = Files.readString(DIR.resolve(name), StandardCharsets.UTF_8);
    String plain = NetworkDump.of(parser.parse(Source.of(name, text)));
    assertEquals(plain, NetworkDump.of(parser.parse(Source.of(name, text.replace("\n", "\r\n")))), "CRLF");
    StringBuilder quoted = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      quoted.append(line.isEmpty() ? "" : "> " + line).append('\n');
    }
    assertEquals(plain, NetworkDump.of(parser.parse(Source.of(name, quoted.toString()))), "quoted");
  }

  @Test
  void everyFixtureHasItsExpectedFile() throws IOException {
    List<String> unmatched = new ArrayList<>();
    try (Stream<Path> files = Files.list(DIR)) {
      for (Path p : files.toList()) {
        String n = p.getFileName().toString();
        String other = n.endsWith(".txt") ? n.replace(".txt", ".expected") : n.replace(".expected", ".txt");
        if (!Files.exists(DIR.resolve(other))) {
          unmatched.add(n);
        }
      }
    }
    assertTrue(unmatched.isEmpty(), "unmatched golden files: " + unmatched);
  }
}
