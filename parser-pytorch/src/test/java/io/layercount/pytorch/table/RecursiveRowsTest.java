package io.layercount.pytorch.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.LayerCount;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * torchinfo prints on a module's first row its parameters less those of the child rows listed under
 * it there. A module called again prints a {@code (recursive)} row, and the children its first call
 * never reached are listed under that row: their parameters are in the first row's count already.
 * A published Deformable DETR table (its transformer's encoder under the first row, its decoder
 * under the second) read 17,382,400, called exact, for 10,995,456 parameters.
 */
class RecursiveRowsTest {
  private static final String RULE = "=".repeat(150);
  private static final String HEADER = "Layer (type (var_name))                                                "
      + "Input Shape          Output Shape         Param #              Trainable";

  private static String row(String name, String params) {
    return String.format("%-71s%-21s%-21s%-21s%s", name, "--", "--", params, "True");
  }

  private static Analysis analyse(String transformerFirstRow, List<String> footer) {
    List<String> lines = new java.util.ArrayList<>(List.of(RULE, HEADER, RULE,
        row("DeformableDETRHead (bbox_head)", "--"),
        row("├─DeformableDetrTransformer (transformer)", transformerFirstRow),
        row("│    └─DetrTransformerEncoder (encoder)", "4,541,184"),
        row("│    └─Linear (enc_output)", "65,792"),
        row("│    └─LayerNorm (enc_output_norm)", "512"),
        row("├─DeformableDetrTransformer (transformer)", "(recursive)"),
        row("│    └─Linear (pos_trans)", "262,656"),
        row("│    └─LayerNorm (pos_trans_norm)", "1,024"),
        row("│    └─DeformableDetrTransformerDecoder (decoder)", "6,123,264"),
        RULE));
    lines.addAll(footer);
    List<Analysis> all = LayerCount.standard().analyze("t.txt", String.join("\n", lines) + "\n");
    assertEquals(1, all.size());
    return all.get(0);
  }

  /** 6,387,968 on the first row: the decoder's rows (6,386,944) and the transformer's own 1,024. */
  @Test
  void childrenListedUnderARecursiveRowAreTakenOffTheFirstRow() {
    Analysis a = analyse("6,387,968", List.of("Total params: 10,995,456", "Trainable params: 10,995,456",
        "Non-trainable params: 0", RULE));
    assertEquals(10_995_456L, a.parameters().total());
    assertTrue(a.parameters().exact(), a.diagnostics().toString());
  }

  /** A first row holding less than the rows under the recursive one: nothing taken off, and said. */
  @Test
  void rowsThatDoNotAddUpAreSaidSo() {
    Analysis a = analyse("1,000", List.of());
    assertEquals(4_541_184L + 65_792 + 512 + 1_000 + 262_656 + 1_024 + 6_123_264, a.parameters().total());
    assertTrue(a.diagnostics().stream().anyMatch(d -> d.message().contains("do not add up")), a.diagnostics().toString());
  }
}
