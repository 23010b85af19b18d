package io.layercount.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.Convention;
import io.layercount.core.LayerCount;
import io.layercount.core.Severity;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/**
 * A Keras table whose text stops after its rows, with neither the closing {@code =} rule nor the
 * footer (an excerpt pasted into an issue, its last row cut mid-cell): the rows after it are in no
 * count. A published excerpt of six InputLayer rows was a model of 0 parameters, exact.
 */
class CutTableTest {
  private static final String HEAD = String.join("\n",
      "Layer (type)                    Output Shape         Param #     Connected to",
      "==================================================================================================",
      "input_1 (InputLayer)            (None, 8)            0",
      "__________________________________________________________________________________________________",
      "dense (Dense)                   (None, 4)            36          input_1[0][0]",
      "__________________________________________________________________________________________________",
      "dense_1 (Dense)                 (None, 2)            10          dense[0][0]",
      "");

  private static Analysis analyse(String text) {
    return LayerCount.standard().analyze("t", text.getBytes(StandardCharsets.UTF_8)).get(0);
  }

  @Test
  void aTableThatStopsAfterItsRowsIsALowerBound() {
    Analysis a = analyse(HEAD);
    assertEquals(46, a.parameters().total());
    assertFalse(a.parameters().exact());
    assertEquals(EnumSet.allOf(Convention.class), a.layers().lowerBounds());
    assertTrue(a.diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR && d.line() == 7
        && d.message().startsWith("the table stops after line 7 with no closing rule and no 'Total params' footer")),
        a.diagnostics().toString());
  }

  @Test
  void aTableClosedByItsRuleIsWholeThoughItsFooterIsMissing() {
    Analysis a = analyse(HEAD + "==================================================================================================\n");
    assertEquals(46, a.parameters().total());
    assertTrue(a.parameters().exact(), a.diagnostics().toString());
    assertTrue(a.diagnostics().stream().noneMatch(d -> d.message().startsWith("the table stops")));
  }

  /** A browser console's lines, each behind the source line that printed it (TF.js): its rule is there, so no cut. */
  @Test
  void aClosingRuleBehindAPrefixOfItsOwnIsNoCut() {
    Analysis a = analyse(String.join("\n",
        "_________________________________________________________________",
        "layer_utils.js:152 Layer (type)                 Output shape              Param #",
        "layer_utils.js:64 =================================================================",
        "layer_utils.js:152 dense_Dense1 (Dense)         [null,1]                  2",
        "layer_utils.js:74 =================================================================",
        "layer_utils.js:83 Total params: 2",
        "layer_utils.js:84 Trainable params: 2",
        "layer_utils.js:85 Non-trainable params: 0",
        "layer_utils.js:86 _________________________________________________________________",
        ""));
    // (its rows are not read for what they are: the prefixes differ from line to line; a lower bound)
    assertTrue(a.diagnostics().stream().noneMatch(d -> d.message().startsWith("the table stops")),
        a.diagnostics().toString());
  }
}
