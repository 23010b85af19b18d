package io.layercount.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.layercount.core.spi.Source;
import org.junit.jupiter.api.Test;

class PytorchPrinterTest {
  private final PytorchPrintoutParser parser = new PytorchPrintoutParser();

  private String rerender(String text) {
    return PytorchPrinter.render(parser.read(Source.of("t", text)).printouts().get(0));
  }

  @Test
  void modernFixturesComeBackExactly() {
    for (String name : new String[] {"collapsed-run.txt", "none-and-odd-keys.txt", "mixture.txt"}) {
      String text = PytorchPrintoutParserTest.resource(name);
      assertEquals(text.replace("GraphConvolution (", "GraphConvolution("), rerender(text), name);
    }
  }

  @Test
  void legacyFormsRenderModern() {
    assertEquals("Net(\n  (fc): Linear(512 -> 1000)\n  (pool): AvgPool2d()\n  (s): Sequential(\n    (0): ReLU()\n  )\n)\n",
        rerender("Net (\n  (fc): Linear (512 -> 1000)\n  (pool): AvgPool2d (\n  )\n  (s): Sequential {\n    (0): ReLU ()\n  }\n)\n"));
  }

  @Test
  void identicalModuleListChildrenCollapseAsPytorchDoes() {
    String expanded = "M(\n  (layers): ModuleList(\n    (0): B(\n      (fc): Linear(in_features=2, out_features=2, bias=True)\n    )\n"
        + "    (1): B(\n      (fc): Linear(in_features=2, out_features=2, bias=True)\n    )\n"
        + "    (2): B(\n      (fc): Linear(in_features=2, out_features=3, bias=True)\n    )\n"
        + "    (3): ReLU()\n    (4): ReLU()\n  )\n  (seq): Sequential(\n    (0): ReLU()\n    (1): ReLU()\n  )\n)\n";
    String collapsed = "M(\n  (layers): ModuleList(\n    (0-1): 2 x B(\n      (fc): Linear(in_features=2, out_features=2, bias=True)\n    )\n"
        + "    (2): B(\n      (fc): Linear(in_features=2, out_features=3, bias=True)\n    )\n"
        + "    (3-4): 2 x ReLU()\n  )\n  (seq): Sequential(\n    (0): ReLU()\n    (1): ReLU()\n  )\n)\n";
    assertEquals(collapsed, rerender(expanded));
    assertEquals(collapsed, rerender(collapsed));
  }

  @Test
  void aBlockWithOneExtraLineAndNoChildrenPrintsOnOneLine() {
    assertEquals("Net(\n  (n): Norm(8, eps=1e-05)\n)\n", rerender("Net(\n  (n): Norm(\n    8, eps=1e-05\n  )\n)\n"));
  }
}
