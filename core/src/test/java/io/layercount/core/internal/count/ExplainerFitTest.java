package io.layercount.core.internal.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.internal.rules.RuleTable;
import io.layercount.core.model.Arguments;
import io.layercount.core.model.Layer;
import io.layercount.core.model.Network;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Explainer#fit} against the explanation itself: where it says the explanation is cut, or
 * whole, making it says the same, and the analysis (which then makes it only when asked) lists
 * what the explanation made at once lists, with the diagnostic exactly where it is cut.
 */
class ExplainerFitTest {
  private static final String CUT_NOTE = "the explanation lists only the first module occurrences";
  private static final RuleTable RULES = RuleTable.torch();
  private static final int[] REPEATS = {1, 1, 1, 2, 3, 7, 40, 300, 2_000, 30_000};

  @Test
  void whatFitTellsIsWhatTheExplanationDoes() {
    Random random = new Random(20261203);
    Map<Explainer.Fit, Integer> seen = new EnumMap<>(Explainer.Fit.class);
    for (int round = 0; round < 300; round++) {
      // long keys and short runs in some rounds, so that the bound on paths is passed before the
      // occurrences are
      boolean longKeys = round % 3 == 0;
      Layer root = Layer.of("", "Model", Arguments.NONE,
          children(random, 0, longKeys ? 30_000 : 3, longKeys ? 7 : REPEATS.length), 1);
      Explainer.Fit fit = Explainer.fit(root);
      seen.merge(fit, 1, Integer::sum);
      Resolved resolved = new Resolved(root, RULES);
      StructureDepth structure = new StructureDepth(root, l -> resolved.of(l).weighted(), resolved.size());
      Explainer eager = new Explainer(root, resolved, structure, new Blocks(root), null);
      if (fit != Explainer.Fit.UNSURE) {
        assertEquals(fit == Explainer.Fit.CUT, eager.truncated, "round " + round + ": " + fit);
      }
      Analysis analysis = Counting.analyze(new Network("pytorch", null, root, false, null, List.of()), RULES, 0,
          List.of());
      assertEquals(eager.explanation().counted(), analysis.explanation().counted(), "round " + round);
      assertEquals(eager.explanation().excluded(), analysis.explanation().excluded(), "round " + round);
      assertEquals(eager.truncated, analysis.diagnostics().stream().anyMatch(d -> d.message().startsWith(CUT_NOTE)),
          "round " + round);
    }
    // each answer was given often enough to have been tested
    for (Explainer.Fit fit : Explainer.Fit.values()) {
      assertTrue(seen.getOrDefault(fit, 0) >= 20, fit + " seen " + seen.get(fit) + " times");
    }
  }

  @Test
  void theLimitItselfFits() {
    // the root and LIMIT - 1 occurrences of one leaf: LIMIT in all, none left out
    Layer leaf = new Layer("0", "ReLU", Arguments.NONE, List.of(), Explainer.LIMIT - 1, null, 2);
    Layer exact = Layer.of("", "ModuleList", Arguments.NONE, List.of(leaf), 1);
    assertEquals(Explainer.Fit.WHOLE, Explainer.fit(exact));
    Layer over = Layer.of("", "ModuleList", Arguments.NONE,
        List.of(new Layer("0", "ReLU", Arguments.NONE, List.of(), Explainer.LIMIT, null, 2)), 1);
    assertEquals(Explainer.Fit.CUT, Explainer.fit(over));
    Resolved resolved = new Resolved(over, RULES);
    StructureDepth structure = new StructureDepth(over, l -> resolved.of(l).weighted(), resolved.size());
    assertTrue(new Explainer(over, resolved, structure, new Blocks(over), null).truncated);
    Resolved whole = new Resolved(exact, RULES);
    StructureDepth exactDepth = new StructureDepth(exact, l -> whole.of(l).weighted(), whole.size());
    assertFalse(new Explainer(exact, whole, exactDepth, new Blocks(exact), null).truncated);
  }

  private static List<Layer> children(Random random, int depth, int keyLength, int repeats) {
    List<Layer> out = new ArrayList<>();
    int count = depth >= 4 ? 0 : random.nextInt(depth == 0 ? 5 : 4);
    for (int i = 0; i < count; i++) {
      int repeat = REPEATS[random.nextInt(repeats)];
      String name = random.nextBoolean() ? Integer.toString(i) : "k".repeat(1 + random.nextInt(keyLength)) + i;
      List<Layer> below = children(random, depth + 1, keyLength, repeats);
      if (below.isEmpty()) {
        boolean linear = random.nextBoolean();
        out.add(new Layer(name, linear ? "Linear" : "ReLU",
            linear ? Arguments.parse("in_features=8, out_features=8, bias=True") : Arguments.NONE, List.of(), repeat,
            null, 1 + i));
      } else {
        out.add(new Layer(name, random.nextBoolean() ? "Sequential" : "ModuleList", Arguments.NONE, below, repeat, null,
            1 + i));
      }
    }
    return out;
  }
}
