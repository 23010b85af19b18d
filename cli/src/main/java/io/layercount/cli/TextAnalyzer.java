package io.layercount.cli;

import io.layercount.core.Analysis;
import io.layercount.core.DecodedText;
import java.util.List;

/**
 * What the command line needs from the library: one decoded text in, one analysis per model out.
 * Tests pass their own to check the command line apart from the parsers and the counting engine.
 */
@FunctionalInterface
interface TextAnalyzer {
  List<Analysis> analyze(String name, DecodedText text);
}
