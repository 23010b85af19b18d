package io.layercount.pytorch.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.layercount.core.model.Layer;
import io.layercount.core.model.Network;
import io.layercount.core.spi.Source;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * pytorch_model_summary prints a layer called on several tensors with each input's shape, one
 * after another ({@code [22, 30, 400], [1, 30, 128], [1, 30, 128]} for an LSTM given its states).
 * A published table's LSTM row was ignored for its extra cells, and its 271,360 parameters with it.
 */
class SeveralInputShapesTest {
  private static final String TABLE = """
      -------------------------------------------------------------------------------------------------
            Layer (type)                                   Input Shape         Param #     Tr. Param #
      =================================================================================================
             Embedding-1                                      [30, 22]         130,000               0
                  LSTM-2     [22, 30, 400], [1, 30, 128], [1, 30, 128]         271,360               0
                Linear-3                                     [30, 128]             387               0
      =================================================================================================
      Total params: 401,747
      Trainable params: 0
      Non-trainable params: 401,747
      """;

  @Test
  void aRowOfSeveralInputShapesIsRead() {
    Network n = new TorchsummaryParser().parse(Source.of("t", TABLE)).networks().get(0);
    List<String> rows = new ArrayList<>();
    for (Layer l : n.root().children()) {
      rows.add(l.typeName() + " " + l.stated().params());
    }
    assertEquals(List.of("Embedding 130000", "LSTM 271360", "Linear 387"), rows);
    assertEquals(0, n.diagnostics().stream().filter(d -> d.message().startsWith("row not understood")).count(),
        n.diagnostics().toString());
  }

  /** Shapes joined only where a comma ends one: two cells side by side stay two. */
  @Test
  void cellsWithoutACommaBetweenThemStayApart() {
    assertEquals(List.of("[1, 2]", "[3]", "5"), Cells.cellTokens("[1, 2] [3] 5", 0));
    assertEquals(List.of("[1, 2], [3]", "5"), Cells.cellTokens("[1, 2], [3] 5", 0));
    assertEquals(List.of("[1, 2],", "[3]", "5"), Cells.tokens("[1, 2], [3] 5", 0));
  }
}
