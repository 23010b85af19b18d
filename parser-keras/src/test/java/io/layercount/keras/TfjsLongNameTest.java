package io.layercount.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Severity;
import io.layercount.core.model.Layer;
import io.layercount.core.spi.ParseResult;
import io.layercount.core.spi.Source;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TensorFlow.js prints a layer's name and class in a 29-character cell and drops the class where
 * the name fills it; the names it makes itself carry the class ({@code max_pooling2d_MaxPooling2D1}).
 * A published summary of an MNIST network lost its two pooling layers' classes so.
 */
class TfjsLongNameTest {
  private static final String TABLE = """
      _________________________________________________________________
      Layer (type)                 Output shape              Param #
      =================================================================
      conv2d_Conv2D1 (Conv2D)      [null,26,26,16]           160
      _________________________________________________________________
      max_pooling2d_MaxPooling2D1  [null,13,13,16]           0
      _________________________________________________________________
      conv2d_Conv2D2 (Conv2D)      [null,11,11,64]           9280
      _________________________________________________________________
      batch_normalization_BatchNo  [null,11,11,64]           256
      _________________________________________________________________
      my_block_MyBlock1            [null,11,11,64]           0
      =================================================================
      Total params: 9,696
      Trainable params: 9,568
      Non-trainable params: 128
      _________________________________________________________________
      """;

  @Test
  void aClassDroppedFromTheCellIsReadFromTheNameTensorFlowJsMade() {
    ParseResult r = new KerasSummaryParser().parse(Source.of("t", TABLE));
    List<Layer> rows = r.networks().get(0).root().children();
    assertEquals("tfjs", r.networks().get(0).format());
    assertEquals(List.of("Conv2D", "MaxPooling2D", "Conv2D", "…", "…"), rows.stream().map(Layer::typeName).toList());
    List<io.layercount.core.Diagnostic> diagnostics = r.networks().get(0).diagnostics();
    assertTrue(diagnostics.stream().anyMatch(d -> d.severity() == Severity.INFO && d.line() == 6
        && d.message().startsWith("the type name was cut off entirely; read as MaxPooling2D from the layer's name")),
        diagnostics.toString());
  }

  @Test
  void onlyANameOfTheClassInSnakeCaseAndTheClassGivesIt() {
    assertEquals("MaxPooling2D", RowCells.typeFromTfjsName("max_pooling2d_MaxPooling2D12"));
    assertEquals("BatchNormalization", RowCells.typeFromTfjsName("batch_normalization_BatchNormalization3"));
    assertEquals("Conv2D", RowCells.typeFromTfjsName("conv2d_Conv2D1"));
    assertNull(RowCells.typeFromTfjsName("conv2d_Conv2D")); // no number: a name the user gave
    assertNull(RowCells.typeFromTfjsName("pool_MaxPooling2D1")); // the snake case does not match
    assertNull(RowCells.typeFromTfjsName("my_block_MyBlock1")); // not a class Keras defines
    assertEquals("max_pooling2d", RowCells.snakeCase("MaxPooling2D"));
    assertEquals("batch_normalization", RowCells.snakeCase("BatchNormalization"));
    assertEquals("conv2d_transpose", RowCells.snakeCase("Conv2DTranspose"));
  }
}
