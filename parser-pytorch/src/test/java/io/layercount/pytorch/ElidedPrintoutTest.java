package io.layercount.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.Convention;
import io.layercount.core.LayerCount;
import io.layercount.core.Severity;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A printout whose writer left modules out with a {@code ...} line (a published pruning benchmark
 * printed ViT-B/32's encoder layers 0, 10 and 11 only, twice): the printout goes on past the mark,
 * one model, its counts lower bounds. Before, the mark ended the printout and each later block was
 * read as a model of its own, two encoder layers called exact.
 */
class ElidedPrintoutTest {
  private static final String ELIDED = """
      Net(
        (layers): Sequential(
          (layer_0): Sequential(
            (fc): Linear(in_features=8, out_features=8, bias=True)
          )
      ...
          (layer_9): Sequential(
            (fc): Linear(in_features=8, out_features=8, bias=True)
          )
        )
        (head): Linear(in_features=8, out_features=2, bias=True)
      )
      """;

  @Test
  void theMarkLeavesOneModelWhoseCountsAreLowerBounds() {
    for (String mark : List.of("...", "…", "      ...", "⋮")) {
      List<Analysis> all = LayerCount.standard().analyze("t",
          ELIDED.replace("\n...\n", "\n" + mark + "\n").getBytes(StandardCharsets.UTF_8));
      assertEquals(1, all.size(), mark + ": " + all);
      Analysis a = all.get(0);
      assertEquals("Net", a.model().rootType());
      assertEquals(72 + 72 + 18, a.parameters().total(), mark);
      assertFalse(a.parameters().exact(), mark);
      assertEquals(EnumSet.allOf(Convention.class), a.layers().lowerBounds(), mark);
      assertTrue(a.diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR && d.line() == 6
          && d.message().contains("modules were left out of the printout here")), a.diagnostics().toString());
    }
  }

  @Test
  void onlyALineOfTheMarkAloneIsOne() {
    assertTrue(PrintoutReader.isElision("  ..."));
    assertTrue(PrintoutReader.isElision("[...]"));
    assertFalse(PrintoutReader.isElision("(0): Linear(...)"));
    assertFalse(PrintoutReader.isElision("... 12 more layers"));
  }
}
