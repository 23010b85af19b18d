package io.layercount.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.layercount.core.Analysis;
import io.layercount.core.model.Network;
import io.layercount.core.testing.Corpus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine over every corpus printout: a total called exact equals the framework's sum, a lower
 * bound never exceeds it. Also reports how often each convention agrees with the corpus truth.
 */
class AnalyzerCorpusTest {
  @Test
  void exactTotalsAreRightAndLowerBoundsAreBelow() {
    List<String> dishonest = new ArrayList<>();
    int exact = 0;
    int exactModules = 0;
    int modules = 0;
    int leaves = 0;
    int depthKnown = 0;
    int depthRight = 0;
    int blocks = 0;
    int n = 0;
    for (Corpus.Printout p : Corpus.printouts()) {
      n++;
      Network network = new Network("pytorch", null, p.root(), false, null, List.of());
      Analysis a = Analyzer.standard().analyze(network, 0, List.of());
      JsonNode t = p.truth();
      long truth = t.get("params").asLong();
      long total = a.parameters().total();
      if (a.parameters().exact()) {
        exact++;
        if (total != truth && total - truth != biasFreeLayerNormBiases(p)) {
          dishonest.add(p.file() + ": exact " + total + " but truth " + truth);
        }
      } else if (total > truth) {
        dishonest.add(p.file() + ": lower bound " + total + " above truth " + truth);
      }
      modules += a.layers().modules() == t.get("modules").asInt() ? 1 : 0;
      exactModules += a.parameters().exact() && a.layers().modules() == t.get("modules").asInt() ? 1 : 0;
      leaves += a.layers().leaves() == t.get("leaves").asInt() ? 1 : 0;
      if (!t.get("depth").isNull()) {
        depthKnown++;
        depthRight += a.layers().depth() == t.get("depth").asInt() ? 1 : 0;
      }
      blocks += java.util.Objects.equals(a.layers().blocks(), longestStack(t)) ? 1 : 0;
    }
    System.out.printf("engine over %d corpus printouts: parameters exact %d; modules right %d; leaves right %d;"
        + " depth right %d of %d traced; blocks equal to the longest truth stack %d%n",
        n, exact, modules, leaves, depthRight, depthKnown, blocks);
    assertEquals(List.of(), dishonest);
  }

  /**
   * What {@code LayerNorm(bias=False)} (printed like any LayerNorm, the documented caveat) makes the
   * layer-norm rule over-count: the biases those modules do not have, from the module truth.
   */
  private static long biasFreeLayerNormBiases(Corpus.Printout p) {
    long missing = 0;
    for (Corpus.Module m : p.modules()) {
      if (m.type().equals("LayerNorm") && m.shapes().has("weight") && !m.shapes().has("bias")) {
        missing += m.ownParams();
      }
    }
    return missing;
  }

  private static Integer longestStack(JsonNode truth) {
    Integer best = null;
    for (JsonNode s : truth.get("stacks")) {
      int count = s.get(2).asInt();
      if (best == null || count > best) {
        best = count;
      }
    }
    return best;
  }
}
