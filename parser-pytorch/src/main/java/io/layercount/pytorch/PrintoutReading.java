package io.layercount.pytorch;

import io.layercount.core.Diagnostic;
import java.util.List;

/**
 * The printouts found in one text, and what was said about the text around them.
 *
 * @param printouts the printouts in text order
 * @param diagnostics about text outside every printout (ignored lines, no printout found)
 */
public record PrintoutReading(List<Printout> printouts, List<Diagnostic> diagnostics) {
  public PrintoutReading {
    printouts = List.copyOf(printouts);
    diagnostics = List.copyOf(diagnostics);
  }
}
