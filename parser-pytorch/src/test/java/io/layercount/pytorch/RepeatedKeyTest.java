package io.layercount.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.Diagnostic;
import io.layercount.core.LayerCount;
import io.layercount.core.Severity;
import io.layercount.core.model.Network;
import io.layercount.core.spi.Source;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PyTorch prints each child of a module once: a key printed again under one module means the text
 * lost a line (the one that opened another module) or repeats a part, and its counts are a guess.
 * Found by the fuzz test's deletion check (seed 20261206, case 6239): a UnivNet printout that lost
 * a block's closers and the next block's header read as one block of every child twice, inside a
 * run of two, and its larger total was called exact.
 */
class RepeatedKeyTest {
  private static List<Diagnostic> diagnostics(String... lines) {
    Network net = new PytorchPrintoutParser().parse(Source.of("t", String.join("\n", lines))).networks().get(0);
    return net.diagnostics();
  }

  @Test
  void aKeyPrintedTwiceUnderOneModuleIsAnErrorWhereItIsPrintedAgain() {
    List<Diagnostic> d = diagnostics(
        "Net(",
        "  (blocks): ModuleList(",
        "    (0-1): 2 x Block(",
        "      (conv): Conv2d(8, 8, kernel_size=(3, 3), stride=(1, 1))",
        "      (conv): Conv2d(8, 8, kernel_size=(3, 3), stride=(1, 1))",
        "    )",
        "  )",
        ")");
    assertEquals(1, d.size(), d.toString());
    assertEquals(Severity.ERROR, d.get(0).severity());
    assertEquals(5, d.get(0).line());
    assertEquals(7, d.get(0).column());
    assertTrue(d.get(0).message().startsWith("'Block' (line 3) prints the key 'conv' a second time"), d.get(0).message());
  }

  @Test
  void noCountOfSuchATextIsCalledExact() {
    String text = String.join("\n",
        "Net(",
        "  (0): Linear(in_features=8, out_features=8, bias=True)",
        "  (1): Linear(in_features=8, out_features=8, bias=True)",
        "  (1): Linear(in_features=8, out_features=8, bias=True)",
        ")");
    Analysis a = LayerCount.standard().analyze("t", text.getBytes(StandardCharsets.UTF_8)).get(0);
    assertEquals(216, a.parameters().total());
    assertFalse(a.parameters().exact());
    assertTrue(a.diagnostics().stream().anyMatch(x -> x.severity() == Severity.ERROR && x.line() == 4), a.diagnostics()
        .toString());
  }

  @Test
  void keysAsPyTorchPrintsThemAreNotFlagged() {
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      many.append("\n    (name").append(i).append("): ReLU()");
    }
    List<Diagnostic> d = diagnostics(
        "Net(",
        "  (layers): ModuleList(",
        "    (0-2): 3 x Block(",
        "      (conv): Conv2d(8, 8, kernel_size=(3, 3), stride=(1, 1))",
        "    )",
        "    (3): Block(",
        "      (conv): Conv2d(8, 8, kernel_size=(3, 3), stride=(1, 1))",
        "    )",
        "  )",
        // a ModuleDict keeps its keys in the order they were added, numbers among them
        "  (heads): ModuleDict(",
        "    (10): Linear(in_features=8, out_features=2, bias=True)",
        "    (2): Linear(in_features=8, out_features=2, bias=True)",
        "    (b): Linear(in_features=8, out_features=2, bias=True)",
        "  )",
        "  (acts): Sequential(" + many,
        "  )",
        // the same keys under different modules
        "  (a): Block(",
        "    (conv): Conv2d(8, 8, kernel_size=(3, 3), stride=(1, 1))",
        "  )",
        ")");
    assertEquals(List.of(), d);
  }

  @Test
  void aRepeatedKeyIsFoundAmongManyKeysAndAmongIndicesOutOfOrder() {
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      many.append("\n  (name").append(i).append("): ReLU()");
    }
    List<Diagnostic> named = diagnostics("Net(" + many, "  (name7): ReLU()", ")");
    assertEquals(1, named.size(), named.toString());
    assertEquals(42, named.get(0).line());
    List<Diagnostic> indices = diagnostics("Net(", "  (10): ReLU()", "  (2): ReLU()", "  (10): ReLU()", ")");
    assertEquals(1, indices.size(), indices.toString());
    assertEquals(4, indices.get(0).line());
  }
}
