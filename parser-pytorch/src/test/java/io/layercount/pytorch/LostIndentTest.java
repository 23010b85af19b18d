package io.layercount.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.LayerCount;
import io.layercount.core.Severity;
import io.layercount.core.spi.Source;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/**
 * A printout pasted into Markdown outside a code block loses every indent, and Markdown escapes a
 * leading underscore ({@code \_Wrapper(}): a published DINOv2 classifier so pasted was "no model
 * found". Its blocks still show where each level opens and closes, and it is read so.
 */
class LostIndentTest {
  private static final String FLAT = String.join("\n",
      "\\_Wrapper(",
      "(backbone): Sequential(",
      "(0): Conv2d(3, 8, kernel_size=(3, 3), stride=(1, 1))",
      "(1): ReLU()",
      ")",
      "(head): Linear(in_features=8, out_features=2, bias=True)",
      ")",
      "");

  @Test
  void theBlocksGiveTheLevelsBack() {
    Analysis a = LayerCount.standard().analyze("t", FLAT.getBytes(StandardCharsets.UTF_8)).get(0);
    assertEquals("pytorch", a.format(), a.diagnostics().toString());
    assertEquals("_Wrapper", a.model().rootType());
    assertEquals(3, a.layers().leaves());
    assertEquals(5, a.layers().modules());
    // 3·3·3·8 + 8 = 224 and 8·2 + 2 = 18; the root's own class is not known
    assertEquals(242, a.parameters().total());
    assertTrue(a.diagnostics().stream().anyMatch(d -> d.severity() == Severity.INFO
        && d.message().startsWith("indented the printout again by its blocks")), a.diagnostics().toString());
    assertEquals(2, a.network().root().children().size());
  }

  @Test
  void anIndentedTextOrOneWithoutBlocksIsLeftAsItIs() {
    Source indented = Source.of("t", String.join("\n", "Wrapper(", "  (backbone): Sequential(",
        "    (0): Conv2d(3, 8, kernel_size=(3, 3), stride=(1, 1))", "    (1): ReLU()", "  )",
        "  (head): Linear(in_features=8, out_features=2, bias=True)", ")", ""));
    assertSame(indented, PrintoutIndent.byParentheses(indented, new ArrayList<>()));
    // one block whose first child lost its indent is not yet a text whose indent was lost in places
    Source once = Source.of("t", String.join("\n", "Wrapper(", "  (backbone): Sequential(",
        "  (0): Conv2d(3, 8, kernel_size=(3, 3), stride=(1, 1))", "    (1): ReLU()", "  )", ")", ""));
    assertSame(once, PrintoutIndent.byParentheses(once, new ArrayList<>()));
    Source prose = Source.of("t", "Model (resnet):\n(a): see below\nthe end (\n");
    assertSame(prose, PrintoutIndent.byParentheses(prose, new ArrayList<>()));
    assertFalse(LayerCount.standard().analyze("t", "(a): see below\nthe end (\n").get(0).ok());
  }

  /**
   * A pytorch_model_summary hierarchical summary (each module's sub-tree count after it, {@code ,
   * 192 params}) published with its blocks' indent lost but its leaves' kept: it read as 23 models,
   * each block at the left edge the root of one, 12 of them called exact. The blocks give the levels
   * back: one model, and the counts after the modules are said to be read past.
   */
  @Test
  void aPrintoutWhoseIndentWasLostInPlacesIsOneModel() {
    String text = String.join("\n",
        "Net(",
        "(encoder): Encoder(",
        "(convs): ModuleList(",
        "  (0): Conv2d(6, 32, kernel_size=(1, 1), stride=(1, 1), bias=False), 192 params",
        "  (1): Conv2d(32, 32, kernel_size=(1, 1), stride=(1, 1), bias=False), 1,024 params",
        "), 1,216 params",
        "(bns): ModuleList(",
        "  (0): BatchNorm2d(32, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True), 64 params",
        "  (1): BatchNorm2d(32, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True), 64 params",
        "), 128 params",
        "), 1,344 params",
        "(head): Linear(in_features=32, out_features=2, bias=True), 66 params",
        "), 1,410 params",
        "");
    java.util.List<Analysis> read = LayerCount.standard().analyze("t", text.getBytes(StandardCharsets.UTF_8));
    assertEquals(1, read.size(), read.toString());
    Analysis a = read.get(0);
    assertEquals("Net", a.model().rootType());
    assertEquals(5, a.layers().leaves());
    assertEquals(1_410, a.parameters().total());
    assertTrue(a.diagnostics().stream().anyMatch(d -> d.severity() == Severity.INFO
        && d.message().startsWith("read a pytorch_model_summary hierarchical summary")), a.diagnostics().toString());
    assertTrue(a.diagnostics().stream().noneMatch(d -> d.message().startsWith("ignored text after the module")),
        a.diagnostics().toString());
  }
}
