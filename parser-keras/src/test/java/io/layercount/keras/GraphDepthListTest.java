package io.layercount.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.layercount.core.Analysis;
import io.layercount.core.Convention;
import io.layercount.core.LayerCount;
import io.layercount.core.Severity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A depth traced on a Keras table's stated connections lists its path: before, the explanation
 * listed no layer for it ({@code --list depth} failed for every Keras model, "gives the count but
 * not the list of layers"). The longest path runs input, long_a, long_b, add, head; {@code short}
 * reads the input beside long_a, on a shorter path.
 */
class GraphDepthListTest {
  private static final String TABLE = String.join("\n",
      "Model: \"model\"",
      "__________________________________________________________________________________________________",
      " Layer (type)                   Output Shape         Param #     Connected to",
      "==================================================================================================",
      " input_1 (InputLayer)           [(None, 8)]          0           []",
      "",
      " short (Dense)                  (None, 4)            36          ['input_1[0][0]']",
      "",
      " long_a (Dense)                 (None, 4)            36          ['input_1[0][0]']",
      "",
      " long_b (Dense)                 (None, 4)            20          ['long_a[0][0]']",
      "",
      " add (Add)                      (None, 4)            0           ['short[0][0]',",
      "                                                                  'long_b[0][0]']",
      "",
      " head (Dense)                   (None, 2)            10          ['add[0][0]']",
      "",
      "==================================================================================================",
      "Total params: 102",
      "Trainable params: 102",
      "Non-trainable params: 0",
      "__________________________________________________________________________________________________",
      "");

  @Test
  void theLongestPathOfTheStatedGraphIsListed() {
    Analysis a = LayerCount.standard().analyze("t", TABLE.getBytes(StandardCharsets.UTF_8)).get(0);
    assertEquals("graph", a.layers().depthBasis());
    assertEquals(3, a.layers().depth());
    assertEquals(List.of("long_a", "long_b", "head"), a.explanation().counted().get(Convention.DEPTH));
    List<String> left = new ArrayList<>();
    a.explanation().excluded().get(Convention.DEPTH).forEach(e -> left.add(e.path() + ": " + e.reason()));
    assertEquals(List.of("short: on a shorter path of the stated graph"), left);
  }

  /**
   * A shared layer called on its own output lists its earlier call in its row ({@code dense[0][0]}
   * in dense's): that was warned of as naming no layer of the table (a published NMT model calling
   * one LSTM ten times on its own states had 18 such warnings). It is the row's own earlier call;
   * the path runs through both calls.
   */
  @Test
  void aSharedLayerCalledOnItsOwnOutputNamesItsEarlierCall() {
    String table = String.join("\n",
        "Model: \"model\"",
        "__________________________________________________________________________________________________",
        "Layer (type)                    Output Shape         Param #     Connected to",
        "==================================================================================================",
        "input_1 (InputLayer)            [(None, 8)]          0",
        "__________________________________________________________________________________________________",
        "dense (Dense)                   (None, 8)            72          input_1[0][0]",
        "                                                                 dense[0][0]",
        "__________________________________________________________________________________________________",
        "dense_1 (Dense)                 (None, 1)            9           dense[1][0]",
        "==================================================================================================",
        "Total params: 81",
        "Trainable params: 81",
        "Non-trainable params: 0",
        "__________________________________________________________________________________________________",
        "");
    Analysis a = LayerCount.standard().analyze("t", table.getBytes(StandardCharsets.UTF_8)).get(0);
    assertEquals(3, a.layers().depth());
    assertEquals(List.of(), a.diagnostics().stream().filter(d -> d.severity() != Severity.INFO).toList());
  }
}
