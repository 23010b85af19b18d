package io.layercount.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.layercount.core.model.Layer;
import io.layercount.core.model.Network;
import io.layercount.core.spi.ParseResult;
import io.layercount.core.spi.Source;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Keras 2 row whose name does not fit its column pushes the rest of its line right, and its shape
 * and parameter count may end up one space apart. In a table whose blank separator lines are gone
 * (a summary pasted into code comments), such a row was read as the continuation of the row before
 * (a published EfficientNetB0 transfer model: one row "input_layer (InputLayer)efficientnetb0", its
 * 4,049,571 parameters lost, the total 12,810 a lower bound where the footer states 4,062,381).
 */
class PushedCountTest {
  private static final String TABLE = """
      Model: "model_2"
      _________________________________________________________________
       Layer (type)                Output Shape              Param #
      =================================================================
       input_layer (InputLayer)    [(None, 224, 224, 3)]     0
       efficientnetb0 (Functional)  (None, None, None, 1280) 4049571
       global_average_pooling_laye  (None, 1280)             0
       r (GlobalAveragePooling2D)
       output_layer (Dense)        (None, 10)                12810
      =================================================================
      Total params: 4,062,381
      Trainable params: 12,810
      Non-trainable params: 4,049,571
      _________________________________________________________________
      """;

  private final KerasSummaryParser parser = new KerasSummaryParser();

  private List<String> rows(String text) {
    ParseResult result = parser.parse(Source.of("t", text));
    List<String> rows = new ArrayList<>();
    for (Network n : result.networks()) {
      for (Layer l : n.root().children()) {
        rows.add(l.name() + " " + l.typeName() + " " + l.stated().params());
      }
    }
    return rows;
  }

  @Test
  void aCountOneSpaceAfterItsShapeIsTheRowsCount() {
    assertEquals(List.of("input_layer InputLayer 0", "efficientnetb0 Functional 4049571",
        "global_average_pooling_layer GlobalAveragePooling2D 0", "output_layer Dense 12810"), rows(TABLE));
  }

  @Test
  void withThousandsCommasToo() {
    assertEquals("efficientnetb0 Functional 4049571", rows(TABLE.replace("1280) 4049571", "1280) 4,049,571")).get(1));
  }

  /**
   * A number that starts before the count's column, or a shape's own last word, is not split off:
   * nothing shows it is a count, and the line stays the row before's continuation (as the table,
   * without its separators, gives it).
   */
  @Test
  void onlyAWholeCountFromTheCountsColumnOnIsSplitOff() {
    String early = TABLE.replace("efficientnetb0 (Functional)  (None, None, None, 1280) 4049571",
        "efficientnetb0 (Functional)  (None, None, 1280) 9");
    String shapeEnd = TABLE.replace("efficientnetb0 (Functional)  (None, None, None, 1280) 4049571",
        "efficientnetb0 (Functional)  (None, None, None, None, 1280)");
    String notACount = TABLE.replace("1280) 4049571", "1280) 4049571x");
    for (String text : List.of(early, shapeEnd, notACount)) {
      List<String> rows = rows(text);
      assertEquals(3, rows.size(), rows.toString());
      assertEquals(false, rows.get(0).startsWith("input_layer InputLayer"), rows.toString());
    }
  }
}
