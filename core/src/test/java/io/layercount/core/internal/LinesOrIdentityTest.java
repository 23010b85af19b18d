package io.layercount.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.model.Layer;
import io.layercount.core.model.Network;
import io.layercount.core.testing.PrintoutTree;
import io.layercount.core.testing.Trees;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The maps over a tree are kept by line where each layer stands on a line of its own
 * ({@link LineTable}), by identity otherwise: the two must give one analysis. ResNet-18 as printed,
 * and the same tree with every line 0 (as a program may make it), are counted alike; so is a timm
 * model whose pooling hides two children, which stand on its line.
 */
class LinesOrIdentityTest {
  @Test
  void aTreeKeptByLineAndOneKeptByIdentityAreCountedAlike() throws IOException {
    String text;
    try (InputStream in = getClass().getResourceAsStream("/io/layercount/core/fixtures/resnet18-pytorch-0.2.txt")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Layer printed = PrintoutTree.parse(text);
    Layer unnumbered = Trees.withoutLines(printed);
    Analysis byLine = analyse(printed);
    Analysis byIdentity = analyse(unnumbered);
    assertTrue(byLine.ok() && byIdentity.ok());
    assertEquals(18, byLine.layers().depth());
    assertEquals(byLine.layers(), byIdentity.layers());
    assertEquals(byLine.parameters(), byIdentity.parameters());
    assertEquals(byLine.byType(), byIdentity.byType());
    assertEquals(byLine.explanation().toString().replaceAll("line=\\d+", ""),
        byIdentity.explanation().toString().replaceAll("line=\\d+", ""));
  }

  @Test
  void aTreeWhoseHiddenChildrenShareTheirParentsLineIsCountedAsByIdentity() {
    String block = String.join("\n",
        "    (%d): BasicBlock(",
        "      (conv1): Conv2d(8, 8, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), bias=False)",
        "      (bn1): BatchNorm2d(8, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)",
        "      (act1): ReLU(inplace=True)",
        "      (conv2): Conv2d(8, 8, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), bias=False)",
        "      (bn2): BatchNorm2d(8, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)",
        "    )");
    Layer printed = PrintoutTree.parse(String.join("\n",
        "ResNet(",
        "  (conv1): Conv2d(3, 8, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), bias=False)",
        "  (layer1): Sequential(",
        String.format(block, 0),
        String.format(block, 1),
        "  )",
        "  (global_pool): SelectAdaptivePool2d(pool_type=avg, flatten=Flatten(start_dim=1, end_dim=-1))",
        "  (fc): Linear(in_features=8, out_features=10, bias=True)",
        ")"));
    Analysis byLine = analyse(printed);
    Analysis byIdentity = analyse(Trees.withoutLines(printed));
    assertTrue(byLine.ok() && byIdentity.ok());
    // the pool and flatten hidden inside global_pool are modules; 1 + 4 + 1 conv/FC layers deep
    assertEquals(6, byLine.layers().depth());
    assertEquals(printedModules(printed) + 2, byLine.layers().modules());
    assertEquals(byLine.layers(), byIdentity.layers());
    assertEquals(byLine.parameters(), byIdentity.parameters());
    assertEquals(byLine.byType(), byIdentity.byType());
    assertEquals(byLine.explanation().toString().replaceAll("line=\\d+", ""),
        byIdentity.explanation().toString().replaceAll("line=\\d+", ""));
  }

  private static int printedModules(Layer layer) {
    int n = 1;
    for (Layer child : layer.children()) {
      n += printedModules(child);
    }
    return n;
  }

  private static Analysis analyse(Layer root) {
    return Analyzer.standard().analyze(new Network("pytorch", null, root, false, null, List.of()), 0, List.of());
  }
}
