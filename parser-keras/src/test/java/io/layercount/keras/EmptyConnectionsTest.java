package io.layercount.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.LayerCount;
import io.layercount.core.Severity;
import io.layercount.core.model.Network;
import io.layercount.core.spi.Source;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Keras 2.0 table with a {@code Connected to} column empty in every row shows no graph: it was
 * read as one whose layers read nothing, and a second input midway (no chain has one) went
 * unremarked, the depth said to be traced on the layer graph. Keras prints the column only for a
 * model that is no chain, so the rows' printed order is an assumption there ({@code structure}); a
 * table printed without the column is a chain by Keras's own account ({@code graph}) where the
 * model is a Sequential or a functional chain, not where it may be a subclassed model.
 */
class EmptyConnectionsTest {
  private static final String TABLE = String.join("\n",
      "____________________________________________________________________________________________________",
      "Layer (type)                     Output Shape          Param #     Connected to",
      "====================================================================================================",
      "inp (InputLayer)                 (None, 60, 65)        0",
      "____________________________________________________________________________________________________",
      "sig1 (Conv1D)                    (None, 60, 8)         528",
      "____________________________________________________________________________________________________",
      "offset1 (Conv1D)                 (None, 60, 65)        4290",
      "____________________________________________________________________________________________________",
      "value_input (InputLayer)         (None, 60, 65)        0",
      "____________________________________________________________________________________________________",
      "merge (Multiply)                 (None, 60, 65)        0",
      "====================================================================================================",
      "Total params: 4,818",
      "Trainable params: 4,818",
      "Non-trainable params: 0",
      "____________________________________________________________________________________________________",
      "");

  @Test
  void anEmptyConnectedToColumnShowsNoGraph() {
    Network n = new KerasSummaryParser().parse(Source.of("t", TABLE)).networks().get(0);
    assertFalse(n.graphKnown());
    assertTrue(n.orderAssumed());
  }

  @Test
  void theDepthOnThePrintedOrderIsNotCalledTraced() {
    Analysis a = LayerCount.standard().analyze("t", TABLE.getBytes(StandardCharsets.UTF_8)).get(0);
    assertEquals(2, a.layers().depth());
    assertEquals("structure", a.layers().depthBasis());
  }

  @Test
  void aTableWithoutTheColumnIsAChainByKerassAccount() {
    String chain = String.join("\n",
        "_________________________________________________________________",
        "Layer (type)                 Output Shape              Param #",
        "=================================================================",
        "conv (Conv1D)                (None, 60, 8)             528",
        "_________________________________________________________________",
        "dense (Dense)                (None, 60, 4)             36",
        "=================================================================",
        "Total params: 564",
        "Trainable params: 564",
        "Non-trainable params: 0",
        "_________________________________________________________________",
        "");
    Network n = new KerasSummaryParser().parse(Source.of("t", chain)).networks().get(0);
    assertFalse(n.graphKnown());
    assertFalse(n.orderAssumed());
    Analysis a = LayerCount.standard().analyze("t", chain.getBytes(StandardCharsets.UTF_8)).get(0);
    assertEquals(564, a.parameters().total());
    assertEquals(2, a.layers().depth());
    assertEquals("graph", a.layers().depthBasis());
  }

  @Test
  void twoInputsWithoutConnectionsAreSaidToBeNoChain() {
    List<Analysis> all = LayerCount.standard().analyze("t", TABLE.getBytes(StandardCharsets.UTF_8));
    Analysis a = all.get(0);
    assertEquals(4_818, a.parameters().total());
    assertTrue(a.diagnostics().stream().anyMatch(d -> d.severity() == Severity.WARNING && d.line() == 2
        && d.message().startsWith("the 'Connected to' column is empty in every row, and the table has 2 inputs:")),
        a.diagnostics().toString());
  }

  /**
   * Keras prints a subclassed model's table without {@code Connected to} too, its rows the order its
   * layers were made (a published multi-task model's two heads, {@code finish} and {@code like},
   * both read {@code dense}): read as a chain, its depth 3 was said to be traced on the layer graph.
   * A Sequential model's default name ({@code sequential}, {@code sequential_2}) or an input row (a
   * functional chain) tells a chain; any other name leaves the order an assumption.
   */
  @Test
  void aModelNamedOtherwiseThanASequentialWithoutTheColumnMayBeSubclassed() {
    for (String name : List.of("deep_fm_x_deep_fm_mtl", "sequential_2", "sequential")) {
      String table = String.join("\n", "Model: \"" + name + "\"",
        "┌─────────────────────────────────┬────────────────────────┬───────────────┐",
        "│ Layer (type)                    │ Output Shape           │       Param # │",
        "├─────────────────────────────────┼────────────────────────┼───────────────┤",
        "│ dense (Dense)                   │ (3, 1)                 │             3 │",
        "├─────────────────────────────────┼────────────────────────┼───────────────┤",
        "│ embedding (Embedding)           │ (3, 1)                 │            10 │",
        "├─────────────────────────────────┼────────────────────────┼───────────────┤",
        "│ finish (Dense)                  │ (3, 1)                 │             2 │",
        "├─────────────────────────────────┼────────────────────────┼───────────────┤",
        "│ like (Dense)                    │ (3, 1)                 │             2 │",
        "└─────────────────────────────────┴────────────────────────┴───────────────┘",
        " Total params: 17 (68.00 B)",
        " Trainable params: 17 (68.00 B)",
        " Non-trainable params: 0 (0.00 B)",
          "");
      boolean chain = name.startsWith("sequential");
      Network n = new KerasSummaryParser().parse(Source.of("t", table)).networks().get(0);
      assertEquals(!chain, n.orderAssumed(), name);
      Analysis a = LayerCount.standard().analyze("t", table.getBytes(StandardCharsets.UTF_8)).get(0);
      assertEquals(3, a.layers().depth(), name);
      assertEquals(chain ? "graph" : "structure", a.layers().depthBasis(), name);
      assertEquals(!chain, a.diagnostics().stream().anyMatch(d -> d.severity() == Severity.INFO && d.line() == 3
          && d.message().contains("a subclassed model's the order its layers were made")), a.diagnostics().toString());
    }
  }
}
