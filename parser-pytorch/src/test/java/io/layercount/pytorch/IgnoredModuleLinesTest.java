package io.layercount.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.Diagnostic;
import io.layercount.core.LayerCount;
import io.layercount.core.Severity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A printout read beside ignored text that holds a module's line ({@code (key): Type(...)}) may be
 * a part of a larger printout the text's damage broke up: none of its counts is called exact, and
 * an error says why. Ignored text of any other kind (a log, a footer) leaves the counts as they are.
 */
class IgnoredModuleLinesTest {
  private static List<Analysis> analyse(String text) {
    return LayerCount.standard().analyze("t", text.getBytes(StandardCharsets.UTF_8));
  }

  private static List<Diagnostic> errors(Analysis a) {
    return a.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
  }

  @Test
  void aBlockReadAloneAfterModuleLinesIsNotExact() {
    // the root's children a tab in (8 columns) but the block's 2 further, the root's closing line
    // lost: only the block reads (with its closing line, the root reads whole: OverIndentedLinesTest)
    List<Analysis> all = analyse("Net(\n\t(fc): Linear(in_features=512, out_features=10, bias=True)\n"
        + "\t(block): Sequential(\n\t  (0): Linear(in_features=4, out_features=4, bias=True)\n\t)\n");
    assertEquals(1, all.size());
    Analysis a = all.get(0);
    assertEquals("Sequential", a.model().rootType());
    assertEquals(20, a.parameters().total());
    assertFalse(a.parameters().exact());
    Diagnostic error = errors(a).get(0);
    assertEquals(2, error.line());
    assertEquals(9, error.column());
    assertEquals("a module's line ('(fc): Linear(in_features=512, out_features=10, bias=True)') lies outside every"
        + " printout read: the model may hold more than the printout beside it shows, so no count is called exact",
        error.message());
  }

  @Test
  void moduleLinesAfterThePrintoutMakeItsCountsInexactToo() {
    List<Analysis> all = analyse("Sequential(\n  (0): Linear(in_features=4, out_features=4, bias=True)\n)\n"
        + "      (1): Linear(in_features=4, out_features=4, bias=True)\n");
    Analysis a = all.get(0);
    assertEquals(20, a.parameters().total());
    assertFalse(a.parameters().exact());
    assertEquals(4, errors(a).get(0).line());
  }

  @Test
  void aLongModuleLineIsQuotedInPart() {
    String line = "(encoder): Linear(in_features=4096, out_features=4096, bias=True, device=cuda, dtype=float16)";
    Analysis a = analyse("Sequential(\n  (0): Linear(in_features=4, out_features=4, bias=True)\n)\n      " + line + "\n")
        .get(0);
    assertTrue(errors(a).get(0).message().startsWith("a module's line ('" + line.substring(0, 60) + "...') lies"),
        errors(a).toString());
  }

  @Test
  void otherTextAroundLeavesTheCountsExact() {
    List<Analysis> all = analyse("Loading the model (resnet) from the hub\n>>> print(model)\nSequential(\n"
        + "  (0): Linear(in_features=4, out_features=4, bias=True)\n)\nTotal params: 20\n(done)\n");
    Analysis a = all.get(0);
    assertTrue(a.parameters().exact(), a.diagnostics().toString());
    assertEquals(List.of(), errors(a));
  }

  @Test
  void twoPrintoutsWithTextBetweenAreEachExact() {
    List<Analysis> all = analyse("Sequential(\n  (fc): Linear(in_features=2, out_features=2, bias=True)\n)\n"
        + "epoch 1 done (loss 0.3)\nSequential(\n  (fc): Linear(in_features=3, out_features=3, bias=True)\n)\n");
    assertEquals(2, all.size());
    all.forEach(a -> assertTrue(a.parameters().exact(), a.diagnostics().toString()));
  }
}
