package io.layercount.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.layercount.core.model.Layer;
import io.layercount.core.model.Network;
import io.layercount.core.spi.Source;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TensorFlow.js can print an {@code Input Shape} column before its {@code Output shape}. A
 * published summary so printed (a vitest snapshot) read the output shape into the parameter
 * count ("'[null,3]  12' is not a number") and counted 0 of the footer's 12.
 */
class TfjsInputShapeTest {
  private static final String TABLE = """
      __________________________________________________________________________________________
      Layer (type)                Input Shape               Output shape              Param #
      ==========================================================================================
      input2 (InputLayer)         [[null,3]]                [null,3]                  0
      __________________________________________________________________________________________
      dense_Dense2 (Dense)        [[null,3]]                [null,3]                  12
      ==========================================================================================
      Total params: 12
      Trainable params: 12
      Non-trainable params: 0
      __________________________________________________________________________________________
      """;

  @Test
  void theInputShapeColumnIsReadPast() {
    Network n = new KerasSummaryParser().parse(Source.of("t", TABLE)).networks().get(0);
    assertEquals("tfjs", n.format());
    List<Layer> rows = n.root().children();
    assertEquals(List.of("InputLayer 0 [null,3]", "Dense 12 [null,3]"),
        rows.stream().map(l -> l.typeName() + " " + l.stated().params() + " " + l.stated().outputShape()).toList());
  }
}
