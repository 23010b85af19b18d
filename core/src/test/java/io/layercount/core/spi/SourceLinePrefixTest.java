package io.layercount.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Diagnostic;
import io.layercount.core.Limits;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A prefix on every line (a line number, a log's time stamp, a logger's or torchrun's text) is copy
 * damage: cut, said, columns kept; text that only looks alike on some lines, or whose numbers go
 * down, is left as it is.
 */
class SourceLinePrefixTest {
  private static final String PRINTOUT = "Net(\n  (fc): Linear(in_features=4, out_features=2, bias=True)\n"
      + "  (act): ReLU()\n)\n";

  @Test
  void catNumbersAreCutAndSaid() {
    String numbered = "     1\tNet(\n     2\t  (fc): Linear(in_features=4, out_features=2, bias=True)\n"
        + "     3\t  (act): ReLU()\n     4\t)\n";
    Source source = Source.of("t", numbered);
    assertEquals(PRINTOUT, source.text());
    assertEquals("removed the first 8 characters of every line, a prefix that numbers or times it ('1' on the"
        + " first), as a line number or a log's time stamp does", source.repairs().get(1).message());
    assertEquals(8 + 3, source.lines().get(1).column(2), "the column of '(fc)' in the original text");
  }

  @Test
  void timeStampsAreCutReadFromBytesOrFromAString() {
    String stamped = "2024-03-01 12:00:07,037 - INFO - Net(\n"
        + "2024-03-01 12:00:07,101 - INFO -   (fc): Linear(in_features=4, out_features=2, bias=True)\n"
        + "2024-03-01 12:00:07,101 - INFO -   (act): ReLU()\n"
        + "2024-03-01 12:00:08,002 - INFO - )\n";
    Source fromString = Source.of("t", stamped);
    Source fromBytes = Source.ofAscii("t", stamped.getBytes(StandardCharsets.US_ASCII), 0, Limits.DEFAULT);
    for (Source source : List.of(fromString, fromBytes)) {
      assertEquals(PRINTOUT, source.text());
      assertEquals(List.of("removed the first 33 characters of every line, a prefix that numbers or times it"
          + " ('2024-03-01 12:00:07,037 - INFO -' on the first), as a line number or a log's time stamp does"),
          messages(source));
      assertEquals(33 + 3, source.lines().get(2).column(2));
    }
  }

  @Test
  void numberedBlankLinesAndUnnumberedOnesAreBlank() {
    Source source = Source.of("t", "  1 | Net(\n  2 |\n\n  3 |   (fc): Linear(in_features=4, out_features=2, bias=True)\n"
        + "  4 | )\n");
    assertEquals("Net(\n\n\n  (fc): Linear(in_features=4, out_features=2, bias=True)\n)\n", source.text());
  }

  /** {@code cat -n} numbers a blank line too, and cuts the tab after its number: that line is all prefix. */
  @Test
  void aNumberedBlankLineFirstOrSecondIsAllPrefix() {
    String lines = "     1\n     2\tNet(\n     3\n     4\t  (act): ReLU()\n     5\t)\n";
    assertEquals("\nNet(\n\n  (act): ReLU()\n)\n", Source.of("t", lines).text());
  }

  @Test
  void paddingGivesWayToTheNumberPastNine() {
    StringBuilder text = new StringBuilder();
    String[] lines = (PRINTOUT + PRINTOUT + PRINTOUT).split("\n");
    for (int i = 0; i < lines.length; i++) {
      text.append(String.format("%3d: ", i + 1)).append(lines[i]).append('\n');
    }
    assertEquals(PRINTOUT + PRINTOUT + PRINTOUT, Source.of("t", text.toString()).text());
  }

  @Test
  void numbersThatGoDownAreTwoTextsInterleavedNotAPrefix() {
    String text = "[rank0] Net(\n[rank1] Net(\n[rank0]   (act): ReLU()\n[rank1]   (act): ReLU()\n[rank0] )\n[rank1] )\n";
    assertUnchanged(text);
  }

  /** A logger's or a launcher's prefix, the same on every line, is cut too, for every format. */
  @Test
  void aPrefixRepeatedOnEveryLineIsCut() {
    for (String prefix : List.of("INFO:root:", "[rank0]: ", "2024-03-01 12:00:07,037 - INFO - ")) {
      StringBuilder text = new StringBuilder();
      for (String line : PRINTOUT.split("\n")) {
        text.append(prefix).append(line).append('\n');
      }
      Source source = Source.of("t", text.toString());
      assertEquals(PRINTOUT, source.text(), prefix);
      assertEquals(List.of("removed the prefix '" + prefix.strip() + "' repeated before every line (a logger's or a"
          + " launcher's)"), messages(source));
    }
  }

  /** A Markdown table's rows all start with '|': the table's, not a prefix. */
  @Test
  void aMarkdownTablesPipesAreItsOwn() {
    assertUnchanged("| layer | type | params |\n|---|---|---|\n| fc | Linear | 10 |\n");
  }

  /** Spaces alone are an indent, not a prefix (the common indent is cut as such). */
  @Test
  void spacesAloneAreNoPrefix() {
    Source source = Source.of("t", "    Net(\n      (act): ReLU()\n    )\n");
    assertEquals(List.of("removed an indent of 4 common to every line"), messages(source));
  }

  @Test
  void aLineWithoutThePrefixMeansThereIsNone() {
    assertUnchanged("1 Net(\n2   (act): ReLU()\n)\n3 done\n");
    assertUnchanged("10:00 Net(\n10:01   (act): ReLU()\n10:02 )\nsaved\n");
  }

  @Test
  void twoLinesDoNotShowAPrefix() {
    assertUnchanged("1 Net()\n2 Other()\n");
  }

  /** A time whose fraction is printed without its trailing zeros (RFC 3339) is cut nowhere, not inside the number. */
  @Test
  void aCutInsideANumberIsNoPrefix() {
    assertUnchanged("10:23:45.12345678Z Net(\n10:23:45.1234567Z   (act): ReLU()\n10:23:46.2Z )\n");
  }

  /** Text that starts with numbers as content does (rows of a table of figures) is not a prefix of them. */
  @Test
  void numbersGoingOnIntoTheTextAreContent() {
    assertUnchanged("1 2 3\n4 5 6\n7 8 9\n");
  }

  private static void assertUnchanged(String text) {
    Source source = Source.of("t", text);
    assertEquals(text, source.text());
    assertTrue(source.repairs().isEmpty(), () -> messages(source).toString());
  }

  private static List<String> messages(Source source) {
    return source.repairs().stream().map(Diagnostic::message).toList();
  }
}
