package io.layercount.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.layercount.core.Diagnostic;
import io.layercount.core.Severity;
import io.layercount.core.model.Layer;
import io.layercount.core.model.Network;
import io.layercount.core.spi.ParseResult;
import io.layercount.core.spi.Source;
import io.layercount.core.testing.Logged;
import io.layercount.core.testing.Pasted;
import io.layercount.core.testing.Trees;
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

/** Every Keras text of the shared corpus ({@code real/keras*.txt}) against what its manifest states. */
class CorpusTest {
  private final KerasSummaryParser parser = new KerasSummaryParser();

  private static Path real() {
    String corpus = System.getProperty("layercount.corpus");
    return corpus == null ? null : Path.of(corpus, "real");
  }

  /** The manifest rows of the Keras texts: file, format, total, trainable, non-trainable. */
  static Stream<String[]> manifest() throws IOException {
    Path dir = real();
    if (dir == null || !Files.isRegularFile(dir.resolve("MANIFEST.tsv"))) {
      return Stream.<String[]>of(new String[] {"(corpus absent)", "", "", "", ""});
    }
    List<String[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8)) {
      String[] f = line.split("\t");
      if (f[0].startsWith("keras") && f[0].endsWith(".txt") && rows.stream().noneMatch(r -> r[0].equals(f[0]))) {
        rows.add(new String[] {f[0], f[1], f[3], f[4], f[5]});
      }
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("manifest")
  void readsWhatTheManifestStates(String file, String format, String total, String trainable, String nonTrainable)
      throws IOException {
    Path dir = real();
    assumeTrue(dir != null && Files.isDirectory(dir), "shared corpus not found (layercount.corpus); skipped");
    String text = Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
    Source source = Source.of(file, text);
    assertTrue(parser.detect(source) >= 0.9, "detect");
    ParseResult result = parser.parse(source);
    assertEquals(1, result.networks().size(), "one summary per corpus text");
    Network n = result.networks().get(0);
    assertEquals(format, n.format());
    assertEquals(Counts.leading(total), n.totals().total());
    assertEquals(Counts.leading(trainable), n.totals().trainable());
    assertEquals(Counts.leading(nonTrainable), n.totals().nonTrainable());
    for (Diagnostic d : n.diagnostics()) {
      // a text whose writer left rows out ('...') says so as an error: its counts are lower bounds
      assertTrue(d.severity() != Severity.ERROR || d.message().contains("rows were left out of this table"), d.toString());
    }
    long sum = 0;
    int unknown = 0;
    for (Layer l : n.root().children()) {
      if (l.stated().params() == null) {
        unknown++;
      } else {
        sum += l.stated().params();
      }
    }
    boolean explained = unknown > 0 || n.diagnostics().stream().anyMatch(d -> d.message().contains("rows were left out"));
    if (sum != n.totals().trainable() + n.totals().nonTrainable()) {
      assertTrue(explained, "row sum " + sum + " differs from the footer and no diagnostic says why");
    }
    for (Layer l : n.root().children()) {
      if (l.stated().params() == null) {
        assertTrue(n.diagnostics().stream().anyMatch(d -> d.line() == l.line()), "no diagnostic says why row "
            + l.name() + " has no count");
      }
    }
  }

  /**
   * A summary printed through a logger ({@code model.summary(print_fn=logging.info)}) reads as it
   * does bare: with {@code INFO:root:} or a time stamp before every line of the text ({@link Source}
   * cuts it), and logged among a log's other lines (other levels, a progress line with no prefix:
   * the parser cuts it around the table's title). Either way a diagnostic says so. It was "no model
   * found", or a table read askew with a wrong lower bound.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("manifest")
  void aSummaryPrintedThroughALoggerReadsAsItDoesBare(String file) throws IOException {
    Path dir = real();
    assumeTrue(dir != null && Files.isDirectory(dir), "shared corpus not found (layercount.corpus); skipped");
    String text = Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
    Network bare = parser.parse(Source.of(file, text)).networks().get(0);
    StringBuilder logged = new StringBuilder();
    StringBuilder stamped = new StringBuilder();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      logged.append("INFO:root:").append(lines[i]).append('\n');
      stamped.append(String.format("2024-03-01 12:%02d:%02d,%03d - INFO - ", i / 60 % 60, i % 60, 7 * i % 1000))
          .append(lines[i]).append('\n');
    }
    for (String log : List.of(logged.toString(), stamped.toString(), Logged.byRoot(text), Logged.timeStamped(text))) {
      assertReadsAs(bare, file, log, "removed");
    }
  }

  /**
   * {@code damaged}, a corpus summary {@code bare} damaged, reads as one model alike to it (trees
   * compared wherever they stand) and a repair or diagnostic starting {@code said} says what was cut.
   */
  private void assertReadsAs(Network bare, String file, String damaged, String said) {
    Source source = Source.of(file, damaged);
    assertTrue(parser.detect(source) >= 0.9, "detect");
    ParseResult result = parser.parse(source);
    assertEquals(1, result.networks().size());
    assertEquals(Trees.withoutLines(bare.root()), Trees.withoutLines(result.networks().get(0).root()));
    assertEquals(bare.totals(), result.networks().get(0).totals());
    assertEquals(bare.format(), result.networks().get(0).format());
    List<Diagnostic> notes = new ArrayList<>(source.repairs());
    notes.addAll(result.diagnostics());
    assertTrue(notes.stream().anyMatch(d -> d.message().startsWith(said)), notes.toString());
  }

  /**
   * Every corpus summary pasted as an indented block under a line of prose (a Markdown code block;
   * R Markdown's output, each line after {@code ## } too) reads as it does bare, and the cut is said.
   * The indent, common to no more than the block, was left on the lines: {@code expand_nested}'s
   * {@code |} frames were not seen (each nested row counted again at the top level, a total twice
   * the footer's called exact), rows ran into each other, and R's {@code ## } was not cut at all.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("manifest")
  void aSummaryPastedAsAnIndentedBlockReadsAsItDoesBare(String file) throws IOException {
    Path dir = real();
    assumeTrue(dir != null && Files.isDirectory(dir), "shared corpus not found (layercount.corpus); skipped");
    String text = Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
    Network bare = parser.parse(Source.of(file, text)).networks().get(0);
    for (String pasted : List.of(Pasted.asIndentedBlock(text), Pasted.asRMarkdownOutput(text))) {
      assertReadsAs(bare, file, pasted, "removed an indent of 4");
    }
  }

  @Test
  void resNet50HasItsPublishedTotal() throws IOException {
    Path dir = real();
    assumeTrue(dir != null && Files.isDirectory(dir), "shared corpus not found (layercount.corpus); skipped");
    for (String file : List.of("keras2-resnet50-1.txt", "keras2-resnet50-custom-1.txt")) {
      Network n = parser.parse(Source.of(file, Files.readString(dir.resolve(file), StandardCharsets.UTF_8))).networks().get(0);
      long sum = 0;
      for (Layer l : n.root().children()) {
        sum += l.stated().params();
      }
      assertEquals(25_636_712L, sum, file);
      assertEquals(25_636_712L, n.totals().total(), file);
      assertTrue(n.graphKnown(), file);
    }
  }

  @Test
  void summariesOfOneLogAreReadInOrderAndTheRestIsAccountedFor() throws IOException {
    Path dir = real();
    assumeTrue(dir != null && Files.isDirectory(dir), "shared corpus not found (layercount.corpus); skipped");
    String log = "Epoch 1/3\n"
        + Files.readString(dir.resolve("keras2-nested-model-sequential-1.txt"), StandardCharsets.UTF_8)
        + "\nsome training output\nloss: 0.25\n\n"
        + Files.readString(dir.resolve("keras3-credit-mlp-optimizer-1.txt"), StandardCharsets.UTF_8)
        + "done.\n";
    ParseResult r = parser.parse(Source.of("log", log));
    assertEquals(2, r.networks().size());
    assertEquals("sequential_1", r.networks().get(0).modelName());
    assertEquals("sequential", r.networks().get(1).modelName());
    assertEquals(2244L, r.networks().get(1).totals().optimizer());
    List<Integer> skipped = r.diagnostics().stream().filter(d -> d.message().contains("not part of a Keras summary"))
        .map(Diagnostic::line).toList();
    assertEquals(3, skipped.size(), r.diagnostics().toString());
    assertEquals(1, skipped.get(0));
    assertFalse(r.networks().get(0).diagnostics().stream().anyMatch(d -> d.severity() != Severity.INFO));
  }
}
