package io.layercount.pytorch.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.spi.Source;
import org.junit.jupiter.api.Test;

/** Detection without the corpus: Keras's and torchsummary's {@code Layer (type)} headers look alike. */
class DetectTest {
  private static final String KERAS2 = """
      Model: "sequential"
      _________________________________________________________________
       Layer (type)                Output Shape              Param #
      =================================================================
       conv2d (Conv2D)             (None, 26, 26, 32)        320
       flatten (Flatten)           (None, 21632)             0
       dense (Dense)               (None, 10)                216330
      =================================================================
      Total params: 216,650
      Trainable params: 216,650
      Non-trainable params: 0
      _________________________________________________________________
      """;
  private static final String KERAS2_MULTI_OUTPUT_INPUT = """
      __________________________________________________________________________________________________
       Layer (type)                   Output Shape         Param #     Connected to
      ==================================================================================================
       input_1 (InputLayer)           [(None, 28, 28, 1)]  0           []
      """;
  private static final String TORCHSUMMARY = """
      ----------------------------------------------------------------
              Layer (type)               Output Shape         Param #
      ================================================================
                  Conv2d-1           [-1, 16, 32, 32]             448
      ================================================================
      Total params: 448
      Trainable params: 448
      Non-trainable params: 0
      ----------------------------------------------------------------
      """;
  private static final String TORCHINFO_PLAIN_ROOT_ONLY = """
      ==========================================================================================
      Layer (type)                             Output Shape              Param #
      ==========================================================================================
      Linear                                   [1, 5]                    15
      ==========================================================================================
      Total params: 15
      Trainable params: 15
      Non-trainable params: 0
      ==========================================================================================
      """;
  private static final String PRINTOUT = """
      Net(
        (conv1): Conv2d(1, 6, kernel_size=(5, 5), stride=(1, 1))
        (fc1): Linear(in_features=400, out_features=120, bias=True)
      )
      """;

  @Test
  void kerasAndPrintoutsScoreZero() {
    for (String text : new String[] {KERAS2, KERAS2_MULTI_OUTPUT_INPUT, PRINTOUT}) {
      Source s = Source.of("t", text);
      assertEquals(0.0, new TorchinfoParser().detect(s), text);
      assertEquals(0.0, new TorchsummaryParser().detect(s), text);
    }
  }

  @Test
  void torchsummaryRowsGoToTorchsummary() {
    Source s = Source.of("t", TORCHSUMMARY);
    assertEquals(0.0, new TorchinfoParser().detect(s));
    assertTrue(new TorchsummaryParser().detect(s) >= 0.9);
  }

  @Test
  void bareHeaderOverTorchinfoRootRowGoesToTorchinfo() {
    Source s = Source.of("t", TORCHINFO_PLAIN_ROOT_ONLY);
    assertTrue(new TorchinfoParser().detect(s) >= 0.8);
    assertEquals(0.0, new TorchsummaryParser().detect(s));
    assertEquals(15L, new TorchinfoParser().parse(s).networks().get(0).root().stated().params());
  }
}
