package io.layercount.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Severity;
import io.layercount.core.spi.ParseResult;
import io.layercount.core.spi.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The published texts of {@code real/}: printouts read as one model each, tables are not claimed. */
class RealTextsTest {
  @Test
  void printoutsReadAndTablesScoreZero() throws IOException {
    Path real = Corpus.pytorchDir().resolveSibling("real");
    PytorchPrintoutParser parser = new PytorchPrintoutParser();
    List<String> failures = new ArrayList<>();
    int printouts = 0;
    try (Stream<Path> files = Files.list(real)) {
      for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".txt")).sorted()::iterator) {
        String name = file.getFileName().toString();
        Source source = Source.of(name, Corpus.read(file));
        boolean printout = name.startsWith("torch-");
        double score = parser.detect(source);
        if (!printout) {
          if (score != 0) {
            failures.add(name + ": a table scored " + score);
          }
          continue;
        }
        printouts++;
        ParseResult result = parser.parse(source);
        if (score < PrintoutDetector.WITH_CHILD || result.networks().size() != 1
            || result.networks().get(0).diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR)) {
          failures.add(name + ": score " + score + ", " + result.networks().size() + " model(s) " + result.diagnostics());
        }
      }
    }
    assertEquals(13, printouts, "torch-*.txt printouts in real/");
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }
}
