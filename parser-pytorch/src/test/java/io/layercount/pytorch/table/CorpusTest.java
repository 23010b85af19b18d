package io.layercount.pytorch.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.Diagnostic;
import io.layercount.core.internal.Analyzer;
import io.layercount.core.Severity;
import io.layercount.core.model.Network;
import io.layercount.core.spi.ParseResult;
import io.layercount.core.spi.Source;
import io.layercount.core.spi.SummaryParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared corpus: every table of {@code peer/torchinfo} found in order with its MANIFEST totals,
 * every torchinfo/torchsummary text of {@code real} read with its MANIFEST totals, and every other
 * text (Keras tables, PyTorch printouts) scored low. Skipped when the corpus is absent.
 */
class CorpusTest {
  private static final TorchinfoParser TORCHINFO = new TorchinfoParser();
  private static final TorchsummaryParser TORCHSUMMARY = new TorchsummaryParser();

  static Path corpus() {
    String dir = System.getProperty("layercount.corpus");
    Assumptions.assumeTrue(dir != null && Files.isDirectory(Path.of(dir)),
        "shared corpus not found (system property layercount.corpus): corpus tests skipped");
    return Path.of(dir);
  }

  static Stream<String> peerRows() throws IOException {
    return manifest(corpus().resolve("peer/torchinfo/MANIFEST.tsv")).stream();
  }

  static Stream<String> realTableRows() throws IOException {
    return manifest(corpus().resolve("real/MANIFEST.tsv")).stream()
        .filter(r -> r.startsWith("torchinfo-") || r.startsWith("torchsummary-"));
  }

  static Stream<Path> otherTexts() throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> real = Files.list(corpus().resolve("real"))) {
      real.filter(p -> p.toString().endsWith(".txt"))
          .filter(p -> !p.getFileName().toString().startsWith("torchinfo-")
              && !p.getFileName().toString().startsWith("torchsummary-"))
          .forEach(out::add);
    }
    try (Stream<Path> printouts = Files.walk(corpus().resolve("pytorch"))) {
      printouts.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(out::add);
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("peerRows")
  void peerTablesAreFoundInOrderWithTheirTotals(String row) throws IOException {
    String[] f = row.split("\t", -1);
    Path file = corpus().resolve("peer/torchinfo").resolve(f[0]);
    Source source = Source.of(f[0], Files.readString(file, StandardCharsets.UTF_8));
    assertTrue(TORCHINFO.detect(source) > TORCHSUMMARY.detect(source), "torchinfo must win detection");
    ParseResult result = TORCHINFO.parse(source);
    int tables = Integer.parseInt(f[1]);
    assertEquals(tables, result.networks().size(), "tables found");
    List<String> totals = split(f[2], tables);
    List<String> trainable = split(f[3], tables);
    List<String> frozen = split(f[4], tables);
    for (int t = 0; t < tables; t++) {
      Network n = result.networks().get(t);
      assertEquals("torchinfo", n.format());
      assertNotNull(n.totals(), "table " + (t + 1) + " totals");
      assertEquals(number(totals.get(t)), n.totals().total(), "table " + (t + 1) + " total");
      assertEquals(number(trainable.get(t)), n.totals().trainable(), "table " + (t + 1) + " trainable");
      assertEquals(number(frozen.get(t)), n.totals().nonTrainable(), "table " + (t + 1) + " non-trainable");
      assertRowsAddUpOrExplained(n);
      assertEveryRowUnderstood(n);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("realTableRows")
  void realTablesParseWithTheirTotals(String row) throws IOException {
    String[] f = row.split("\t", -1);
    Source source = Source.of(f[0], Files.readString(corpus().resolve("real").resolve(f[0]), StandardCharsets.UTF_8));
    SummaryParser expected = f[1].equals("torchsummary") ? TORCHSUMMARY : TORCHINFO;
    SummaryParser other = expected == TORCHINFO ? TORCHSUMMARY : TORCHINFO;
    assertTrue(expected.detect(source) >= 0.9, "detected as " + f[1]);
    assertTrue(other.detect(source) < 0.5, "not detected as " + other.family());
    ParseResult result = expected.parse(source);
    assertEquals(1, result.networks().size());
    Network n = result.networks().get(0);
    assertEquals(f[1], n.format());
    assertEquals(number(f[3]), n.totals().total());
    assertEquals(number(f[4]), n.totals().trainable());
    assertEquals(number(f[5]), n.totals().nonTrainable());
    assertRowsAddUpOrExplained(n);
    assertEveryRowUnderstood(n);
    assertTrue(result.diagnostics().isEmpty(), "every line belongs to the table: " + result.diagnostics());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("otherTexts")
  void otherFormatsScoreZero(Path file) throws IOException {
    Source source = Source.of(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    assertEquals(0.0, TORCHINFO.detect(source), "torchinfo score");
    assertEquals(0.0, TORCHSUMMARY.detect(source), "torchsummary score");
  }

  @Test
  void peerManifestIsComplete() throws IOException {
    assertEquals(98, peerRows().mapToInt(r -> Integer.parseInt(r.split("\t")[1])).sum());
  }

  /**
   * The counting engine adds up the rows ((recursive) rows own nothing); where the sum is not the
   * footer's total, a warning says why.
   */
  static void assertRowsAddUpOrExplained(Network n) {
    Analysis a = Analyzer.standard().analyze(n, 0, List.of());
    if (a.parameters().total() != n.totals().total()) {
      String said = "the layers' parameter counts add up to " + String.format("%,d", a.parameters().total());
      assertTrue(a.diagnostics().stream().anyMatch(d -> d.severity() == Severity.WARNING
              && d.message().startsWith(said)),
          "rows add up to " + a.parameters().total() + ", footer " + n.totals().total() + ", and no diagnostic says why");
    }
  }

  static void assertEveryRowUnderstood(Network n) {
    for (Diagnostic d : n.diagnostics()) {
      assertTrue(d.severity() == Severity.INFO, "unexpected " + d);
    }
  }

  private static List<String> manifest(Path tsv) throws IOException {
    List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
    return lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).toList();
  }

  private static List<String> split(String cell, int n) {
    List<String> parts = List.of(cell.split(", "));
    assertEquals(n, parts.size(), "manifest cell " + cell);
    return parts;
  }

  private static Long number(String text) {
    return Long.parseLong(text.replace(",", "").trim());
  }
}
