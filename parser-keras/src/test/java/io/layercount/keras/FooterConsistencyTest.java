package io.layercount.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.LayerCount;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a footer says of itself, and rows that cannot hold parameters. A published Keras 3 footer
 * whose Total params held an Adam optimizer's state but whose 'Optimizer params' line was lost
 * (3,947,261,954 total, 1,315,753,984 trainable, 0 non-trainable) went unremarked; an InputLayer
 * row whose count a damaged line lost made a total that matched its footer 'not exact'.
 */
class FooterConsistencyTest {
  private static final LayerCount LAYER_COUNT = LayerCount.standard();

  private static final String TABLE = """
      Model: "m"
      _________________________________________________________________
       Layer (type)                Output Shape              Param #
      =================================================================
       input_1 (InputLayer)        [(None, 8)]
       dense (Dense)               (None, 4)                 36
       dense_1 (Dense)             (None, 1)                 5
      =================================================================
      Total params: %s
      Trainable params: 41
      Non-trainable params: 0
      _________________________________________________________________
      """;

  @Test
  void aTotalBeyondTrainablePlusNonTrainableIsSaid() {
    Analysis a = LAYER_COUNT.analyze("t", TABLE.formatted("125")).get(0);
    assertEquals(41, a.parameters().total());
    List<String> said = a.diagnostics().stream().map(d -> d.message()).toList();
    assertTrue(said.stream().anyMatch(m -> m.startsWith("the footer's Total params (125) is not Trainable +"
        + " Non-trainable (41): 84 more, about twice the trainable count, as an Adam optimizer's state is")),
        said.toString());
    Analysis edited = LAYER_COUNT.analyze("t", TABLE.formatted("50")).get(0);
    assertTrue(edited.diagnostics().stream().anyMatch(d -> d.message().contains("9 more: a line of the footer may"
        + " have been edited or lost")), edited.diagnostics().toString());
    Analysis agrees = LAYER_COUNT.analyze("t", TABLE.formatted("41")).get(0);
    assertFalse(agrees.diagnostics().stream().anyMatch(d -> d.message().startsWith("the footer's Total params")));
  }

  /**
   * A layer sharing another's weight shows it on its own row, and Keras's footer counts it once:
   * the footer's count is the deduplicated total beside the rows' sum (KerasHub's Gemma, whose
   * ReversibleEmbedding row repeats the backbone's token embedding, 524,288,000 of 3,030,460,416).
   */
  @Test
  void aFooterBelowTheRowsIsTheDeduplicatedTotal() {
    String shared = """
        Model: "m"
        _________________________________________________________________
         Layer (type)                Output Shape              Param #
        =================================================================
         input_1 (InputLayer)        [(None, 8)]               0
         backbone (Functional)       (None, 4)                 68
         embedding (Reversible)      (None, 8)                 32
        =================================================================
        Total params: 68
        Trainable params: 68
        Non-trainable params: 0
        _________________________________________________________________
        """;
    Analysis a = LAYER_COUNT.analyze("t", shared).get(0);
    assertEquals(100, a.parameters().total());
    assertEquals(68L, a.parameters().deduplicated());
    Analysis agrees = LAYER_COUNT.analyze("t", TABLE.formatted("41")).get(0);
    assertEquals(null, agrees.parameters().deduplicated());
  }

  @Test
  void anInputLayerWhoseCountIsLostHoldsNothing() {
    Analysis a = LAYER_COUNT.analyze("t", TABLE.formatted("41")).get(0);
    assertEquals(41, a.parameters().total());
    assertTrue(a.parameters().exact(), a.diagnostics().toString());
  }

  /** Rows left out with a line of dots: every layer count is a lower bound, not only the total. */
  @Test
  void rowsLeftOutMakeEveryLayerCountALowerBound() {
    for (String mark : List.of("...", "......", "…")) {
      String text = TABLE.formatted("41").replace(" dense (Dense)               (None, 4)                 36\n",
          " dense (Dense)               (None, 4)                 36\n " + mark + "\n");
      Analysis a = LAYER_COUNT.analyze("t", text).get(0);
      assertTrue(a.layers().lowerBounds().contains(io.layercount.core.Convention.KERAS), mark + " " + a.layers());
      assertTrue(a.layers().lowerBounds().contains(io.layercount.core.Convention.DEPTH), mark + " " + a.layers());
    }
  }

