package io.layercount.pytorch;

import io.layercount.core.Diagnostic;
import io.layercount.core.model.Network;
import io.layercount.core.spi.ParseResult;
import io.layercount.core.spi.Source;
import io.layercount.core.spi.SummaryParser;
import java.util.ArrayList;
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
    // cut lines are looked for only where no printout shows without them
    double score = PrintoutDetector.score(PrintoutIndent.of(source));
    return score > 0 ? score : PrintoutDetector.score(readable(source));
  }

  @Override
  public ParseResult parse(Source source) {
    Source read = readable(source);
    // most texts are one plain printout: read straight into layers, the syntax tree skipped
    ParseResult plain = PlainPrintout.read(read);
    ParseResult result = plain != null ? plain : parseFully(read);
    return read == source ? result : new ParseResult(result.networks(), noted(source, result.diagnostics()));
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
    Source read = readable(source);
    PrintoutReading reading = PrintoutReader.read(read);
    return read == source ? reading : new PrintoutReading(reading.printouts(), noted(source, reading.diagnostics()));
  }

  /**
   * The text to read as printouts: {@code source}, or its lines a hard wrap cut joined again
   * ({@link PrintoutWraps}), then read in steps of 2 where it is indented wider ({@link PrintoutIndent}).
   */
  private static Source readable(Source source) {
    return PrintoutIndent.of(PrintoutWraps.of(source));
  }

  /** What {@link #readable} changed of {@code source}, before {@code diagnostics}. */
  private static List<Diagnostic> noted(Source source, List<Diagnostic> diagnostics) {
    Source joined = PrintoutWraps.of(source);
    List<Diagnostic> all = new ArrayList<>(diagnostics.size() + 2);
    Diagnostic wraps = PrintoutWraps.note(source, joined);
    if (wraps != null) {
      all.add(wraps);
    }
    Diagnostic indent = PrintoutIndent.note(joined, PrintoutIndent.of(joined));
    if (indent != null) {
      all.add(indent);
    }
    all.addAll(diagnostics);
    return all;
  }
}
