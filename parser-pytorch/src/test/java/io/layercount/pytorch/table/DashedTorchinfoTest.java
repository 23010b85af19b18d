package io.layercount.pytorch.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.Diagnostic;
import io.layercount.core.LayerCount;
import io.layercount.core.Severity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * torchinfo tables whose dashes a web page or an editor changed: a depth-idx joined by an en dash
 * ({@code 1–1}) and a {@code --} cell made one dash. A published table's rows were read as
 * parameters of the root (a verbose table's rows have no depth-idx) and vanished with no word: a
 * model of 0 parameters whose depth 0 and 1 leaf were presented as whole. Also the depth-idx torchinfo
 * prints as a depth alone, and a table of no rows.
 */
class DashedTorchinfoTest {
  private static Analysis analyse(String rows) {
    String text = """
        ==========================================================================================
        Layer (type:depth-idx)                   Output Shape              Param #
        ==========================================================================================
        Net                                      [1, 10]                   --
        """ + rows + """
        ==========================================================================================
        Total params: 430
        Trainable params: 430
        Non-trainable params: 0
        ==========================================================================================
        """;
    List<Analysis> all = LayerCount.standard().analyze("t", text.getBytes(StandardCharsets.UTF_8));
    assertEquals(1, all.size());
    return all.get(0);
  }

  @Test
  void aDepthIndexJoinedByAnEnDashIsRead() {
    Analysis a = analyse("""
        ├─Linear: 1–1                            [1, 20]                   220
        ├─ReLU: 1–2                              [1, 20]                   –
        ├─Linear: 1–3                            [1, 10]                   210
        """);
    assertEquals(430, a.parameters().total());
    assertTrue(a.parameters().exact(), a.diagnostics().toString());
    assertEquals(2, a.layers().depth());
    assertEquals(3, a.layers().leaves());
  }

  @Test
  void aModuleRowWhoseDepthIndexIsNotReadIsAnErrorNotAParameter() {
    Analysis a = analyse("""
        ├─Linear: 1~1                            [1, 20]                   220
        ├─Linear: 1~2                            [1, 10]                   210
        """);
    List<Diagnostic> errors = a.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
    assertEquals(2, errors.size(), a.diagnostics().toString());
    assertEquals(5, errors.get(0).line());
    assertEquals("row not understood as a torchinfo layer: ignored, so every count is a lower bound",
        errors.get(0).message());
    assertFalse(a.parameters().exact());
    assertTrue(a.layers().lowerBounds().contains(io.layercount.core.Convention.LEAVES), a.layers().toString());
  }

  /**
   * torchinfo prints a container that forward never called with its depth alone ({@code ModuleList:
   * 2}, no index). Such a row was read as a parameter's row of the module above it, and the rows
   * under it as nested two levels below their parent.
   */
  @Test
  void aRowWithItsDepthAloneIsAModule() {
    Analysis a = analyse("""
        ├─Encoder: 1-1                           [1, 20]                   --
        │    └─ModuleList: 2                     --                        --
        │    │    └─Linear: 3-1                  [1, 20]                   220
        │    │    └─Linear: 3-2                  [1, 10]                   210
        """);
    assertEquals(430, a.parameters().total());
    assertTrue(a.parameters().exact(), a.diagnostics().toString());
    assertEquals(5, a.layers().modules());
    assertEquals(List.of(), a.diagnostics().stream().filter(d -> d.message().contains("levels below")).toList());
  }

  /** A table of no rows (its rows escaped by a Markdown converter and not read): no count of it is whole. */
  @Test
  void aTableWithNoRowsHasNoWholeCount() {
    String text = """
        ==========================================================================================
        Layer (type:depth-idx)                   Output Shape              Param #
        ==========================================================================================
        """;
    Analysis a = LayerCount.standard().analyze("t", text.getBytes(StandardCharsets.UTF_8)).get(0);
    assertTrue(a.diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR && d.message().equals(
        "the table has no rows: the model's layers are not shown, so every count is a lower bound")),
        a.diagnostics().toString());
    assertTrue(a.layers().lowerBounds().contains(io.layercount.core.Convention.DEPTH), a.layers().toString());
  }
}
