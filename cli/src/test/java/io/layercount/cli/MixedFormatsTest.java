package io.layercount.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.layercount.core.Analysis;
import io.layercount.core.LayerCount;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A text with summaries of two formats (a log with a model's printout and its torchsummary table,
 * as two published notes had them): each is read by its own parser, one analysis each in the order
 * of their lines. Before, the parser that scored highest read its own and the other was ignored.
 * Each model keeps its own notes: the first reading's on the text it found nothing in, the other's
 * that it was read beside it (a published log's went all to its first model).
 */
class MixedFormatsTest {
  private static final String PRINTOUT = """
      Net(
        (conv): Conv2d(1, 6, kernel_size=(5, 5), stride=(1, 1))
        (fc): Linear(in_features=24, out_features=10, bias=True)
      )
      """;
  private static final String TABLE = """
      ----------------------------------------------------------------
              Layer (type)               Output Shape         Param #
      ================================================================
                  Conv2d-1            [-1, 6, 28, 28]             156
                  Linear-2                   [-1, 10]             250
      ================================================================
      Total params: 406
      Trainable params: 406
      Non-trainable params: 0
      ----------------------------------------------------------------
      """;

  @BeforeAll
  static void needsTheParsers() {
    assumeFalse(LayerCount.standard().parsers().isEmpty(), "no SummaryParser on the class path: skipped");
  }

  private static List<Analysis> analyse(String text) {
    return LayerCount.standard().analyze("t", text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aPrintoutAndATableInOneTextAreTwoModelsInTheOrderOfTheirLines() {
    for (boolean printoutFirst : new boolean[] {true, false}) {
      List<Analysis> all = analyse(printoutFirst ? PRINTOUT + "\n" + TABLE : TABLE + "\n" + PRINTOUT);
      assertEquals(2, all.size(), all.toString());
      List<String> formats = all.stream().map(Analysis::format).toList();
      assertEquals(printoutFirst ? List.of("pytorch", "torchsummary") : List.of("torchsummary", "pytorch"), formats);
      for (Analysis a : all) {
        assertEquals(406, a.parameters().total(), a.format()); // 150 + 6, 240 + 10
        assertEquals(2, a.layers().leaves(), a.format());
      }
      assertEquals(List.of(0, 1), all.stream().map(Analysis::index).toList());
      // the note stands with the model it is about, the one read beside the first reading's
      List<Analysis> noted = all.stream().filter(a -> a.diagnostics().stream()
          .anyMatch(d -> d.message().contains("summary beside the"))).toList();
      assertEquals(1, noted.size(), all.toString());
      String format = noted.get(0).format();
      assertTrue(noted.get(0).diagnostics().stream().anyMatch(d -> d.message().contains("hold a " + format
          + " summary beside the")), noted.get(0).diagnostics().toString());
    }
  }

  @Test
  void aTextOfOneFormatIsOneModel() {
    // the torchsummary table's header is a Keras 2 table's too: the Keras parser's reading of the
    // same lines is not a second model
    assertEquals(1, analyse(TABLE).size());
    assertEquals(1, analyse(PRINTOUT).size());
  }
}
