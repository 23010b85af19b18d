package io.layercount.pytorch.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.LayerCount;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * torchinfo prints a container that forward never called with its depth alone ({@code ModuleList:
 * 2}, no index). Such a row was read as a parameter's row of the module above it, and the rows
 * under it as nested two levels below their parent.
 */
class DepthAloneRowTest {
  @Test
  void aRowWithItsDepthAloneIsAModule() {
    String text = """
        ==========================================================================================
        Layer (type:depth-idx)                   Output Shape              Param #
        ==========================================================================================
        Net                                      [1, 10]                   --
        ├─Encoder: 1-1                           [1, 20]                   --
        │    └─ModuleList: 2                     --                        --
        │    │    └─Linear: 3-1                  [1, 20]                   220
        │    │    └─Linear: 3-2                  [1, 10]                   210
        ==========================================================================================
        Total params: 430
        Trainable params: 430
        Non-trainable params: 0
        ==========================================================================================
        """;
    List<Analysis> all = LayerCount.standard().analyze("t", text.getBytes(StandardCharsets.UTF_8));
    Analysis a = all.get(0);
    assertEquals(430, a.parameters().total());
    assertTrue(a.parameters().exact(), a.diagnostics().toString());
    assertEquals(5, a.layers().modules());
    assertEquals(List.of(), a.diagnostics().stream().filter(d -> d.message().contains("levels below")).toList());
  }
}
