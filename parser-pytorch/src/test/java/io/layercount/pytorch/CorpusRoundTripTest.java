package io.layercount.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Diagnostic;
import io.layercount.core.Severity;
import io.layercount.core.model.Network;
import io.layercount.core.spi.ParseResult;
import io.layercount.core.spi.Source;
import io.layercount.core.testing.Logged;
import io.layercount.core.testing.Pasted;
import io.layercount.core.testing.Trees;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every corpus printout reads cleanly, renders back byte for byte, and reads the same through copy damage. */
class CorpusRoundTripTest {
  private final PytorchPrintoutParser parser = new PytorchPrintoutParser();

  @Test
  void everyPrintoutReadsWithoutProblemsAndRendersBackExactly() {
    Path dir = Corpus.pytorchDir();
    List<Path> files = Corpus.printouts(dir);
    assertEquals(1136, files.size(), "printouts in the corpus");
    List<String> failures = new ArrayList<>();
    for (Path file : files) {
      String text = Corpus.read(dir.resolve(file));
      PrintoutReading reading = parser.read(Source.of(file.toString(), text));
      if (reading.printouts().size() != 1) {
        failures.add(file + ": " + reading.printouts().size() + " printouts " + reading.diagnostics());
        continue;
      }
      Printout printout = reading.printouts().get(0);
      List<Diagnostic> all = new ArrayList<>(reading.diagnostics());
      all.addAll(printout.diagnostics());
      if (!all.isEmpty()) {
        failures.add(file + ": " + all);
      }
      if (printout.legacy()) {
        failures.add(file + ": read as legacy");
      }
      String rendered = PytorchPrinter.render(printout);
      if (!rendered.equals(text)) {
        failures.add(file + ": renders differently from line " + firstDifferentLine(text, rendered));
      }
    }
    assertTrue(failures.isEmpty(), failures.size() + " failure(s):\n" + String.join("\n", head(failures)));
  }

  @Test
  void crlfTabsAndQuoteGiveTheSameTree() {
    assertEveryPrintoutReadsTheSameThrough(CopyDamage::crlfTabsQuote);
  }

  /**
   * A printout indented with a tab per level reads as the printout: each leading tab is a step of
   * two spaces there (at stops of 8 its levels were 8 columns apart, which no reading took for a
   * printout: the modern ones were "no model found", the legacy ones a stray line of them).
   */
  @Test
  void aTabPerLevelGivesTheSameTree() {
    assertEveryPrintoutReadsTheSameThrough(reaching(CopyDamage::tabPerLevel, "\t"));
  }

  /**
   * A printout indented 3, 4 or 8 spaces a level reads as the printout, its steps read as 2 spaces
   * (read as they were, the modern ones were "no model found" and a legacy one its last small module).
   */
  @ParameterizedTest
  @ValueSource(ints = {3, 4, 8})
  void aWiderIndentGivesTheSameTree(int width) {
    assertEveryPrintoutReadsTheSameThrough(
        reaching(text -> CopyDamage.widened(text, width), "\n" + " ".repeat(width) + "("));
  }

  /**
   * A printout hard-wrapped at 60, 80 or 100 columns (a terminal's width, {@code fold}) reads as the
   * printout, its cut lines joined again (read as they were, it fell apart into pieces, each cut
   * short, none exact). Each width cuts lines in hundreds of the corpus's printouts.
   */
  @ParameterizedTest
  @ValueSource(ints = {60, 80, 100})
  void aHardWrapGivesTheSameTree(int width) {
    int[] cut = {0};
    // the pieces are lines of their own: a layer after a cut stands on a later line than it did
    assertEveryPrintoutReadsTheSameThrough(text -> {
      String wrapped = CopyDamage.hardWrapped(text, width);
      cut[0] += wrapped.equals(text) ? 0 : 1;
      return wrapped;
    }, Trees::withoutLines);
    assertTrue(cut[0] > 400, cut[0] + " printouts cut");
  }

  /** A printout whose indent a page or chat copied as no-break spaces reads as the printout (it was "no model found"). */
  @Test
  void aNoBreakSpaceIndentGivesTheSameTree() {
    assertEveryPrintoutReadsTheSameThrough(reaching(CopyDamage::noBreakIndent, "\u00A0"));
  }

  /**
   * A printout whose every line is numbered ({@code cat -n}) or stamped with the time (a CI job's
   * log) reads as the printout, the prefix cut (it was "no model found").
   */
  @Test
  void aLineNumberOrTimeStampBeforeEveryLineGivesTheSameTree() {
    assertEveryPrintoutReadsTheSameThrough(CopyDamage::numbered);
    assertEveryPrintoutReadsTheSameThrough(CopyDamage::timeStamped);
  }

  /** A logger's prefix repeated on every line ({@code INFO:root:}) is cut before any parser reads the text. */
  @Test
  void aLoggersPrefixOnEveryLineGivesTheSameTree() {
    assertEveryPrintoutReadsTheSameThrough(text -> ("\n" + text).replace("\n", "\nINFO:root:").substring(1));
  }

