package io.layercount.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.LayerCount;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Comments and Markdown bold written into a printout's module lines are cut: a published ViT with
 * {@code PatchEmbed(     # input ...} lost the block's Conv2d and its 590,592 parameters, silently;
 * one with {@code (**blocks**): **ModuleList**(} lost its whole encoder.
 */
class InlineMarksTest {
  private static final String PLAIN = String.join("\n",
      "Net(",
      "  (embed): PatchEmbed(",
      "    (proj): Conv2d(3, 8, kernel_size=(4, 4), stride=(4, 4))",
      "  )",
      "  (blocks): ModuleList(",
      "    (0): Linear(in_features=8, out_features=8, bias=True)",
      "  )",
      ")",
      "");

  private static Analysis analyse(String text) {
    return LayerCount.standard().analyze("t", text.getBytes(StandardCharsets.UTF_8)).get(0);
  }

  @Test
  void commentsAndBoldAreCutFromModuleLines() {
    Analysis plain = analyse(PLAIN);
    String commented = PLAIN.replace("PatchEmbed(", "PatchEmbed(     # input (b, 3, 224, 224)")
        .replace("stride=(4, 4))", "stride=(4, 4))    # output (b, 8, 56, 56)").replace("  )\n  (blocks)", "  )  # end\n  (blocks)");
    String bold = PLAIN.replace("(blocks): ModuleList(", "(**blocks**): **ModuleList**(");
    for (String text : new String[] {commented, bold}) {
      Analysis a = analyse(text);
      assertEquals(plain.parameters().total(), a.parameters().total(), text);
      assertEquals(plain.layers(), a.layers(), text);
      assertTrue(a.diagnostics().stream().anyMatch(d -> d.message().startsWith("removed")), a.diagnostics().toString());
    }
    assertEquals(3 * 8 * 16 + 8 + 8 * 8 + 8, plain.parameters().total());
  }

  @Test
  void aHashInsideArgumentsOrProseIsLeftAsItIs() {
    assertNull(InlineMarks.withoutComment("  (fc): Linear(in_features=8, out_features=8, bias=True)"));
    assertNull(InlineMarks.withoutComment("see issue #12 for the model"));
    assertEquals("  (fc): Linear(in_features=8, out_features=8, bias=True)",
        InlineMarks.withoutComment("  (fc): Linear(in_features=8, out_features=8, bias=True)  # the head"));
  }
}
