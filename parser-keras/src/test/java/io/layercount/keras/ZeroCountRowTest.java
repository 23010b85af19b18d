package io.layercount.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.model.Layer;
import io.layercount.core.model.Network;
import io.layercount.core.spi.ParseResult;
import io.layercount.core.spi.Source;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A row stating 0 parameters for a layer that holds weights whatever its settings (a convolution,
 * a dense, embedding or recurrent layer) does not state its count. A published Keras 1 table printed
 * 0 for a frozen {@code Readout (Dense)} from 10 features to 1 and left its 11 parameters out of
 * the footer (58,544 where the model holds 58,555); read as stated, the total was called exact.
 */
class ZeroCountRowTest {
  private static final String TABLE = """
      ____________________________________________________________________________________________________
      Layer (type)                     Output Shape          Param #     Connected to
      ====================================================================================================
      FC3 (Dense)                      (None, 50)            5050        dense_input_1[0][0]
      ____________________________________________________________________________________________________
      Dropout (Dropout)                (None, 50)            0           FC3[0][0]
      ____________________________________________________________________________________________________
      FC4 (Dense)                      (None, 10)            510         Dropout[0][0]
      ____________________________________________________________________________________________________
      Readout (Dense)                  (None, 1)             0           FC4[0][0]
      ====================================================================================================
      Total params: 5,560
      Trainable params: 5,560
      Non-trainable params: 0
      ____________________________________________________________________________________________________
      """;

  private final KerasSummaryParser parser = new KerasSummaryParser();

  @Test
  void aDenseRowOfZeroStatesNoCount() {
    ParseResult result = parser.parse(Source.of("t", TABLE));
    Network n = result.networks().get(0);
    List<Layer> rows = n.root().children();
    assertEquals(5050L, rows.get(0).stated().params());
    assertEquals(0L, rows.get(1).stated().params(), "a dropout holds nothing: its 0 is its count");
    assertEquals(510L, rows.get(2).stated().params());
    assertNull(rows.get(3).stated().params());
    assertTrue(n.diagnostics().stream().anyMatch(d -> d.line() == 10
        && d.message().startsWith("0 parameters printed for a Dense layer")), n.diagnostics().toString());
  }

  @Test
  void aDenseRowWithItsCountIsRead() {
    ParseResult result = parser.parse(Source.of("t", TABLE.replace("(None, 1)             0 ", "(None, 1)             11")));
    assertEquals(11L, result.networks().get(0).root().children().get(3).stated().params());
  }
}
