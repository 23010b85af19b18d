package io.layercount.pytorch.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.Diagnostic;
import io.layercount.core.LayerCount;
import io.layercount.core.Severity;
import io.layercount.pytorch.CopyDamage;
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
 * A torchinfo or torchsummary table hard-wrapped at a terminal's width (in characters, as a
 * terminal wraps) reads as the table: of the corpus's tables (peer/torchinfo, and real's torchinfo
 * and torchsummary texts) cut at 60 and 80 columns, at least nine in ten give the analyses they give
 * whole, with nothing but info diagnostics added, and in the others a table whose count is called
 * exact is one read as it is whole.
 * Skipped when the corpus is absent.
 */
class TableHardWrapTest {
  private static final LayerCount LAYER_COUNT = LayerCount.standard();

  static List<Path> tables() throws IOException {
    Path corpus = CorpusTest.corpus();
    List<Path> out = new ArrayList<>();
    try (Stream<Path> peer = Files.list(corpus.resolve("peer/torchinfo"))) {
      peer.filter(p -> p.toString().endsWith(".out")).sorted().forEach(out::add);
    }
    try (Stream<Path> real = Files.list(corpus.resolve("real"))) {
      real.filter(p -> p.getFileName().toString().matches("(torchinfo|torchsummary)-.*\\.txt")).sorted()
          .forEach(out::add);
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(ints = {60, 80})
  void everyCorpusTableReadsAsItDoesWhole(int width) throws IOException {
    List<String> failures = new ArrayList<>();
    int cut = 0;
    int recovered = 0;
    for (Path file : tables()) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      String damaged = CopyDamage.hardWrapped(text, width);
      if (damaged.equals(text)) {
        continue;
      }
      cut++;
      List<Analysis> whole = analyse(text);
      List<Analysis> read = analyse(damaged);
      if (summary(read).equals(summary(whole)) && severities(read).equals(severities(whole))) {
        recovered++;
      } else if (!exactOnlyWhereRight(read, whole)) {
        // not read whole: then a count called exact must be the one the whole table gives
        failures.add(file.getFileName() + ": " + summary(read) + " against " + summary(whole) + " " + problems(read));
      }
    }
    assertTrue(cut > 20, cut + " tables cut");
    assertTrue(failures.isEmpty(), failures.size() + " of " + cut + " called exact, not read whole:\n"
        + String.join("\n", failures));
    assertTrue(recovered >= cut * 9 / 10, recovered + " of " + cut + " read whole");
  }

  @Test
  void theNoteSaysHowManyLinesWereJoined() {
    String table = """
        ==========================================================================================
        Layer (type:depth-idx)                   Output Shape              Param #
        ==========================================================================================
        Sequential                               [1, 10]                   --
        ├─Linear: 1-1                            [1, 10]                   110
        ==========================================================================================
        Total params: 110
        Trainable params: 110
        Non-trainable params: 0
        ==========================================================================================
        """;
    Analysis a = analyse(CopyDamage.hardWrapped(table, 50)).get(0);
    assertEquals(110, a.parameters().total());
    assertTrue(a.parameters().exact(), a.diagnostics().toString());
    // four rules, the header and two rows each cut once
    assertTrue(a.diagnostics().stream().anyMatch(d -> d.message().equals("joined 7 line(s) a hard wrap had cut back"
        + " onto the line before (the table's rules are cut at one width too)")), a.diagnostics().toString());
  }

  @Test
  void tablesWhoseRulesMeetAreNotTakenForOneCutAtHalfTheirWidth() {
    // three tables one after the other: each one's last rule meets the next one's first, as a rule of
    // twice the width cut in half would look; their headers are followed by rules, not by a rest
    String rule = "=".repeat(90) + "\n";
    String one = rule + "Layer (type:depth-idx)                   Output Shape              Param #\n" + rule
        + "Linear                                   [1, 10]                   110\n" + rule + "Total params: 110\n"
        + "Trainable params: 110\nNon-trainable params: 0\n" + rule;
    List<Analysis> all = analyse(one + one + one);
    assertEquals(3, all.size());
    for (Analysis a : all) {
      assertEquals(110, a.parameters().total());
      assertTrue(a.parameters().exact(), a.diagnostics().toString());
      assertTrue(a.diagnostics().stream().noneMatch(d -> d.message().startsWith("joined")), a.diagnostics().toString());
    }
  }

  @Test
  void aTableTwiceTheWidthIsJoinedWhereItsHeaderIsCutToo() {
    String rule = "=".repeat(120) + "\n";
    String table = rule + "Layer (type:depth-idx)                   Input Shape               Output Shape"
        + "              Param #\n" + rule
        + "Linear                                   [32, 16, 8]               [32, 16, 64]              576\n"
        + rule + "Total params: 576\nTrainable params: 576\nNon-trainable params: 0\n" + rule;
    Analysis a = analyse(CopyDamage.hardWrapped(table, 60)).get(0);
    assertEquals(576, a.parameters().total());
    assertTrue(a.parameters().exact(), a.diagnostics().toString());
  }

  @Test
  void oneCutRuleIsNoEvidence() {
    // a single rule cut (or a log's banner): rows of 50 characters are not taken for cut ones
    String table = """
        ==========================================================================================
        Layer (type:depth-idx)                   Output Shape              Param #
        ==================================================
        ========================================
        Sequential                               [1, 10]                   --
        ├─Linear: 1-1                            [1, 10]                   110
        ==========================================================================================
        Total params: 110
        """;
    assertTrue(analyse(table).get(0).diagnostics().stream().noneMatch(d -> d.message().startsWith("joined")));
  }

  /** Whether each analysis of {@code read} called exact is the same as the one at its place in {@code whole}. */
  private static boolean exactOnlyWhereRight(List<Analysis> read, List<Analysis> whole) {
    for (int k = 0; k < read.size(); k++) {
      Analysis a = read.get(k);
      if (a.ok() && a.parameters().exact()
          && (k >= whole.size() || !summary(List.of(a)).equals(summary(List.of(whole.get(k)))))) {
        return false;
      }
    }
    return true;
  }

  private static List<Analysis> analyse(String text) {
    return LAYER_COUNT.analyze("t", text.getBytes(StandardCharsets.UTF_8));
  }

  static List<String> summary(List<Analysis> analyses) {
    List<String> out = new ArrayList<>();
    for (Analysis a : analyses) {
      out.add(a.ok() ? a.format() + " " + a.parameters().total() + " " + a.parameters().exact() + " " + a.layers()
          + " " + a.byType() : "failed");
    }
    return out;
  }

  static List<List<Severity>> severities(List<Analysis> analyses) {
    return analyses.stream().map(a -> a.diagnostics().stream().map(Diagnostic::severity)
        .filter(s -> s != Severity.INFO).sorted().toList()).toList();
  }

  private static List<String> problems(List<Analysis> analyses) {
    return analyses.stream().flatMap(a -> a.diagnostics().stream()).filter(d -> d.severity() != Severity.INFO)
        .map(Diagnostic::toString).toList();
  }
}
