package io.layercount.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.Diagnostic;
import io.layercount.core.LayerCount;
import io.layercount.core.Severity;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * PyTorch Lightning prints a ModelSummary table at every fit: its top-level modules, their counts
 * rounded. layercount does not read it (no layer count or exact total follows from it), and says
 * so by name rather than with the plain "no model found".
 */
class LightningSummaryTest {
  private static final String SUMMARY = """
        | Name     | Type        | Params
      -----------------------------------------
      0 | encoder  | QuartzNet   | 6.7 M
      1 | decoder  | ConvDecoder | 34.9 K
      -----------------------------------------
      6.7 M     Trainable params
      0         Non-trainable params
      6.7 M     Total params
      26.972    Total estimated model params size (MB)
      """;

  @Test
  void theTableIsNamedAndWhatToPrintInsteadSaid() {
    Analysis a = LayerCount.standard().analyze("t", SUMMARY.getBytes(StandardCharsets.UTF_8)).get(0);
    assertFalse(a.ok());
    Diagnostic d = a.diagnostics().stream().filter(x -> x.severity() == Severity.ERROR).findFirst().orElseThrow();
    assertEquals(1, d.line());
    assertTrue(d.message().startsWith("no model found: this is PyTorch Lightning's ModelSummary table, whose counts are"
        + " rounded (6.7 M)"), d.message());
    // without its footer, a table of that header is not taken for one
    Analysis other = LayerCount.standard().analyze("t", "| Name | Type | Params\n| a | b | c\n".getBytes(StandardCharsets.UTF_8)).get(0);
    assertTrue(other.diagnostics().stream().anyMatch(x -> x.message().startsWith("no model found: the text is not")),
        other.diagnostics().toString());
  }

  /** The box-drawn table Lightning's Rich progress bar prints (a published training log), named too. */
  @Test
  void theRichTableIsNamedToo() {
    String rich = String.join("\n",
        "\u250f\u2501\u2501\u2501\u2533\u2501\u2501\u2501\u2501\u2501\u2533\u2501\u2501\u2501\u2501\u2533\u2501\u2501\u2501\u2501\u2513",
        "\u2503   \u2503 Name   \u2503 Type       \u2503 Params \u2503",
        "\u2521\u2501\u2501\u2501\u2547\u2501\u2501\u2501\u2501\u2501\u2547\u2501\u2501\u2501\u2501\u2547\u2501\u2501\u2501\u2501\u2529",
        "\u2502 0 \u2502 blocks \u2502 ModuleList \u2502  7.2 M \u2502",
        "\u2514\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2518",
        "Trainable params: 7.2 M",
        "Non-trainable params: 0",
        "Total params: 7.2 M", "");
    Analysis a = LayerCount.standard().analyze("t", rich.getBytes(StandardCharsets.UTF_8)).get(0);
    assertFalse(a.ok());
    Diagnostic d = a.diagnostics().stream().filter(x -> x.severity() == Severity.ERROR).findFirst().orElseThrow();
    assertEquals(2, d.line());
    assertTrue(d.message().startsWith("no model found: this is PyTorch Lightning's ModelSummary table"), d.message());
  }
}
