package io.layercount.pytorch.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.LayerCount;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * torchinfo's ASCII set draws a branch {@code |--} and the last one {@code '--}; with {@code
 * verbose=2} each module's tensors follow it as rows of their own ({@code '--weight}, the count
 * {@code '--6,000}). torchinfo's own test output of an LSTM so printed read every {@code '--} row
 * as a module named {@code '--weight}, of no rule.
 */
class AsciiVerboseRowsTest {
  private static final String TABLE = """
      ========================================================================================================================
      Layer (type (var_name))                  Kernel Shape         Output Shape         Param #              Mult-Adds
      ========================================================================================================================
      LSTMNet (LSTMNet)                        --                   [100, 20]            --                   --
      |--Embedding (embedding)                 --                   [1, 100, 300]        6,000                6,000
      |    '--weight                           [300, 20]                                 '--6,000
      |--LSTM (encoder)                        --                   [1, 100, 512]        3,768,320            376,832,000
      |    |--weight_ih_l0                     [2048, 300]                               |--614,400
      |    |--weight_hh_l0                     [2048, 512]                               |--1,048,576
      |    |--bias_ih_l0                       [2048]                                    |--2,048
      |    |--bias_hh_l0                       [2048]                                    |--2,048
      |    |--weight_ih_l1                     [2048, 512]                               |--1,048,576
      |    |--weight_hh_l1                     [2048, 512]                               |--1,048,576
      |    |--bias_ih_l1                       [2048]                                    |--2,048
      |    '--bias_hh_l1                       [2048]                                    '--2,048
      '--Linear (decoder)                      --                   [1, 100, 20]         10,260               10,260
           |--weight                           [512, 20]                                 |--10,240
           '--bias                             [20]                                      '--20
      ========================================================================================================================
      Total params: 3,784,580
      Trainable params: 3,784,580
      Non-trainable params: 0
      Total mult-adds (M): 376.85
      ========================================================================================================================
      Input size (MB): 0.00
      Forward/backward pass size (MB): 0.67
      Params size (MB): 15.14
      Estimated Total Size (MB): 15.80
      ========================================================================================================================
      """;

  @Test
  void theLastBranchOfTheAsciiSetIsABranch() {
    Analysis a = LayerCount.standard().analyze("t", TABLE.getBytes(StandardCharsets.UTF_8)).get(0);
    assertEquals("torchinfo", a.format());
    assertEquals(3_784_580, a.parameters().total());
    assertTrue(a.parameters().exact(), a.diagnostics().toString());
    assertEquals(Map.of("Embedding", 1, "LSTM", 1, "Linear", 1), a.byType());
    assertEquals(4, a.layers().modules());
  }
}
