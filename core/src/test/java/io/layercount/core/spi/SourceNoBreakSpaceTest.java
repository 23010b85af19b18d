package io.layercount.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.layercount.core.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No-break spaces (U+00A0, U+2007, U+202F), which a page or a chat that shows a text puts for its
 * spaces, an indent above all, are read as spaces, and the repair is said once for the text.
 */
class SourceNoBreakSpaceTest {
  @Test
  void anIndentOfNoBreakSpacesIsAnIndent() {
    Source source = Source.of("t", "Net(\n\u00A0\u00A0(fc): Linear(in_features=4,\u00A0out_features=2)\n)\n");
    assertEquals("Net(\n  (fc): Linear(in_features=4, out_features=2)\n)\n", source.text());
    assertEquals(List.of(0, 2, 0), source.lines().stream().map(Source.Line::indent).toList());
    assertEquals(List.of("read no-break spaces as spaces in 1 line(s)"),
        source.repairs().stream().map(Diagnostic::message).toList());
  }

  @Test
  void theFigureAndNarrowNoBreakSpacesAreSpacesToo() {
    Source source = Source.of("t", "a\n\u2007\u202Fb\n");
    assertEquals("a\n  b\n", source.text());
    assertEquals(2, source.lines().get(1).indent());
  }

  @Test
  void aColumnIsStillTheInputsOne() {
    Source.Line line = Source.of("t", "Net(\n\u00A0\u00A0(fc): Linear()\n)\n").lines().get(1);
    assertEquals(3, line.column(line.text().indexOf('(')));
  }

  @Test
  void otherCharactersPastAsciiStay() {
    Source source = Source.of("t", "a \u00B5 b\n");
    assertEquals("a \u00B5 b\n", source.text());
    assertEquals(List.of(), source.repairs());
  }
}
