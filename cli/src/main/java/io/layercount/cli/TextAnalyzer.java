package io.layercount.cli;

import io.layercount.core.Analysis;
import io.layercount.core.LayerFacts;
import io.layercount.core.model.Network;
import java.util.List;

/**
 * What the command line needs from the library: one input's bytes in (the library decodes them, and
 * reads ASCII from the bytes themselves), one analysis per model out.
 * Tests pass their own to check the command line apart from the parsers and the counting engine.
 */
@FunctionalInterface
interface TextAnalyzer {
  List<Analysis> analyze(String name, byte[] bytes);

  /** What the rules this analyzer follows say about each module of {@code network}. */
  default LayerFacts facts(Network network) {
    return LayerFacts.of(network);
  }
}
