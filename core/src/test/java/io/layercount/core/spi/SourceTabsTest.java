package io.layercount.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.layercount.core.Diagnostic;
import io.layercount.core.Limits;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tabs are expanded to stops of 8, but for a text indented with tabs alone, where each tab before a
 * line's first character is one indent step of 2 spaces: a printout whose indent an editor turned
 * into a tab per level. Both readings of a text, by bytes and by characters, agree.
 */
class SourceTabsTest {
  private static final String STEPS = "read each leading tab as an indent of 2 spaces (a text indented with tabs),"
      + " other tabs at stops of 8, in ";
  private static final String STOPS = "expanded tabs to spaces (stops of 8) in ";

  @Test
  void aTabPerLevelIsAStepOfTwoSpaces() {
    String text = "Net(\n\t(block): Sequential(\n\t\t(fc): Linear(in_features=4, out_features=2, bias=True)\n\t)\n)\n";
    assertRead(text, "Net(\n  (block): Sequential(\n    (fc): Linear(in_features=4, out_features=2, bias=True)\n  )\n)\n",
        STEPS + "3 line(s)");
  }

  @Test
  void blankLinesOfTabsAndTabsAfterTheIndentKeepTheirReading() {
    // a line of tabs only is blank; a tab after the first character still goes to a stop of 8,
    // counted as on the first reading, the line then moved left by 6 columns a leading tab
    assertRead("a\n\tb\tc\n\t\t\n\td\n", "a\n  b       c\n\n  d\n", STEPS + "3 line(s)",
        "removed trailing white space from 1 line(s)");
  }

  @Test
  void aLineIndentedWithSpacesKeepsStopsOfEight() {
    assertRead("Net(\n\t(a): A()\n  (b): B()\n)\n", "Net(\n        (a): A()\n  (b): B()\n)\n", STOPS + "1 line(s)");
  }

  @Test
  void tabsAndSpacesInOneIndentKeepStopsOfEight() {
    assertRead("Net(\n\t(a): A()\n\t  (b): B()\n)\n", "Net(\n        (a): A()\n          (b): B()\n)\n", STOPS + "2 line(s)");
    assertRead("Net(\n\t(a): A()\n  \t(b): B()\n)\n", "Net(\n        (a): A()\n        (b): B()\n)\n", STOPS + "2 line(s)");
  }

  @Test
  void aTabOnlyAfterTheFirstCharacterIsNoIndent() {
    assertRead("a\tb\nc\n", "a       b\nc\n", STOPS + "1 line(s)");
  }

  @Test
  void indentsAreCountedInTheStepsAndTheCommonIndentGoes() {
    Source source = Source.of("t", "\tNet(\n\t\t(fc): Linear(in_features=4, out_features=2, bias=True)\n\t)\n");
    assertEquals("Net(\n  (fc): Linear(in_features=4, out_features=2, bias=True)\n)\n", source.text());
    assertEquals(List.of(0, 2, 0), source.lines().stream().map(Source.Line::indent).toList());
  }

  /** Read both ways, the text and the repairs said are {@code expected} and {@code said}. */
  private static void assertRead(String text, String expected, String... said) {
    Source ascii = Source.of("t", text);
    Source chars = Source.ofText("t", text, Limits.DEFAULT);
    for (Source source : List.of(ascii, chars)) {
      assertEquals(expected, source.text());
      assertEquals(List.of(said), source.repairs().stream().map(Diagnostic::message).toList());
    }
  }
}
