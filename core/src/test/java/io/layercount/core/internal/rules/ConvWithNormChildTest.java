package io.layercount.core.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.testing.Printouts;
import org.junit.jupiter.api.Test;

/**
 * detectron2's {@code Conv2d} prints a convolution's arguments on a line of its own with its
 * {@code (norm)} below: the convolution's rule is its own, as every detectron2 model prints its
 * convolutions so. Before, it was a class without a rule and its weights were in no count (a
 * published RetinaNet printout: a lower bound of 12.8 M for 36,276,717).
 */
class ConvWithNormChildTest {
  @Test
  void aConvolutionPrintingItsNormBelowItsArgumentsCountsItsWeights() {
    Analysis a = Printouts.analyse(
        "Sequential(",
        "  (conv1): Conv2d(",
        "    3, 64, kernel_size=(7, 7), stride=(2, 2), padding=(3, 3), bias=False",
        "    (norm): BatchNorm2d(64, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)",
        "  )",
        ")");
    assertEquals(9_408 + 128, a.parameters().total());
    assertTrue(a.parameters().exact(), a.diagnostics().toString());
    assertEquals(1, a.layers().weighted());
  }

  @Test
  void aClassWrappingItsConvolutionIsNoConvolutionItself() {
    // no arguments of its own: its child is the convolution, counted once
    Analysis a = Printouts.analyse(
        "Sequential(",
        "  (conv1): Conv2d(",
        "    (conv): Conv2d(3, 64, kernel_size=(7, 7), stride=(2, 2), padding=(3, 3), bias=False)",
        "  )",
        ")");
    assertEquals(9_408, a.parameters().total());
    assertFalse(a.parameters().exact(), "the wrapper's own parameters are not known");
  }

  /**
   * A Linear prepared for quantization-aware training prints its arguments on a line of its own and
   * its observers below: its weights are its own (a published QAT notebook: 0 counted for 89,610).
   */
  @Test
  void aLinearPrintingItsObserversBelowItsArgumentsCountsItsWeights() {
    Analysis a = Printouts.analyse(
        "Sequential(",
        "  (0): Linear(",
        "    in_features=784, out_features=100, bias=True",
        "    (weight_fake_quant): Identity()",
        "    (activation_post_process): Identity()",
        "  )",
        ")");
    assertEquals(78_500, a.parameters().total());
    assertTrue(a.parameters().exact(), a.diagnostics().toString());
  }

  /** An older PEFT's LoRA layer: the base weight is the layer's own, the adapters their children's. */
  @Test
  void aLinearPrintingLoraAdaptersBelowItsArgumentsCountsItsWeights() {
    Analysis a = Printouts.analyse(
        "Sequential(",
        "  (q_proj): Linear(",
        "    in_features=64, out_features=64, bias=False",
        "    (lora_dropout): ModuleDict(",
        "      (default): Dropout(p=0.05, inplace=False)",
        "    )",
        "    (lora_A): ModuleDict(",
        "      (default): Linear(in_features=64, out_features=8, bias=False)",
        "    )",
        "    (lora_B): ModuleDict(",
        "      (default): Linear(in_features=8, out_features=64, bias=False)",
        "    )",
        "  )",
        ")");
    assertEquals(4_096 + 512 + 512, a.parameters().total());
    assertTrue(a.parameters().exact(), a.diagnostics().toString());
  }
}
