package io.layercount.pytorch.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.LayerCount;
import io.layercount.core.Severity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * torch's MultiheadAttention as a table row with no rows inside: its out_proj is a Linear it holds
 * but never calls, so no summary shows it as a row. The class is two conv/FC layers (its input
 * projection and out_proj), as a printout shows it; and a row of it that shows no parameters (a
 * torch-summary 1.x table prints {@code --} for it) leaves its projections out of the rows and the
 * footer alike: a published PPO actor's table was exact at 256,228 with some 16,640 left out.
 */
class AttentionRowTest {
  private static Analysis analyse(String attentionCount) {
    String text = String.join("\n",
        "==========================================================================================",
        "Layer (type:depth-idx)                   Output Shape              Param #",
        "==========================================================================================",
        "├─Embedding: 1-1                         [-1, 1, 64]               2,048",
        "├─MultiheadAttention: 1-2                [-1, 10, 64]              " + attentionCount,
        "├─Linear: 1-3                            [-1, 10, 2]               130",
        "==========================================================================================",
        "Total params: " + (attentionCount.equals("--") ? "2,178" : "18,818"),
        "Trainable params: " + (attentionCount.equals("--") ? "2,178" : "18,818"),
        "Non-trainable params: 0",
        "==========================================================================================",
        "");
    List<Analysis> all = LayerCount.standard().analyze("t", text.getBytes(StandardCharsets.UTF_8));
    assertEquals(1, all.size());
    return all.get(0);
  }

  @Test
  void anAttentionRowWithNoParametersMakesTheTotalALowerBound() {
    Analysis a = analyse("--");
    assertEquals(2_178, a.parameters().total());
    assertFalse(a.parameters().exact());
    assertEquals(List.of("MultiheadAttention"), a.parameters().unknownTypes());
    assertTrue(a.diagnostics().stream().anyMatch(d -> d.severity() == Severity.WARNING && d.line() == 5
        && d.message().startsWith("this MultiheadAttention row shows no parameters")), a.diagnostics().toString());
  }

  @Test
  void anAttentionRowIsTwoConvFcLayersAsInAPrintout() {
    Analysis a = analyse("16,640");
    assertEquals(18_818, a.parameters().total());
    assertTrue(a.parameters().exact(), a.diagnostics().toString());
    assertEquals(3, a.layers().weighted());
    assertEquals(3, a.layers().depth());
  }
}
