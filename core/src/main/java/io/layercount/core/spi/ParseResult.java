package io.layercount.core.spi;

import io.layercount.core.Diagnostic;
import io.layercount.core.model.Network;
import java.util.List;

/**
 * What a parser recovered from one text.
 *
 * @param networks the models found, in text order (several for a log holding several summaries)
 * @param diagnostics problems that belong to no single model (e.g. no model found at all)
 */
public record ParseResult(List<Network> networks, List<Diagnostic> diagnostics) {
  /** Copies the lists, so that the record stays immutable. */
  public ParseResult {
    networks = List.copyOf(networks);
    diagnostics = List.copyOf(diagnostics);
  }
}