  /**
   * A printout pasted as an indented block under a line of prose (a Markdown code block), or as R
   * Markdown renders a chunk's output (each line after {@code ## } in such a block), gives the same
   * tree: the indent and the mark are cut from the block's lines (the mark was not: the block's
   * indent, which the prose does not share, hid it).
   */
  @Test
  void aPrintoutPastedAsAnIndentedBlockGivesTheSameTree() {
    Path dir = Corpus.pytorchDir();
    List<String> failures = new ArrayList<>();
    for (Path file : Corpus.printouts(dir)) {
      String text = Corpus.read(dir.resolve(file));
      List<List<Object>> clean = parser.parse(Source.of(file.toString(), text)).networks().stream()
          .map(CorpusRoundTripTest::read).toList();
      for (UnaryOperator<String> paste : List.<UnaryOperator<String>>of(Pasted::asIndentedBlock, Pasted::asRMarkdownOutput)) {
        String pasted = paste.apply(text);
        ParseResult read = parser.parse(Source.of(file.toString(), pasted));
        // the prose and fences around the block are text the parser may warn it skipped; nothing else
        Set<Integer> around = Pasted.aroundLines(pasted);
        if (!read.networks().stream().map(CorpusRoundTripTest::read).toList().equals(clean)
            || read.diagnostics().stream().anyMatch(d -> d.severity() != Severity.INFO && !around.contains(d.line()))) {
          failures.add(file + ": " + head(read.diagnostics().stream().map(Diagnostic::toString).toList()));
        }
      }
    }
    assertTrue(failures.isEmpty(), failures.size() + " failure(s):\n" + String.join("\n", head(failures)));
  }

  /** What a network read holds but for its line numbers and its diagnostics (a cut said there is an info). */
  private static List<Object> read(Network network) {
    Network n = Trees.withoutLines(network);
    return List.of(n.format(), n.root(), n.graphKnown(), String.valueOf(n.totals()),
        n.diagnostics().stream().filter(d -> d.severity() != Severity.INFO).toList());
  }

  /**
   * A printout logged line by line among a log's other lines, each after a time stamp (the other
   * lines of other levels, a progress line with none), reads as the printout, the time stamps cut
   * from its lines and said (it was "no model found"); the log's other lines are text around it.
   */
  @Test
  void aPrintoutLoggedAmongOtherLinesGivesTheSameTree() {
    Path dir = Corpus.pytorchDir();
    List<String> failures = new ArrayList<>();
    for (Path file : Corpus.printouts(dir)) {
      String text = Corpus.read(dir.resolve(file));
      List<Network> clean = parser.parse(Source.of(file.toString(), text)).networks().stream()
          .map(Trees::withoutLines).toList();
      ParseResult logged = parser.parse(Source.of(file.toString(), Logged.timeStamped(text)));
      if (!logged.networks().stream().map(Trees::withoutLines).toList().equals(clean)
          || logged.diagnostics().stream().noneMatch(d -> d.message().startsWith("removed the prefix"))) {
        failures.add(file + ": " + head(logged.diagnostics().stream().map(Diagnostic::toString).toList()));
      }
    }
    assertTrue(failures.isEmpty(), failures.size() + " failure(s):\n" + String.join("\n", head(failures)));
  }

  /** {@code damage}, checked to reach some indented line of each printout: {@code mark} in what it gives. */
  private static UnaryOperator<String> reaching(UnaryOperator<String> damage, String mark) {
    return text -> {
      String damaged = damage.apply(text);
      assertTrue(damaged.contains(mark), "no line indented");
      return damaged;
    };
  }

  /** Every corpus printout, {@code damaged}, gives the same networks with nothing but info diagnostics. */
  private void assertEveryPrintoutReadsTheSameThrough(UnaryOperator<String> damage) {
    assertEveryPrintoutReadsTheSameThrough(damage, UnaryOperator.identity());
  }

  /** As {@link #assertEveryPrintoutReadsTheSameThrough(UnaryOperator)}, each network {@code compared} as given. */
  private void assertEveryPrintoutReadsTheSameThrough(UnaryOperator<String> damage, UnaryOperator<Network> compared) {
    Path dir = Corpus.pytorchDir();
    List<String> failures = new ArrayList<>();
    for (Path file : Corpus.printouts(dir)) {
      String text = Corpus.read(dir.resolve(file));
      List<Network> clean = parser.parse(Source.of(file.toString(), text)).networks().stream().map(compared).toList();
      ParseResult damaged = parser.parse(Source.of(file.toString(), damage.apply(text)));
      if (!damaged.networks().stream().map(compared).toList().equals(clean)) {
        failures.add(file.toString());
      }
      if (damaged.diagnostics().stream().anyMatch(d -> d.severity() != Severity.INFO)) {
        failures.add(file + ": " + damaged.diagnostics());
      }
    }
    assertTrue(failures.isEmpty(), failures.size() + " failure(s):\n" + String.join("\n", head(failures)));
  }

  private static List<String> head(List<String> failures) {
    return failures.subList(0, Math.min(20, failures.size()));
  }

  private static int firstDifferentLine(String a, String b) {
    String[] x = a.split("\n", -1);
    String[] y = b.split("\n", -1);
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      if (!x[i].equals(y[i])) {
        return i + 1;
      }
    }
    return Math.min(x.length, y.length) + 1;
  }
}
