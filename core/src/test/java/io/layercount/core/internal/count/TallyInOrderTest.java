package io.layercount.core.internal.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.internal.rules.RuleTable;
import io.layercount.core.model.Layer;
import io.layercount.core.testing.Corpus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sums made beside the answers, in printed order, where every layer stands on a line of its own
 * are those of a {@link Tally} walking the answered tree: every corpus printout, its hidden
 * children added.
 */
class TallyInOrderTest {
  private static final RuleTable RULES = RuleTable.torch();

  private static List<Object> sums(Tally t) {
    List<Object> out = new ArrayList<>(List.of(t.parameters, t.weighted, t.parameterized, t.leaves, t.modules, t.exact,
        new ArrayList<>(t.unknownTypes.entrySet()), new ArrayList<>(t.assumptions), new ArrayList<>(t.why.entrySet())));
    for (Map.Entry<String, long[]> e : t.byType.entrySet()) {
      out.add(e.getKey() + "=" + e.getValue()[0]);
    }
    return out;
  }

  @Test
  void everyCorpusPrintoutHasTheSumsOfAWalkOfItsAnsweredTree() {
    int inOrder = 0;
    for (Corpus.Printout p : Corpus.printouts()) {
      TreeSurvey survey = TreeSurvey.of(p.root(), RULES);
      Layer root = survey.anyHidden() ? HiddenChildren.rebuild(p.root(), RULES) : p.root();
      Resolved resolved = new Resolved(root, RULES, null, false, false, survey.nodes(),
          survey.linesIncrease() ? survey.firstLine() : 1, survey.linesIncrease() ? survey.lastLine() : 0);
      if (!survey.linesIncrease()) {
        assertFalse(resolved.talliedInOrder(), p.file());
        continue;
      }
      assertTrue(resolved.talliedInOrder(), p.file());
      assertEquals(sums(new Tally(root, resolved)), sums(resolved.tally()), p.file());
      inOrder++;
    }
    assertTrue(inOrder > 1_000, "printouts summed in order: " + inOrder);
  }
}
