package io.layercount.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Diagnostic;
import io.layercount.core.Severity;
import io.layercount.core.spi.ParseResult;
import io.layercount.core.spi.Source;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a {@code Connected to} cell naming no row of the table means. */
class ConnectionsTest {
  private static final String RULE = "_".repeat(100) + "\n";
  private static final String HEADER = RULE
      + "Layer (type)                     Output Shape          Param #     Connected to\n" + "=".repeat(100) + "\n";

  private static List<String> warnings(String text) {
    ParseResult result = new KerasSummaryParser().parse(Source.of("t", text));
    assertEquals(1, result.networks().size(), result.diagnostics().toString());
    List<String> out = new ArrayList<>();
    for (Diagnostic d : result.diagnostics()) {
      if (d.severity() == Severity.WARNING) {
        out.add(d.line() + ": " + d.message());
      }
    }
    for (Diagnostic d : result.networks().get(0).diagnostics()) {
      if (d.severity() == Severity.WARNING) {
        out.add(d.line() + ": " + d.message());
      }
    }
    return out;
  }

  /** A Keras 1 table of a Lambda and a Dense layer, connected to {@code first} and {@code second}. */
  private static String table(String first, String second) {
    return HEADER
        + "lambda_1 (Lambda)                (None, 160, 320, 3)   0           " + first + "[0][0]\n" + RULE
        + "dense_1 (Dense)                  (None, 160, 320, 1)   4           " + second + "[0][0]\n" + "=".repeat(100)
        + "\nTotal params: 4\nTrainable params: 4\nNon-trainable params: 0\n";
  }

  @Test
  void aKeras1SequentialsFirstLayerReadsTheInputItListsNoRowFor() {
    // Keras 1 prints a Sequential model's first layer as connected to 'lambda_input_1', an input
    // layer it made itself and does not list: the model's input, not a lost layer
    assertEquals(List.of(), warnings(table("lambda_input_1", "lambda_1")));
  }

  @Test
  void aLaterRowNamingNoLayerIsStillWarnedOf() {
    List<String> warnings = warnings(table("lambda_input_1", "other_input_1"));
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).startsWith("6: 'other_input_1[0][0]' names no layer of this table"), warnings.toString());
  }
}
