package io.layercount.core.internal.depth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.internal.Analyzer;
import io.layercount.core.model.Layer;
import io.layercount.core.model.Network;
import io.layercount.core.testing.PrintoutTree;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A run of shortcuts or side inputs: each occurrence reads what the first read and leaves nothing
 * the next reads, so past the first few the rest are not replayed one by one. A damaged text
 * printed {@code (downsample): 351239414 x Sequential(} inside a block (fuzz seed 2, case 35842):
 * a point each, until the heap ran out.
 */
class RunsOfShortcutsTest {
  private static Analysis block(int shortcuts) {
    String text = String.join("\n",
        "Bottleneck(",
        "  (conv1): Conv2d(64, 64, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "  (conv2): Conv2d(64, 256, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), bias=False)",
        "  (downsample): Sequential(",
        "    (0): Conv2d(64, 256, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "    (1): BatchNorm2d(256, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)",
        "  )",
        ")");
    Layer parsed = PrintoutTree.parse(text);
    // the run as the PyTorch reader makes it from "(downsample): N x Sequential("
    Layer downsample = parsed.children().get(2);
    List<Layer> children = new ArrayList<>(parsed.children().subList(0, 2));
    children.add(new Layer(downsample.name(), downsample.typeName(), downsample.arguments(), downsample.children(),
        shortcuts, downsample.stated(), downsample.line()));
    Layer root = new Layer("", parsed.typeName(), parsed.arguments(), children, 1, parsed.stated(), 1);
    return Analyzer.standard().analyze(new Network("pytorch", null, root, false, null, List.of()), 0, List.of());
  }

  @Test
  void aRunOfShortcutsHasTheDepthOfOneWhateverItsLength() {
    Analysis one = block(1);
    assertEquals(2, one.layers().depth());
    assertEquals(List.of("downsample.0: projection shortcut, on a shorter path"), DataflowRulesTest.excluded(one));
    for (int n : new int[] {2, 3, 4, 5, 6, 1_000, 351_239_414}) {
      Analysis run = block(n);
      assertEquals(2, run.layers().depth(), n + " shortcuts");
      if (n <= 6) {
        // each occurrence is off the path, as the one is (a longer run's explanation is cut)
        List<String> off = DataflowRulesTest.excluded(run);
        assertEquals(n, off.size(), off.toString());
        off.forEach(x -> assertTrue(x.endsWith(": projection shortcut, on a shorter path"), x));
      }
    }
  }
}
