package io.layercount.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  /**
   * A banner of {@code #} above a commented summary (a published training log) says nothing of the
   * mark: the mark is cut from the lines around it, and the banner, a line of {@code #}, stays text
   * that is not the summary. Before, the banner's longer mark stopped the cut, and the table's rule
   * lines and footer were read as layers.
   */
  @Test
  void aBannerOfTheMarkAboveACommentedSummaryDoesNotStopTheCut() {
    Source source = Source.of("log", "##########\n# Layer (type)   Param #\n# ====\n# dense (Dense)  10\n"
        + "# Total params: 10\n");
    Source cut = source.withoutPrefixAround(1, 2);
    List<String> lines = cut.lines().stream().map(Source.Line::text).toList();
    assertEquals(List.of("Layer (type)   Param #", "====", "dense (Dense)  10", "Total params: 10"), lines.subList(1, 5));
    assertTrue(lines.get(0).chars().allMatch(c -> c == '#'), lines.get(0));
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

  /**
   * R Markdown's output pasted as a Markdown code block below a line of prose: each line of the
   * summary is indented four spaces and then carries R's {@code ## }. The indent goes from the
   * block's lines, then the mark; the prose and the fence stay as they are.
   */
  @Test
  void aMarkAfterABlocksIndentIsCutWithTheIndent() {
    Source source = Source.of("md", "The model:\n```\n    ## Model: \"m\"\n    ## ____\n    ##  Layer (type)   Param #\n"
        + "    ## ====\n    ##  dense (Dense)  10\n    ##\n    ## Total params: 10\n```\n");
    Source cut = source.withoutPrefixAround(4, 7);
    assertEquals(List.of("The model:", "```", "Model: \"m\"", "____", " Layer (type)   Param #", "====",
        " dense (Dense)  10", "", "Total params: 10", "```"), cut.lines().stream().map(Source.Line::text).toList());
    assertEquals(4 + 3 + 2, cut.lines().get(4).column(1), "the column of 'Layer' in the file (1-based)");
    List<String> repairs = cut.repairs().stream().map(Diagnostic::message).toList();
    assertEquals(List.of("removed an indent of 4 before lines 3 to 9 (a block indented under text that is not,"
        + " as a Markdown code block is)", "removed a '##' comment mark before lines 3 to 9 (a summary kept as a"
        + " comment there)"), repairs.subList(repairs.size() - 2, repairs.size()));
    // an indent with no mark or prefix after it is no prefix: the text is left as it is
    Source indented = Source.of("md", "The model:\n    Model: \"m\"\n    ____\n     Layer (type)\n    ====\n");
    assertSame(indented, indented.withoutPrefixAround(3, 5));
  }

  /**
   * A block indented under a line of prose loses that indent alone (the lines next to the one
   * asked about that have it, at least three with text); a line indented less ends the block.
   */
  @Test
  void anIndentIsCutFromTheBlockAroundThatHasIt() {
    Source source = Source.of("md", "Here it is:\n\n    ____\n     Layer (type)\n\n    ====\n      x\nAfter.\n  two\n");
    Source cut = source.withoutIndentAround(3, 4);
    assertEquals(List.of("Here it is:", "", "____", " Layer (type)", "", "====", "  x", "After.", "  two"),
        cut.lines().stream().map(Source.Line::text).toList());
    assertEquals(List.of(0, 0, 0, 1, 0, 0, 2, 0, 2), cut.lines().stream().map(Source.Line::indent).toList());
    assertEquals(4 + 2, cut.lines().get(3).column(1), "the column of 'Layer' in the file (1-based)");
    assertEquals("removed an indent of 4 before lines 3 to 7 (a block indented under text that is not, as a"
        + " Markdown code block is)", cut.repairs().get(cut.repairs().size() - 1).message());
    assertSame(source, source.withoutIndentAround(3, 5), "line 3 (0-based) has an indent of 5, its neighbours 4");
    assertSame(source, source.withoutIndentAround(0, 4), "the first line has no indent");
    Source two = Source.of("md", "x\n    ____\n     Layer (type)\ny\n");
    assertSame(two, two.withoutIndentAround(2, 4), "two lines show nothing");
  }
}
