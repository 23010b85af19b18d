package io.layercount.core.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.model.Layer;
import io.layercount.core.testing.Corpus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every corpus occurrence that a row of {@code torch-tensors.json} covers owns exactly what the row
 * computes at its place, or at least what a lower-bound row computes (never more), or the row
 * declines (a width it cannot read). Prints a per-class table of hits, bounds and declines.
 */
class TensorRuleCorpusTest {
  @Test
  void tensorRowsMatchCorpusTruth() {
    RuleTable rules = RuleTable.torch();
    Map<String, int[]> table = new TreeMap<>();
    List<String> misses = new ArrayList<>();
    for (Corpus.Printout p : Corpus.printouts()) {
      StreamWidths places = new StreamWidths(p.root(), rules, null);
      for (Corpus.Module m : p.modules()) {
        Layer printed = p.printed().get(m.path());
        if (printed == null || !rules.knowsTensors(m.type()) || rules.tensorRowFor(printed, places.of(printed)) == null) {
          continue;
        }
        Resolution r = rules.resolve(printed, null, places.of(printed));
        int column = r.known() && r.exact() ? 0 : r.ownParameters() > 0 || Resolution.MISSING.equals(r.basis())
            || Resolution.NEEDS_INPUT.equals(r.basis()) ? 1 : 2;
        table.computeIfAbsent(m.type(), t -> new int[3])[column]++;
        boolean wrong = column == 0 ? r.ownParameters() != m.ownParams() : r.ownParameters() > m.ownParams();
        if (wrong) {
          misses.add(p.file() + " " + m.path() + " " + m.type() + " computed " + r.ownParameters()
              + (column == 0 ? " exact" : " bound") + ", truth " + m.ownParams() + " " + m.shapes());
        }
      }
    }
    StringBuilder report = new StringBuilder(
        "torch-tensors.json rows against corpus truth (class: exact hits / lower bounds / declined)\n");
    table.forEach((type, n) -> report.append(String.format("  %-34s %7d / %d / %d%n", type, n[0], n[1], n[2])));
    System.out.print(report);
    assertTrue(!table.isEmpty(), "no corpus occurrence is covered by a tensor row");
    assertEquals(List.of(), misses.subList(0, Math.min(20, misses.size())), misses.size() + " misses");
  }
}
