package io.layercount.core.spi;

import io.layercount.core.Diagnostic;
import io.layercount.core.model.Network;
import java.util.ArrayList;
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

  /**
   * This result with {@code notes} before its diagnostics (what a parser changed in the text before
   * reading it, say); this result itself where there are none.
   */
  public ParseResult notedFirst(List<Diagnostic> notes) {
    if (notes.isEmpty()) {
      return this;
    }
    List<Diagnostic> all = new ArrayList<>(notes.size() + diagnostics.size());
    all.addAll(notes);
    all.addAll(diagnostics);
    return new ParseResult(networks, all);
  }
}
