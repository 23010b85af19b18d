package io.layercount.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.layercount.core.Limits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A line's width as read counts the white space cut off its end, however the text was read. */
class SourceWidthAsReadTest {
  private static final String TEXT = "Net(   \n  (fc): Linear()  \n\n      \n)\n";

  @Test
  void bytesAndStringsGiveTheSameWidths() {
    Source fromBytes = Source.ofAscii("t", TEXT.getBytes(StandardCharsets.US_ASCII), 0, Limits.DEFAULT);
    Source fromString = Source.of("t", TEXT);
    // a character past ASCII sends the text to the decoded reading, where every line is a string
    Source decoded = Source.of("t", TEXT.replace("Net(", "N\u00e9t("));
    List<Integer> expected = List.of(7, 18, 0, 6, 1);
    assertEquals(expected, widths(fromBytes));
    assertEquals(expected, widths(fromString));
    assertEquals(expected, widths(decoded));
  }

  @Test
  void aTabCutOffTheEndCountsAsTheSpacesItExpandedTo() {
    assertEquals(List.of(8, 1), widths(Source.of("t", "Net(\t\n)\n")));
  }

  @Test
  void theCutQuoteAndIndentAreNotCounted() {
    assertEquals(List.of(6, 3), widths(Source.of("t", "> Net(  \n> )  \n")));
    assertEquals(List.of(4, 19), widths(Source.of("t", "    Net(\n      (fc): Linear()   \n")));
  }

  @Test
  void linesMadeAfterwardsKnowOnlyTheirTexts() {
    Source source = Source.of("t", TEXT);
    assertEquals(List.of(4, 16, 0, 0, 1), widths(source.withLines(source.lines())));
  }

  private static List<Integer> widths(Source source) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < source.lines().size(); i++) {
      out.add(source.widthAsRead(i));
    }
    return out;
  }
}
