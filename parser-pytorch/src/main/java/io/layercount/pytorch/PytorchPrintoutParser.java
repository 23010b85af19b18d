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
    return PrintoutDetector.score(PrintoutIndent.of(source));
  }

  @Override
  public ParseResult parse(Source source) {
    Source read = PrintoutIndent.of(source);
    Diagnostic note = PrintoutIndent.note(source, read);
    // most texts are one plain printout: read straight into layers, the syntax tree skipped
    ParseResult plain = PlainPrintout.read(read);
    ParseResult result = plain != null ? plain : parseFully(read);
    return note == null ? result : new ParseResult(result.networks(), noted(note, result.diagnostics()));
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
    Source read = PrintoutIndent.of(source);
    PrintoutReading reading = PrintoutReader.read(read);
    Diagnostic note = PrintoutIndent.note(source, read);
    return note == null ? reading : new PrintoutReading(reading.printouts(), noted(note, reading.diagnostics()));
  }

  /** {@code note} before {@code diagnostics}. */
  private static List<Diagnostic> noted(Diagnostic note, List<Diagnostic> diagnostics) {
    List<Diagnostic> all = new ArrayList<>(diagnostics.size() + 1);
    all.add(note);
    all.addAll(diagnostics);
    return all;
  }
}