  /**
   * A table printed without its footer ends at its closing rule: a log's lines after it (counts per
   * class, two spaces apart) were read as 4 more layers of a VGG16, its 20 layers shown as 24.
   */
  @Test
  void withoutAFooterTheTableEndsAtItsClosingRule() {
    String text = TABLE.formatted("41").substring(0, TABLE.formatted("41").indexOf("Total params"))
        + "\n\nSaved features.\n\nBlazer      5408\nJeans       5126\n[ 352 : train_top_model   ] class_weight_val [ 0.83  0.88]\n";
    Analysis a = LAYER_COUNT.analyze("t", text).get(0);
    assertEquals(3, a.layers().keras(), a.network().root().children().toString());
    assertEquals(41, a.parameters().total());
  }

  /**
   * A summary retyped as a Markdown pipe table ({@code | conv1_conv (Conv2D) | (None, 112, 112, 64)
   * | 9472 | ...}): no line reads as a row. It was a model of 0 layers, depth 0 and keras 0 given as
   * whole; now an error says so, and every count is a lower bound.
   */
  @Test
  void aTableOfWhichNoLineReadsAsARowIsAnError() {
    String text = """
        | Layer (type) | Output Shape | Param # | Connected to |
        |--------------|--------------|---------|--------------|
        | input_1 (InputLayer) | [(None, 224, 224, 3)] | 0 | |
        | conv1_conv (Conv2D) | (None, 112, 112, 64) | 9472 | input_1[0][0] |
        | dense (Dense) | (None, 5) | 10245 | conv1_conv[0][0] |

        **Total params:** 19,717
        """;
    List<Analysis> read = LAYER_COUNT.analyze("t", text);
    Analysis a = read.get(0);
    assertTrue(a.diagnostics().stream().anyMatch(d -> d.severity() == io.layercount.core.Severity.ERROR
        && d.message().startsWith("no line of this table could be read as a layer's row")), a.diagnostics().toString());
    assertTrue(a.layers().lowerBounds().contains(io.layercount.core.Convention.KERAS), a.layers().toString());
    assertFalse(a.parameters().exact());
  }

  /**
   * Keras 2 prints {@code 0 (unused)} for a layer the model never called (a published subclassed
   * text classifier held two such Conv1D layers): it holds no parameters and is on no path. Before,
   * the count was "not a number", the total a lower bound ("unknown types: Conv1D") though the rows
   * add up to the footer, and the unused layers were on the depth's chain (14 for 10).
   */
  @Test
  void aLayerNeverCalledHoldsNothingAndIsOnNoPath() {
    String table = String.join("\n",
        "Model: \"kint\"",
        "_________________________________________________________________",
        "Layer (type)                 Output Shape              Param #   ",
        "=================================================================",
        "conv1d (Conv1D)              (None, 500, 256)          25856     ",
        "_________________________________________________________________",
        "conv1d_1 (Conv1D)            multiple                  0 (unused)",
        "_________________________________________________________________",
        "dense (Dense)                (None, 10)                2570      ",
        "=================================================================",
        "Total params: 28,426",
        "Trainable params: 28,426",
        "Non-trainable params: 0",
        "_________________________________________________________________", "");
    Analysis a = LAYER_COUNT.analyze("t", table).get(0);
    assertEquals(28_426, a.parameters().total());
    assertTrue(a.parameters().exact(), a.diagnostics().toString());
    assertEquals(2, a.layers().depth());
    assertEquals(3, a.layers().keras());
    // a 0 printed for a layer that holds weights, without the mark, is no count of them
    Analysis zero = LAYER_COUNT.analyze("t", table.replace("0 (unused)", "0         ")).get(0);
    assertFalse(zero.parameters().exact());
  }

  /**
   * A Keras 3 footer as some notebooks render it, a blank line between its lines (a published
   * keyword-spotting CNN): its trainable and non-trainable counts were skipped as text after the
   * summary, and its optimizer line with them, so the optimizer's state stood in the total.
   */
  @Test
  void aFooterWithBlankLinesBetweenItsLinesIsReadWhole() {
    String table = String.join("\n", TABLE.formatted("125").replace("Trainable params: 41\n",
        "\nTrainable params: 41\n\n").replace("Non-trainable params: 0\n", "Non-trainable params: 0\n\n"
        + "Optimizer params: 84\n").split("\n"));
    Analysis a = LAYER_COUNT.analyze("t", table).get(0);
    assertEquals(41L, a.parameters().trainable(), table);
    assertEquals(0L, a.parameters().nonTrainable());
    assertEquals(84L, a.network().totals().optimizer());
    assertTrue(a.parameters().exact(), a.diagnostics().toString());
  }
}
