package io.layercount.pytorch;

import io.layercount.core.Diagnostic;
import io.layercount.core.Severity;
import io.layercount.core.model.Network;
import io.layercount.core.spi.ParseResult;
import io.layercount.core.spi.Source;
import io.layercount.core.spi.SummaryParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads PyTorch {@code print(model)} printouts: the modern form (0.4 and later, collapsed
 * {@code ModuleList} runs included), the legacy 0.1–0.3 form ({@code Sequential (},
 * {@code Linear (512 -> 1000)}, braces) and mixtures, with text before, between and after them.
 *
 * <p>What copying does to a printout in particular is undone first, each change said in an
 * {@code info} diagnostic: lines a hard wrap cut are joined again ({@link PrintoutWraps}), and an
 * indent of 3 to 8 spaces a level is read in steps of 2 ({@link PrintoutIndent}).
 *
 * <p>Each printout becomes a {@link Network} of format {@code pytorch} or {@code pytorch-legacy}
 * whose layer tree mirrors the text; counting parameters is left to the analyzer. Stateless and
 * thread-safe.
 */
public final class PytorchPrintoutParser implements SummaryParser {
  @Override
  public String family() {
    return "pytorch";
  }

  @Override
  public double detect(Source source) {
    // a hard wrap cuts lines but leaves a printout's first lines, which tell it, as they were: its
    // cut lines are looked for only where no printout shows without them; so is a logger's prefix
    // that differs from line to line (a time stamp) where the log's other lines differ too
    double score = PrintoutDetector.score(PrintoutIndent.of(source, null));
    if (score > 0) {
      return score;
    }
    score = PrintoutDetector.score(readable(source, null));
    if (score > 0) {
      return score;
    }
    Source unprefixed = unprefixed(source);
    score = unprefixed == source ? 0 : PrintoutDetector.score(readable(unprefixed, null));
    if (score > 0) {
      return score;
    }
    // a printout whose every indent was lost (pasted into Markdown outside a code block)
    Source indented = PrintoutIndent.byParentheses(source, new ArrayList<>(1));
    return indented == source ? 0 : PrintoutDetector.score(indented);
  }

  @Override
  public ParseResult parse(Source source) {
    ParseResult result = parseReadable(source);
    if (!result.networks().isEmpty() && errors(result) == 0) {
      return result;
    }
    // fell apart: module lines wrapped at their words (a book's, an editor's), or every indent lost?
    List<Diagnostic> joinNotes = new ArrayList<>(1);
    Source joined = PrintoutIndent.byParentheses(PrintoutWraps.joinedAtParentheses(source, joinNotes), joinNotes);
    if (joined != source) {
      ParseResult rejoined = parseReadable(joined);
      if (!rejoined.networks().isEmpty() && (result.networks().isEmpty() || errors(rejoined) < errors(result))) {
        return rejoined.notedFirst(joinNotes);
      }
    }
    if (!result.networks().isEmpty()) {
      return result;
    }
    // no printout: one logged line by line among a log's other lines, each after a time stamp?
    Source unprefixed = unprefixed(source);
    ParseResult again = unprefixed == source ? result : parseReadable(unprefixed);
    if (again.networks().isEmpty()) {
      return result;
    }
    // the repairs of the source are reported by the caller; the prefix cut here is this parser's to say
    return again.notedFirst(unprefixed.repairsBeyond(source));
  }

  /** {@link #parse} of {@code source} as it is, its copy damage undone ({@link #readable}). */
  private static ParseResult parseReadable(Source source) {
    List<Diagnostic> notes = new ArrayList<>(0);
    Source read = readable(source, notes);
    // most texts are one plain printout: read straight into layers, the syntax tree skipped
    ParseResult plain = PlainPrintout.read(read);
    // a text the short road leaves may hold comments or Markdown's bold in its module lines
    return (plain != null ? plain : parseFully(InlineMarks.cut(read, notes))).notedFirst(notes);
  }

  /** {@link #parse} by the full reading alone: every form, and what it says of the text around. */
  static ParseResult parseFully(Source source) {
    PrintoutReading reading = PrintoutReader.read(source);
    List<Network> networks = new ArrayList<>(reading.printouts().size());
    for (Printout printout : reading.printouts()) {
      networks.add(NetworkBuilder.network(printout));
    }
    return new ParseResult(networks, reading.diagnostics());
  }

  /** The printouts of {@code source} as syntax trees, e.g. to render them with {@link PytorchPrinter}. */
  public PrintoutReading read(Source source) {
    List<Diagnostic> notes = new ArrayList<>(0);
    PrintoutReading reading = PrintoutReader.read(readable(source, notes));
    return notes.isEmpty() ? reading : new PrintoutReading(reading.printouts(), noted(notes, reading.diagnostics()));
  }

  /**
   * The text to read as printouts: {@code source}, or its lines a hard wrap cut joined again
   * ({@link PrintoutWraps}), then read in steps of 2 where it is indented wider ({@link PrintoutIndent});
   * each change said in {@code notes} ({@code null}: not said).
   */
  private static Source readable(Source source, List<Diagnostic> notes) {
    return PrintoutIndent.of(PrintoutWraps.of(source, notes), notes);
  }

  /**
   * {@code source} with a logger's prefix cut from the lines of each printout that a line opens
   * after other text ({@code 2024-03-01 12:00:07,037 - INFO - ResNet(}, a printout logged line by
   * line among a log's other lines): {@link Source#withoutPrefixAround}. A prefix the same on
   * every line of a printout is read as it is ({@link PrintoutStart}).
   */
  private static Source unprefixed(Source source) {
    // the lines that open a block, found in the bytes where the text was read from them
    Source.AsciiLines ascii = source.ascii();
    int[] openers = new int[8];
    int count = 0;
    for (int i = 0; i < source.lines().size(); i++) {
      if (ascii != null ? endsAnOpener(ascii, i) : LineSyntax.openerAtEnd(source.lines().get(i).text(), 0) != null) {
        if (count == openers.length) {
          openers = Arrays.copyOf(openers, 2 * count);
        }
        openers[count++] = i;
      }
    }
    return source.withoutPrefixesAround(Arrays.copyOf(openers, count), t -> {
      ModuleText opener = LineSyntax.openerAtEnd(t, 0);
      // a child's line ("(3): Fire(") is no printout's first: its siblings' keys look like line numbers
      return opener == null || t.substring(0, opener.typeStart()).isBlank()
          || PrintoutStart.isChild(t, LineSyntax.indent(t, 0)) ? 0 : opener.typeStart();
    });
  }

  /** Whether line {@code i}, read in place, ends with {@code (} or {@code {}, as a block's opener does. */
  private static boolean endsAnOpener(Source.AsciiLines ascii, int i) {
    int end = ascii.end(i);
    if (end == ascii.start(i)) {
      return false;
    }
    byte last = ascii.bytes()[end - 1];
    return last == '(' || last == '{';
  }

  /** How many errors {@code result} reports, its networks' own included. */
  private static long errors(ParseResult result) {
    long n = result.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).count();
    for (Network network : result.networks()) {
      n += network.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).count();
    }
    return n;
  }

  /** {@code notes} before {@code diagnostics}. */
  private static List<Diagnostic> noted(List<Diagnostic> notes, List<Diagnostic> diagnostics) {
    List<Diagnostic> all = new ArrayList<>(notes.size() + diagnostics.size());
    all.addAll(notes);
    all.addAll(diagnostics);
    return all;
  }
}
