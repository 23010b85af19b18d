package io.layercount.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.layercount.core.Limits;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A text's indent step (the greatest common divisor of its indents), and the text read in other
 * steps with every character at its original column. Both readings of a text, by bytes and by
 * characters, agree.
 */
class SourceIndentStepTest {
  private static final String FOUR = "Net(\n    (block): Sequential(\n        (fc): Linear(in_features=4, out_features=2)\n"
      + "    )\n)\n";

  @Test
  void theStepIsTheGreatestCommonDivisorOfTheIndents() {
    assertStep(4, FOUR);
    assertStep(2, "Net(\n  (fc): Linear()\n)\n");
    assertStep(3, "a\n   b\n      c\n");
    assertStep(2, "a\n    b\n      c\n");
    assertStep(1, "a\n    b\n     c\n");
    assertStep(0, "a\nb\n");
    assertStep(0, "");
  }

  @Test
  void blankLinesAndTheCommonIndentDoNotCount() {
    // the blank line of 3 spaces is no indent; the common indent of 2 is cut before the step is taken
    assertStep(4, "  a\n   \n      b\n  c\n");
  }

  @Test
  void readInStepsOfTwoEveryLevelIsTwoSpaces() {
    for (Source source : both(FOUR)) {
      Source read = source.reindented(4, 2);
      assertEquals("Net(\n  (block): Sequential(\n    (fc): Linear(in_features=4, out_features=2)\n  )\n)\n", read.text());
      assertEquals(List.of(0, 2, 4, 2, 0), read.lines().stream().map(Source.Line::indent).toList());
      assertEquals(2, read.indentStep());
      assertNull(read.ascii(), "the lines are strings");
      assertEquals(source.repairs(), read.repairs());
    }
  }

  @Test
  void everyCharacterKeepsItsOriginalColumn() {
    for (Source source : both("  Net(\n        (fc): Linear()\n  )\n")) {
      // the common indent (2) is cut first: the child's 6 spaces are 2 steps of 3 in
      Source read = source.reindented(3, 2);
      Source.Line child = read.lines().get(1);
      assertEquals("    (fc): Linear()", child.text());
      assertEquals(9, child.column(child.text().indexOf('(')), "where '(' stands in the input");
      assertEquals(3, read.lines().get(0).column(0));
    }
  }

  @Test
  void whatIsLeftOfAStepStays() {
    for (Source source : both("a\n     b\n\n c\n")) {
      assertEquals("a\n   b\n\n c\n", source.reindented(4, 2).text());
    }
  }

  @Test
  void onlyAWiderStepIsReadAsANarrowerOne() {
    Source source = Source.of("t", FOUR);
    assertThrows(IllegalArgumentException.class, () -> source.reindented(2, 2));
    assertThrows(IllegalArgumentException.class, () -> source.reindented(2, 4));
    assertThrows(IllegalArgumentException.class, () -> source.reindented(4, 0));
  }

  @Test
  void aTextWithNoIndentIsTheSameText() {
    Source source = Source.of("t", "a\nb\n");
    Source read = source.reindented(4, 2);
    assertEquals(source.text(), read.text());
    assertSame(source.lines().get(1), read.lines().get(1));
  }

  private static void assertStep(int step, String text) {
    for (Source source : both(text)) {
      assertEquals(step, source.indentStep(), text);
    }
  }

  /** The text read by bytes and by characters. */
  private static List<Source> both(String text) {
    return List.of(Source.of("t", text), Source.ofText("t", text, Limits.DEFAULT));
  }
}
