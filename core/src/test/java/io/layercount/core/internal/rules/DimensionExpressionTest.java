package io.layercount.core.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Dimensions of tensor rows: names, whole numbers and {@code + - * /} with parentheses. */
class DimensionExpressionTest {
  private static final Function<String, OptionalLong> NAMES = name -> {
    Long v = Map.of("width", 768L, "x_proj.out", 80L, "dt_proj.in", 48L, "patchGrid", 196L).get(name);
    return v == null ? OptionalLong.empty() : OptionalLong.of(v);
  };

  private static OptionalLong eval(String text) {
    return DimensionExpression.evaluate(text, NAMES);
  }

  @Test
  void namesNumbersAndOperatorsWithTheUsualPrecedence() {
    assertEquals(OptionalLong.of(768), eval("width"));
    assertEquals(OptionalLong.of(197), eval("patchGrid+1"));
    assertEquals(OptionalLong.of(16), eval("(x_proj.out-dt_proj.in)/2"));
    assertEquals(OptionalLong.of(56), eval("x_proj.out-dt_proj.in/2"));
    assertEquals(OptionalLong.of(1536), eval(" 2 * width "));
    assertEquals(OptionalLong.of(7), eval("((7))"));
  }

  @Test
  void declinesWhatCannotBeASize() {
    assertTrue(eval("unknown+1").isEmpty(), "an unknown name");
    assertTrue(eval("width/5").isEmpty(), "a division with a remainder");
    assertTrue(eval("dt_proj.in-x_proj.out").isEmpty(), "a negative size");
    assertTrue(eval("width-768").isEmpty(), "a size of 0");
    assertTrue(eval("width/0").isEmpty());
    assertTrue(eval("9223372036854775807*2").isEmpty(), "an overflow");
    assertTrue(eval("(width").isEmpty());
    assertTrue(eval("width)").isEmpty());
    assertTrue(eval("width+").isEmpty());
    assertTrue(eval("width width").isEmpty());
    assertTrue(eval("").isEmpty());
    assertTrue(eval("(".repeat(DimensionExpression.MAX_LENGTH + 1)).isEmpty(), "too long to be a dimension");
  }

  @Test
  void deepParenthesesNeedNoStack() {
    int depth = DimensionExpression.MAX_LENGTH / 2 - 1;
    assertEquals(OptionalLong.of(9), eval("(".repeat(depth) + "9" + ")".repeat(depth)));
  }

  @Test
  void findsWholeNamesOnly() {
    assertTrue(DimensionExpression.uses("patchGrid+1", "patchGrid"));
    assertFalse(DimensionExpression.uses("patchGrids", "patchGrid"));
    assertFalse(DimensionExpression.uses("x.patchGrid2", "patchGrid"));
  }
}
