package io.layercount.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.Convention;
import io.layercount.core.LayerCount;
import io.layercount.core.Severity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Keras table of a header and rules and no row (a log whose rows a second handler's lines broke
 * up) is no model of no layer: its counts were presented as whole (depth 0, keras 0).
 */
class EmptyTableTest {
  @Test
  void aTableWithNoLayerRowsHasNoWholeCount() {
    String text = String.join("\n",
        "_________________________________________________________________",
        "Layer (type)                 Output Shape              Param #",
        "=================================================================",
        "=================================================================",
        "");
    List<Analysis> all = LayerCount.standard().analyze("t", text.getBytes(StandardCharsets.UTF_8));
    assertEquals(1, all.size());
    Analysis a = all.get(0);
    assertTrue(a.diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR && d.message().equals(
        "this table has no layer rows: the model's layers are not shown, so every count is a lower bound")),
        a.diagnostics().toString());
    assertTrue(a.layers().lowerBounds().contains(Convention.KERAS), a.layers().toString());
    assertTrue(a.layers().lowerBounds().contains(Convention.DEPTH), a.layers().toString());
  }
}
