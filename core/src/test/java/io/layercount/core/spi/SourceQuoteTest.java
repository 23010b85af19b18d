package io.layercount.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Diagnostic;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Quote and comment marks before every line are copy damage: removed, reported, columns kept. */
class SourceQuoteTest {
  private static final String PRINTOUT = "Net(\n  (fc): Linear(in_features=4, out_features=2, bias=True)\n)\n";

  @ParameterizedTest(name = "''{0}'' before every line")
  @CsvSource(delimiter = '|', value = {"> |quote", ">|quote", "> > |quote", "# |comment mark", "## |comment mark",
      "// |comment mark", "#|comment mark"})
  void aMarkBeforeEveryLineIsRemovedAndSaid(String mark, String what) {
    Source source = Source.of("t", prefixed(mark, PRINTOUT));
    assertEquals(PRINTOUT, source.text());
    assertEquals(List.of("removed a '" + mark.strip() + "' " + what + " before every line"),
        source.repairs().stream().map(Diagnostic::message).toList());
    Source.Line fc = source.lines().get(1);
    assertEquals(mark.length() + 3, fc.column(2), "the column of '(fc)' in the original text");
  }

  @Test
  void blankLinesAndALoneMarkDoNotStopIt() {
    Source source = Source.of("t", "# Net(\n#\n\n#   (fc): Linear(in_features=4, out_features=2, bias=True)\n# )\n");
    assertEquals("Net(\n\n\n  (fc): Linear(in_features=4, out_features=2, bias=True)\n)\n", source.text());
  }

  @Test
  void aMarkOnSomeLinesOnlyIsContent() {
    String text = "# a comment\n" + PRINTOUT;
    assertEquals(text, Source.of("t", text).text());
    assertTrue(Source.of("t", text).repairs().isEmpty());
  }

  @Test
  void differentMarksOrDepthsAreNotOneQuote() {
    assertEquals("# a\n// b\n", Source.of("t", "# a\n// b\n").text());
    assertEquals("> a\n>> b\n", Source.of("t", "> a\n>> b\n").text());
    assertEquals("# a\n## b\n", Source.of("t", "# a\n## b\n").text());
  }

  private static String prefixed(String mark, String text) {
    StringBuilder sb = new StringBuilder();
    for (String line : text.split("\n")) {
      sb.append(mark).append(line).append('\n');
    }
    return sb.toString();
  }
}
