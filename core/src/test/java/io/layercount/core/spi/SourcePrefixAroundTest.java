package io.layercount.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.layercount.core.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A logger's prefix before the lines of a summary in a log whose other lines differ is cut from
 * those lines alone, around the line a parser points at, up to the line where the summary's text
 * starts; lines that start otherwise, and the text's other lines, are left as they are.
 */
class SourcePrefixAroundTest {
  private static final String LOG = String.join("\n",
      "2024-03-01 12:00:00,007 - WARNING - no GPU",
      "2024-03-01 12:00:00,014 - INFO - Model: \"m\"",
      "2024-03-01 12:00:00,021 - INFO - _________________",
      "2024-03-01 12:00:00,028 - INFO -  Layer (type)    ",
      "2024-03-01 12:00:00,035 - INFO - =================",
      "2024-03-01 12:00:01,002 - INFO -  dense (Dense)  10",
      "2024-03-01 12:00:01,009 - INFO - Total params: 10",
      "epoch 1: 100%",
      "");

  @Test
  void theSummarysLinesLoseThePrefixAndKeepTheirColumns() {
    Source source = Source.of("log", LOG);
    Source cut = source.withoutPrefixAround(3, 33);
    assertEquals(List.of("2024-03-01 12:00:00,007 - WARNING - no GPU", "Model: \"m\"", "_________________",
        " Layer (type)", "=================", " dense (Dense)  10", "Total params: 10", "epoch 1: 100%"),
        cut.lines().stream().map(Source.Line::text).toList());
    assertEquals(33 + 2, cut.lines().get(3).column(1), "the column of 'Layer' in the log");
    assertEquals(4, cut.lines().get(3).number());
    assertEquals("removed the prefix '2024-03-01 12:00:00,028 - INFO -' (33 characters, as on line 4) before lines 2"
        + " to 7, a logger's or a time stamp before each line of the summary there",
        cut.repairs().get(cut.repairs().size() - 1).message());
  }

  @Test
  void theSameTextOnEachLineIsCutWhereItEndsAsALogPrefixDoes() {
    Source source = Source.of("log", "start\nINFO:root:Model: \"m\"\nINFO:root:____\nINFO:root: Layer (type)\n"
        + "INFO:root:====\nINFO:root:Total params: 0\ndone\n");
    assertEquals(List.of("start", "Model: \"m\"", "____", " Layer (type)", "====", "Total params: 0", "done"),
        source.withoutPrefixAround(3, 10).lines().stream().map(Source.Line::text).toList());
  }

  /** The prefix ends where the parser says the summary's text starts: not in it, however alike the lines go on. */
  @Test
  void thePrefixNeverReachesIntoTheSummary() {
    Source source = Source.of("log", "x\nINFO:root:Layer (type) a\nINFO:root:Layer (type) b\nINFO:root:Layer (type) c\ny\n");
    assertEquals("Layer (type) b", source.withoutPrefixAround(2, 10).lines().get(2).text());
  }

  /**
   * A summary kept as a comment after the line of code that printed it (a published Python file):
   * the mark goes from the lines around, a line of the mark alone becomes blank, the code stays.
   */
  @Test
  void aCommentMarkIsCutFromTheLinesAroundThatCarryIt() {
    Source source = Source.of("py", "model.summary()\n# Model: \"model\"\n# ____\n#  Layer (type)   Param #\n"
        + "# ====\n#  dense (Dense)  10\n#\n# Total params: 10\nmodel.fit(x)\n");
    Source cut = source.withoutPrefixAround(3, 3);
    assertEquals(List.of("model.summary()", "Model: \"model\"", "____", " Layer (type)   Param #", "====",
        " dense (Dense)  10", "", "Total params: 10", "model.fit(x)"), cut.lines().stream().map(Source.Line::text).toList());
    assertEquals(2 + 2, cut.lines().get(3).column(1), "the column of 'Layer' in the file (1-based)");
    assertEquals("removed a '#' comment mark before lines 2 to 8 (a summary kept as a comment there)",
        cut.repairs().get(cut.repairs().size() - 1).message());
    // a mark on two lines only shows nothing
    Source two = Source.of("py", "x\n# ____\n#  Layer (type)\ny\n");
    assertSame(two, two.withoutPrefixAround(2, 3));
  }

  @Test
  void fewerThanThreeLinesOrNoPrefixIsNoCut() {
    Source two = Source.of("log", "a\nINFO:root:____\nINFO:root: Layer (type)\nb\n");
    assertSame(two, two.withoutPrefixAround(2, 10));
    Source bare = Source.of("log", "Model: \"m\"\n____\n Layer (type)\n====\n");
    assertSame(bare, bare.withoutPrefixAround(2, 1));
    Source spaces = Source.of("log", "x\n    ____\n     Layer (type)\n    ====\n");
    assertSame(spaces, spaces.withoutPrefixAround(2, 5), "spaces alone are no prefix");
  }

  @Test
  void numbersThatGoDownEndNoCut() {
    Source source = Source.of("log", "x\n[rank1] ____\n[rank0]  Layer (type)\n[rank1] ====\n");
    assertSame(source, source.withoutPrefixAround(2, 8));
    assertEquals(List.of(), source.repairs().stream().map(Diagnostic::message).toList());
  }
}
