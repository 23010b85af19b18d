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
    Source indented = Source.of("t", FLAT.replace("(1): ReLU()", "  (1): ReLU()"));
    assertSame(indented, PrintoutIndent.byParentheses(indented, new ArrayList<>()));
    Source prose = Source.of("t", "Model (resnet):\n(a): see below\nthe end (\n");
    assertSame(prose, PrintoutIndent.byParentheses(prose, new ArrayList<>()));
    assertFalse(LayerCount.standard().analyze("t", "(a): see below\nthe end (\n").get(0).ok());
  }
}
