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
 * unremarked, the depth said to be traced on the layer graph.
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
}
