package io.layercount.core.internal.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.internal.rules.RuleTable;
import io.layercount.core.model.Arguments;
import io.layercount.core.model.Layer;
import java.util.List;
import org.junit.jupiter.api.Test;

class TreeSurveyTest {
  private static final RuleTable RULES = RuleTable.torch();

  private static Layer leaf(String name, String type) {
    return Layer.of(name, type, Arguments.NONE, List.of(), 1);
  }

  private static Layer stated(String name, Long params, boolean repeated) {
    Layer.Stated s = new Layer.Stated(params, null, null, List.of(), List.of(), Layer.ParamScope.SUBTREE, repeated,
        List.of());
    return new Layer(name, "Linear", Arguments.NONE, List.of(), 1, s, 2);
  }

  @Test
  void countsEveryPlaceOfATreeAndFindsNothingInAPlainPrintout() {
    Layer relu = leaf("act", "ReLU");
    Layer block = Layer.of("0", "Block", Arguments.NONE, List.of(leaf("conv", "Conv2d"), relu), 2);
    Layer root = Layer.of("", "Net", Arguments.NONE, List.of(block, block, relu), 1); // shared: counted at each place
    TreeSurvey survey = TreeSurvey.of(root, RULES);
    assertEquals(1 + 3 + 3 + 1, survey.nodes());
    assertFalse(survey.statedCounts());
    assertFalse(survey.anyHidden());
  }

  @Test
  void aCountStatedBelowTheRootOrARepeatedRowMeansStatedCountsButOneOnTheRootDoesNot() {
    Layer onRoot = new Layer("", "Net", Arguments.NONE, List.of(leaf("fc", "Linear")), 1,
        new Layer.Stated(10L, null, null, List.of()), 1);
    assertFalse(TreeSurvey.of(onRoot, RULES).statedCounts());
    Layer deep = Layer.of("", "Net", Arguments.NONE,
        List.of(Layer.of("body", "Seq", Arguments.NONE, List.of(stated("fc", 10L, false)), 2)), 1);
    assertTrue(TreeSurvey.of(deep, RULES).statedCounts());
    Layer repeat = Layer.of("", "Net", Arguments.NONE, List.of(stated("fc", null, true)), 1);
    assertTrue(TreeSurvey.of(repeat, RULES).statedCounts());
  }

  @Test
  void aLeafWhoseClassHidesChildrenIsFoundWhereverItSits() {
    Layer pool = leaf("global_pool", "SelectAdaptivePool2d");
    assertFalse(RULES.hiddenChildren("SelectAdaptivePool2d").isEmpty(), "the rule this test relies on");
    Layer root = Layer.of("", "Net", Arguments.NONE,
        List.of(leaf("stem", "Conv2d"), Layer.of("head", "Head", Arguments.NONE, List.of(pool), 3)), 1);
    assertTrue(TreeSurvey.of(root, RULES).anyHidden());
  }

  private static Layer on(int line, String name, Layer... children) {
    return Layer.of(name, children.length == 0 ? "ReLU" : "Block", Arguments.NONE, List.of(children), line);
  }

  @Test
  void linesThatIncreaseInPrintedOrderAreFoundWithTheirSpan() {
    // Net( / (a): Block( / (x): ReLU() / ) / (b): ReLU() / ): the closing lines hold no layer
    Layer root = on(1, "", on(2, "a", on(3, "x")), on(5, "b"));
    TreeSurvey survey = TreeSurvey.of(root, RULES);
    assertTrue(survey.linesIncrease());
    assertEquals(1, survey.firstLine());
    assertEquals(5, survey.lastLine());
  }

  @Test
  void aLayerAtTwoPlacesOrLinesOutOfOrderGiveNoSpan() {
    Layer shared = on(3, "x");
    assertFalse(TreeSurvey.of(on(1, "", on(2, "a", shared), shared), RULES).linesIncrease(), "one layer at two places");
    assertFalse(TreeSurvey.of(on(1, "", on(3, "a"), on(2, "b")), RULES).linesIncrease(), "a later layer on an earlier line");
    assertFalse(TreeSurvey.of(on(0, "", on(0, "a"), on(0, "b")), RULES).linesIncrease(), "layers a program made, all on line 0");
  }
}
