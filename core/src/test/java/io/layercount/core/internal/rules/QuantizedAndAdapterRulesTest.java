package io.layercount.core.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.internal.Analyzer;
import io.layercount.core.model.Network;
import io.layercount.core.testing.PrintoutTree;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The layers quantization and fine-tuning libraries put in a printout, each with its count worked
 * out by hand. They had no rule: a 4-bit Mixtral's total read 0.26 billion of its 46.7 billion, a
 * quantized LeNet none of its conv/FC layers. Where the stored tensors differ from the layer's
 * logical size (4-bit weights packed two a byte, torch.ao's packed int8 weights, which are not
 * Parameters at all), the logical size is counted and not called exact.
 */
class QuantizedAndAdapterRulesTest {
  private static Analysis analyse(String... lines) {
    return Analyzer.standard().analyze(
        new Network("pytorch", null, PrintoutTree.parse(String.join("\n", lines)), false, null, List.of()), 0,
        List.of());
  }

  /** diffusers' LoRA-ready subclasses of Linear and Conv2d (a published PixArt-like printout had 6). */
  @Test
  void diffusersLoraCompatibleLayersAreLinearAndConvolution() {
    Analysis a = analyse(
        "Sequential(",
        "  (0): LoRACompatibleConv(4, 320, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))",
        "  (1): LoRACompatibleLinear(in_features=320, out_features=1280, bias=True)",
        ")");
    assertEquals(4 * 320 * 9 + 320 + 320 * 1280 + 1280, a.parameters().total());
    assertTrue(a.parameters().exact(), a.diagnostics().toString());
    assertEquals(2, a.layers().weighted());
  }

  /**
   * With a LoRA layer, diffusers prints its own arguments above a {@code (lora_layer)} child: the
   * Linear's weight and bias are its own, the adapter's down and up projections the child's, and the
   * adapter runs beside the weight (depth 2, down then up). Before, the class was an unknown container.
   */
  @Test
  void aLoraCompatibleLinearHoldingItsLoraLayerCountsBoth() {
    Analysis a = analyse(
        "Sequential(",
        "  (0): LoRACompatibleLinear(",
        "    in_features=320, out_features=1280, bias=True",
        "    (lora_layer): LoRALinearLayer(",
        "      (down): Linear(in_features=320, out_features=4, bias=False)",
        "      (up): Linear(in_features=4, out_features=1280, bias=False)",
        "    )",
        "  )",
        ")");
    assertEquals(320 * 1280 + 1280 + 320 * 4 + 4 * 1280, a.parameters().total());
    assertTrue(a.parameters().exact(), a.diagnostics().toString());
    assertEquals(2, a.layers().depth());
  }

  @Test
  void anEightBitLinearIsALinearLayer() {
    Analysis a = analyse(
        "Sequential(",
        "  (0): Linear8bitLt(in_features=64, out_features=32, bias=True)",
        "  (1): Linear8bitLt(in_features=32, out_features=8, bias=False)",
        ")");
    assertEquals(64 * 32 + 32 + 32 * 8, a.parameters().total());
    assertTrue(a.parameters().exact(), a.diagnostics().toString());
    assertEquals(2, a.layers().depth());
  }

  @Test
  void aFourBitLinearCountsItsLogicalSizeNotCalledExact() {
    Analysis a = analyse(
        "Sequential(",
        "  (0): Linear4bit(in_features=64, out_features=32, bias=True)",
        "  (1): Linear(in_features=32, out_features=8, bias=False)",
        ")");
    assertEquals(64 * 32 + 32 + 32 * 8, a.parameters().total());
    assertFalse(a.parameters().exact());
    assertEquals(2, a.layers().weighted());
  }

  @Test
  void torchAoQuantizedLayersCountTheirLogicalSizeNotCalledExact() {
    Analysis a = analyse(
        "LeNet(",
        "  (quant): Quantize(scale=tensor([0.0079]), zero_point=tensor([0]), dtype=torch.quint8)",
        "  (conv1): QuantizedConv2d(1, 6, kernel_size=(5, 5), stride=(1, 1), scale=0.05, zero_point=64)",
        "  (relu): QuantizedConvReLU2d(6, 16, kernel_size=(5, 5), stride=(1, 1), scale=0.04, zero_point=0)",
        "  (fc1): QuantizedLinear(in_features=256, out_features=120, scale=0.1, zero_point=70, qscheme=torch.per_tensor_affine)",
        "  (fc2): DynamicQuantizedLinear(in_features=120, out_features=10, dtype=torch.qint8, qscheme=torch.per_tensor_affine)",
        "  (dequant): DeQuantize()",
        ")");
    assertEquals((6 * 25 + 6) + (16 * 6 * 25 + 16) + (256 * 120 + 120) + (120 * 10 + 10), a.parameters().total());
    assertFalse(a.parameters().exact());
    assertEquals(4, a.layers().weighted());
    assertEquals(4, a.layers().depth());
    assertEquals(List.of("LeNet"), a.parameters().unknownTypes(), "the stubs are known to hold no parameters");
  }

  /**
   * PEFT's newer LoRA wrapper: the wrapped layer is its child base_layer, beside the adapters; the
   * wrapper owns nothing itself, and the adapters' way (lora_A, then lora_B) is the longer: depth 2.
   */
  @Test
  void aLoraWrapperOwnsNothingAndItsAdaptersRunBesideTheWrappedLayer() {
    Analysis a = analyse(
        "lora.Linear(",
        "  (base_layer): Linear(in_features=64, out_features=64, bias=True)",
        "  (lora_dropout): ModuleDict(",
        "    (default): Dropout(p=0.1, inplace=False)",
        "  )",
        "  (lora_A): ModuleDict(",
        "    (default): Linear(in_features=64, out_features=8, bias=False)",
        "  )",
        "  (lora_B): ModuleDict(",
        "    (default): Linear(in_features=8, out_features=64, bias=False)",
        "  )",
        "  (lora_embedding_A): ParameterDict()",
        "  (lora_embedding_B): ParameterDict()",
        ")");
    assertEquals(64 * 64 + 64 + 64 * 8 + 8 * 64, a.parameters().total());
    assertTrue(a.parameters().exact(), a.diagnostics().toString());
    assertEquals(2, a.layers().depth());
    assertEquals(3, a.layers().weighted());
  }
}
