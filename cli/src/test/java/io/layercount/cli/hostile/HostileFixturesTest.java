package io.layercount.cli.hostile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.layercount.core.Analysis;
import io.layercount.core.LayerCount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Replays every input of {@code src/test/resources/hostile/} (see its README) that once broke something. */
class HostileFixturesTest {
  private static final Path DIR = Path.of("src/test/resources/hostile");
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Path> fixtures() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.filter(p -> !p.getFileName().toString().equals("README.md")).sorted().toList().stream();
    }
  }

  @Test
  void theFolderIsNotEmptyAndTheReadmeSaysWhatEachFileBroke() throws IOException {
    List<Path> all = fixtures().toList();
    assertFalse(all.isEmpty());
    // the README's table names each file, or a group of them with a *
    List<Pattern> listed = new ArrayList<>();
    Matcher m = Pattern.compile("^\\| `([^`]+)` \\|", Pattern.MULTILINE).matcher(Files.readString(DIR.resolve("README.md")));
    while (m.find()) {
      listed.add(Pattern.compile(Pattern.quote(m.group(1)).replace("*", "\\E.*\\Q")));
    }
    for (Path p : all) {
      String name = p.getFileName().toString();
      assertTrue(listed.stream().anyMatch(x -> x.matcher(name).matches()), name + " is not in the README's table");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void answersWithinSecondsKeepingEveryInvariant(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String text = new String(bytes, StandardCharsets.UTF_8);
    LayerCount layerCount = LayerCount.standard();
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      List<Analysis> fromText = layerCount.analyze(file.toString(), text);
      assertTrue(Invariants.check(text, fromText, layerCount.limits()).isEmpty(),
          Invariants.check(text, fromText, layerCount.limits()).toString());
      List<Analysis> fromBytes = layerCount.analyze(file.toString(), bytes);
      assertTrue(Invariants.check(text, fromBytes, layerCount.limits()).isEmpty());
      Hostile.CliRun run = Hostile.cli(new byte[0], "--json", file.toString());
      assertTrue(run.status() == 0 || run.status() == 1, "exit " + run.status());
      run.assertNoStackTrace();
      for (String line : run.out().split("\n")) {
        assertTrue(JSON.readTree(line).isObject(), line);
      }
    });
  }
}
