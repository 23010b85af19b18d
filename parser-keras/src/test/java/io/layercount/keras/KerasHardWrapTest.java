package io.layercount.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.layercount.core.Diagnostic;
import io.layercount.core.Severity;
import io.layercount.core.model.Layer;
import io.layercount.core.model.Network;
import io.layercount.core.spi.ParseResult;
import io.layercount.core.spi.Source;
import io.layercount.core.testing.HardWrap;
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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Keras 2 summary hard-wrapped at a terminal's width reads as the summary, its cut lines joined
 * again: every Keras 2 text of the corpus cut at 60 and 80 columns (as {@code fold} cuts, the rows'
 * padding kept) gives the tables it gives whole. Read as they were, the cut rows garbled their type
 * names and connections (InceptionV3 at 80 columns: depth 0, "Conv2D)[0][0]']" among its types).
 */
class KerasHardWrapTest {
  private final KerasSummaryParser parser = new KerasSummaryParser();

  static List<Path> keras2Texts() throws IOException {
    String corpus = System.getProperty("layercount.corpus");
    Path real = corpus == null ? null : Path.of(corpus, "real");
    assumeTrue(real != null && Files.isDirectory(real), "shared corpus not found (layercount.corpus); skipped");
    try (Stream<Path> files = Files.list(real)) {
      return files.filter(p -> p.getFileName().toString().matches("keras2-.*\\.txt")).sorted().toList();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {60, 80})
  void everyKeras2TextReadsAsItDoesWhole(int width) throws IOException {
    List<String> failures = new ArrayList<>();
    int cut = 0;
    for (Path file : keras2Texts()) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      String wrapped = hardWrapped(text, width);
      if (wrapped.equals(text)) {
        continue;
      }
      cut++;
      List<Network> whole = withoutLines(parser.parse(Source.of("t", text)).networks());
      Source source = Source.ofAscii("t", wrapped.getBytes(StandardCharsets.ISO_8859_1), 0,
          io.layercount.core.Limits.DEFAULT);
      ParseResult read = parser.parse(source != null ? source : Source.of("t", wrapped));
      if (!withoutLines(read.networks()).equals(whole)) {
        failures.add(file.getFileName() + ": " + read.diagnostics());
      }
    }
    assertTrue(cut >= (width == 60 ? 20 : 9), cut + " texts cut");
    assertEquals(List.of(), failures);
  }

  /**
   * Cut after its trailing spaces were taken off (an editor's save, then {@code fold}), a text reads
   * as it does whole but where a line was exactly as wide as the cut (then the next line, Keras's own
   * continuation of a cell, may be taken for its rest); where it does not, a warning says what was
   * not read, never a silently different table.
   */
  @ParameterizedTest
  @ValueSource(ints = {60, 80})
  void cutAfterItsTrailingSpacesWentATextReadsWholeOrWarns(int width) throws IOException {
    int cut = 0;
    int whole = 0;
    List<String> silent = new ArrayList<>();
    for (Path file : keras2Texts()) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      String wrapped = hardWrapped(text.replaceAll(" +\n", "\n"), width);
      if (wrapped.equals(text.replaceAll(" +\n", "\n"))) {
        continue;
      }
      cut++;
      ParseResult read = parser.parse(Source.of("t", wrapped));
      if (withoutLines(read.networks()).equals(withoutLines(parser.parse(Source.of("t", text)).networks()))) {
        whole++;
      } else if (read.networks().stream().allMatch(n -> n.diagnostics().stream()
          .noneMatch(d -> d.severity() == Severity.WARNING || d.severity() == Severity.ERROR))) {
        silent.add(file.getFileName().toString());
      }
    }
    assertEquals(List.of(), silent);
    assertTrue(whole >= cut * 9 / 10, whole + " of " + cut + " read whole");
  }

  @Test
  void theNoteSaysWhatWasJoinedAndATextNotCutIsLeftAsItIs() {
    String table = String.join("\n",
        "Model: \"m\"",
        "_".repeat(70),
        " Layer (type)                Output Shape              Param #      ",
        "=".repeat(70),
        " dense (Dense)               (None, 10)                110          ",
        "                                                                    ",
        " dense_1 (Dense)             (None, 2)                 22           ",
        "=".repeat(70),
        "Total params: 132",
        "Trainable params: 132",
        "Non-trainable params: 0",
        "_".repeat(70), "");
    Source whole = Source.of("t", table);
    assertSame(whole, KerasWraps.of(whole, new ArrayList<>()), "a table no rule of which is cut is read as it is");
    String wrapped = hardWrapped(table, 60);
    List<Diagnostic> notes = new ArrayList<>();
    Source joined = KerasWraps.of(Source.ofAscii("t", wrapped.getBytes(StandardCharsets.US_ASCII), 0,
        io.layercount.core.Limits.DEFAULT), notes);
    assertEquals(List.of("joined 8 line(s) a hard wrap at 60 columns had cut back onto the line before (the"
        + " table's rules, 70 wide, are cut at that width)"), notes.stream().map(Diagnostic::message).toList());
    assertEquals(whole.text(), joined.text());
  }

  /**
   * Only a line as wide as the cut has a rest: a row narrower than that, followed by Keras's own
   * continuation of its type's cell, is two lines, as Keras printed them.
   */
  @Test
  void aNarrowerLineKeepsTheLineAfterIt() {
    String table = String.join("\n",
        "_".repeat(65),
        " Layer (type)                Output Shape              Param #",
        "=".repeat(65),
        " bidirectional (Bidirectiona  (None, 15, 128)        98816",
        " l)",
        "",
        " dense (Dense)               (None, 1)                 129",
        "=".repeat(65),
        "Total params: 98,945",
        "_".repeat(65), "");
    Source joined = KerasWraps.of(Source.of("t", hardWrapped(table, 60)), null);
    assertEquals(table, joined.text());
  }

  /** One rule cut is no evidence: a text may hold a long line of underscores that an editor wrapped. */
  @Test
  void oneCutRuleIsNoEvidence() {
    String text = "_".repeat(70) + "\nnotes\n" + " x".repeat(35) + "\n";
    Source source = Source.of("t", hardWrapped(text, 60));
    assertSame(source, KerasWraps.of(source, null));
  }

  private static String hardWrapped(String text, int width) {
    return HardWrap.hardWrapped(text, width);
  }

  /** The networks with every layer's line 0 and no diagnostics: the same tables wherever their rows stood. */
  private static List<Network> withoutLines(List<Network> networks) {
    return networks.stream().map(n -> new Network(n.format(), n.modelName(), Trees.withoutLines(n.root()), n.graphKnown(),
        n.totals(), List.of(), n.costs())).toList();
  }
}
