package io.layercount.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.layercount.core.Analysis;
import io.layercount.core.LayerCount;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Keras 2.0 printed its footer's counts as floats ({@code Total params: 12,304.0}): read as the
 * whole numbers they are. Unread, a published summary lost its stated totals and with them the
 * check of its rows and the trainable split.
 */
class FloatFooterTest {
  @Test
  void aFooterCountWithAFractionOfZerosIsReadWhole() {
    String text = String.join("\n",
        "_________________________________________________________________",
        "Layer (type)                 Output Shape              Param #",
        "=================================================================",
        "dense_1 (Dense)              (None, 10)                110",
        "_________________________________________________________________",
        "batch_normalization_1 (Batch (None, 10)                40",
        "=================================================================",
        "Total params: 150.0",
        "Trainable params: 130.0",
        "Non-trainable params: 20.0",
        "_________________________________________________________________",
        "");
    Analysis a = LayerCount.standard().analyze("t", text.getBytes(StandardCharsets.UTF_8)).get(0);
    assertEquals(150L, a.parameters().stated().total());
    assertEquals(130L, a.parameters().trainable());
    assertEquals(20L, a.parameters().nonTrainable());
  }

  @Test
  void aFractionThatIsNotZeroIsNoCount() {
    assertNull(Counts.leading("150.5"));
    assertNull(Counts.leading("150."));
    assertEquals(12_304L, Counts.leading("12,304.0 "));
  }
}
