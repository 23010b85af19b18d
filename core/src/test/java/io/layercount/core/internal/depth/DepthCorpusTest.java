package io.layercount.core.internal.depth;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.internal.Analyzer;
import io.layercount.core.model.Network;
import io.layercount.core.testing.Corpus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The inferred {@code depth} against the traced truth of every corpus printout that has one. Prints
 * the misses by root class (the table the depth rules are judged by) and holds the measured share.
 */
class DepthCorpusTest {
  /** The share of traced printouts whose inferred depth equals the truth, as last measured. */
  private static final double FLOOR = 0.959;

  @Test
  void inferredDepthMatchesTheTrace() {
    int known = 0;
    int right = 0;
    Map<String, List<String>> misses = new TreeMap<>();
    for (Corpus.Printout p : Corpus.printouts()) {
      if (p.truth().get("depth").isNull()) {
        continue;
      }
      known++;
      Analysis a = Analyzer.standard().analyze(new Network("pytorch", null, p.root(), false, null, List.of()), 0,
          List.of());
      int truth = p.truth().get("depth").asInt();
      if (a.layers().depth() == truth) {
        right++;
      } else {
        misses.computeIfAbsent(p.truth().get("rootClass").asText(), k -> new ArrayList<>())
            .add(p.file() + " " + a.layers().depth() + " (traced " + truth + ")");
      }
    }
    StringBuilder report = new StringBuilder();
    misses.forEach((root, files) -> report.append(root).append(' ').append(files.size()).append(": ")
        .append(String.join(", ", files)).append('\n'));
    System.out.printf("depth right on %d of %d traced printouts (%.1f%%)%n%s", right, known, 100.0 * right / known,
        report);
    assertTrue(right >= FLOOR * known, right + " of " + known);
  }
}
