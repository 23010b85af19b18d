package io.layercount.core.testing;

import io.layercount.core.Analysis;
import io.layercount.core.internal.Analyzer;
import io.layercount.core.model.Network;
import java.util.List;

/** Analyses of printout excerpts written inline in a test, line by line. */
public final class Printouts {
  private Printouts() {}

  /** What {@code analyzer} reports on the PyTorch printout made of {@code lines}. */
  public static Analysis analyse(Analyzer analyzer, String... lines) {
    return analyzer.analyze(new Network("pytorch", null, PrintoutTree.parse(String.join("\n", lines)), false, null,
        List.of()), 0, List.of());
  }

  /** What the standard rules report on the PyTorch printout made of {@code lines}. */
  public static Analysis analyse(String... lines) {
    return analyse(Analyzer.standard(), lines);
  }
}
