package io.layercount.pytorch.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.Diagnostic;
import io.layercount.core.Severity;
import io.layercount.core.LayerCount;
import io.layercount.core.testing.Logged;
import io.layercount.core.testing.Pasted;
import io.layercount.pytorch.CopyDamage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A torchinfo or torchsummary table with a prefix on every line (a logger's {@code INFO:root:},
 * torchrun's {@code [rank0]: }, {@code cat -n}'s numbers, a CI log's time stamps), or logged line by
 * line amid other lines of a log, reads as the table does bare: every one of the corpus's tables,
 * with nothing but an info diagnostic added. Each was "no model found". Skipped when the corpus is
 * absent.
 */
class TableLinePrefixTest {
  private static final LayerCount LAYER_COUNT = LayerCount.standard();

  @Test
  void everyCorpusTableReadsThroughAPrefixOnEveryLine() throws IOException {
    List<UnaryOperator<String>> damages = List.of(text -> prefixed("INFO:root:", text),
        text -> prefixed("[rank0]: ", text), CopyDamage::numbered, CopyDamage::timeStamped, Logged::byRoot,
        Logged::timeStamped);
    List<String> failures = new ArrayList<>();
    int tables = 0;
    for (Path file : TableHardWrapTest.tables()) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      List<Analysis> bare = LAYER_COUNT.analyze(file.toString(), text);
      tables++;
      for (UnaryOperator<String> damage : damages) {
        List<Analysis> read = LAYER_COUNT.analyze(file.toString(), damage.apply(text));
        if (!TableHardWrapTest.summary(read).equals(TableHardWrapTest.summary(bare)) || !TableHardWrapTest.severities(read).equals(TableHardWrapTest.severities(bare))) {
          failures.add(file.getFileName() + ": " + TableHardWrapTest.summary(read) + " against " + TableHardWrapTest.summary(bare));
        }
      }
    }
    assertTrue(tables > 70, tables + " tables");
    assertEquals(List.of(), failures);
  }

  /**
   * Every corpus table pasted as an indented block under a line of prose (a Markdown code block;
   * R Markdown's output, each line after {@code ## } too) reads as it does bare, warning of nothing
   * more than it does bare but the prose. R's mark after the block's indent was not cut: "no model found".
   */
  @Test
  void everyCorpusTableReadsPastedAsAnIndentedBlock() throws IOException {
    List<String> failures = new ArrayList<>();
    for (Path file : TableHardWrapTest.tables()) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      List<Analysis> analyses = LAYER_COUNT.analyze(file.toString(), text);
      List<String> bare = TableHardWrapTest.summary(analyses);
      List<Severity> bareWarned = analyses.stream().flatMap(a -> a.diagnostics().stream())
          .map(Diagnostic::severity).filter(s -> s != Severity.INFO).sorted().toList();
      for (UnaryOperator<String> paste : List.<UnaryOperator<String>>of(Pasted::asIndentedBlock, Pasted::asRMarkdownOutput)) {
        String pasted = paste.apply(text);
        List<Analysis> read = LAYER_COUNT.analyze(file.toString(), pasted);
        Set<Integer> around = Pasted.aroundLines(pasted);
        List<Diagnostic> warned = read.stream().flatMap(a -> a.diagnostics().stream())
            .filter(d -> d.severity() != Severity.INFO && !around.contains(d.line())).toList();
        if (!TableHardWrapTest.summary(read).equals(bare)
            || !warned.stream().map(Diagnostic::severity).sorted().toList().equals(bareWarned)) {
          failures.add(file.getFileName() + ": " + TableHardWrapTest.summary(read) + " against " + bare + " " + warned);
        }
      }
    }
    assertEquals(List.of(), failures);
  }

  /**
   * Every corpus table double-spaced (a blank line after each line, as a Markdown renderer's copy
   * has it) reads as it does bare: the table went on only past a blank line before a rule or footer,
   * so such a published table read no row at all (a total of 0 for its footer's 785,376).
   */
  @Test
  void everyCorpusTableReadsDoubleSpaced() throws IOException {
    List<String> failures = new ArrayList<>();
    int tables = 0;
    for (Path file : TableHardWrapTest.tables()) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      List<Analysis> bare = LAYER_COUNT.analyze(file.toString(), text);
      List<Analysis> spaced = LAYER_COUNT.analyze(file.toString(), text.replace("\n", "\n\n"));
      tables++;
      if (!TableHardWrapTest.summary(spaced).equals(TableHardWrapTest.summary(bare))
          || !TableHardWrapTest.severities(spaced).equals(TableHardWrapTest.severities(bare))) {
        failures.add(file.getFileName() + ": " + TableHardWrapTest.summary(spaced) + " against " + TableHardWrapTest.summary(bare));
      }
    }
    assertTrue(tables > 70, tables + " tables");
    assertEquals(List.of(), failures);
  }

  private static String prefixed(String prefix, String text) {
    StringBuilder out = new StringBuilder(text.length() * 2);
    for (String line : text.split("\n", -1)) {
      out.append(prefix).append(line).append('\n');
    }
    return out.toString();
  }
}
