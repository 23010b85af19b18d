package io.layercount.core.internal;

import io.layercount.core.Analysis;
import io.layercount.core.Diagnostic;
import io.layercount.core.model.Network;
import java.util.List;

/** Applies the parameter rules and every convention to a network. Stateless and thread-safe. */
public final class Analyzer {
  private static final Analyzer STANDARD = new Analyzer();

  public static Analyzer standard() {
    return STANDARD;
  }

  /**
   * Analyses one network.
   *
   * @param index which summary of the text it is
   * @param extra diagnostics about the whole text, reported with this network
   */
  public Analysis analyze(Network network, int index, List<Diagnostic> extra) {
    throw new UnsupportedOperationException("not written yet");
  }
}
