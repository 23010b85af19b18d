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
 * A module's line indented deeper than its block's children (a printout in a docstring whose
 * indents were edited by hand) is read as a child, as the parentheses say, with a warning. It was
 * read as its block's own text: the module and everything it opened were left out of every count
 * with no word, and the counts were called exact (accelerate's {@code compile_regions} docstring
 * gave a GPT-2 block 4,729,344 parameters for 7,087,872).
 */
class OverIndentedLinesTest {
  private static Analysis analyse(String... lines) {
    List<Analysis> all = LayerCount.standard().analyze("t",
        String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    assertEquals(1, all.size());
    return all.get(0);
  }

  private static List<Diagnostic> warnings(Analysis a) {
    return a.diagnostics().stream().filter(d -> d.severity() == Severity.WARNING).toList();
  }

  @Test
  void aModuleIndentedDeeperThanAChildIsReadAsAChild() {
    Analysis a = analyse(
        "Sequential(",
        "  (0): Sequential(",
        "      (0): Linear(in_features=4, out_features=4, bias=True)",
        "      (1): Sequential(",
        "      (0): Linear(in_features=4, out_features=4, bias=True)",
        "    )",
        "    (2): Linear(in_features=4, out_features=4, bias=True)",
        "  )",
        ")");
    assertEquals(60, a.parameters().total());
    assertTrue(a.parameters().exact(), a.diagnostics().toString());
    assertEquals(3, a.layers().leaves());
    assertEquals(6, a.layers().modules());
    assertEquals(3, a.layers().depth());
    List<Diagnostic> warnings = warnings(a);
    assertEquals(1, warnings.size(), warnings.toString());
    assertEquals(3, warnings.get(0).line());
    assertEquals(7, warnings.get(0).column());
    assertEquals("a module's line indented deeper than the children of 'Sequential' (line 2): read as its child,"
        + " as the parentheses say (the indents of the lines around it may have been edited by hand)",
        warnings.get(0).message());
  }

  @Test
  void aBlockOpenedTooDeepKeepsItsChildren() {
    // accelerate's docstring, 4 spaces a level: ln_1 and attn a level too deep, attn's children at its own indent
    Analysis a = analyse(
        "    OptimizedModule(",
        "        (_orig_mod): GPT2Block(",
        "                (ln_1): LayerNorm((768,), eps=1e-05, elementwise_affine=True)",
        "                (attn): GPT2Attention(",
        "                (c_attn): Conv1D(nf=2304, nx=768)",
        "                (c_proj): Conv1D(nf=768, nx=768)",
        "                (attn_dropout): Dropout(p=0.1, inplace=False)",
        "            )",
        "            (ln_2): LayerNorm((768,), eps=1e-05, elementwise_affine=True)",
        "            (mlp): GPT2MLP(",
        "                (c_fc): Conv1D(nf=3072, nx=768)",
        "                (c_proj): Conv1D(nf=768, nx=3072)",
        "                (act): NewGELUActivation()",
        "            )",
        "        )",
        "    )");
    // 2 x 1,536 (norms) + 1,771,776 + 590,592 (attention) + 2,362,368 + 2,360,064 (MLP)
    assertEquals(7_087_872, a.parameters().total());
    assertEquals(4, a.layers().depth());
    assertEquals(8, a.layers().leaves());
  }

  /** A block moved in whole, its closing line too (a pasted FSDP wrapper): read at its own indent. */
  @Test
  void aBlockMovedInWholeIsReadAtItsOwnIndent() {
    Analysis a = analyse(
        "Sequential(",
        "  (0): Linear(in_features=4, out_features=4, bias=True)",
        "      (1): Sequential(",
        "        (0): Linear(in_features=4, out_features=4, bias=True)",
        "      )",
        "  (2): Linear(in_features=4, out_features=4, bias=True)",
        ")");
    assertEquals(60, a.parameters().total());
    assertEquals(5, a.layers().modules());
    assertEquals(List.of(), a.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList());
  }

  /**
   * A closing line deeper than its block closes nothing opened there: the line that opened a block
   * is lost (joined to the line before it), and the lines before were read into the wrong module.
   */
  @Test
  void aClosingLineThatClosesNoBlockMakesEveryCountALowerBound() {
    Analysis a = analyse(
        "Sequential(",
        "  (0): Linear(in_features=4, out_features=4, bias=True)",
        "      (1): Linear(in_features=4, out_features=4, bias=True)",
        "  )",
        "  (2): Linear(in_features=4, out_features=4, bias=True)",
        ")");
    assertEquals(60, a.parameters().total());
    assertFalse(a.parameters().exact());
    List<Diagnostic> errors = a.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
    assertEquals(1, errors.size(), a.diagnostics().toString());
    assertEquals(4, errors.get(0).line());
    assertEquals("a closing line inside 'Sequential' (line 1) that closes no block opened there: the line that"
        + " opened one is lost, so which module the lines before it belong to is a guess, and no count is called"
        + " exact", errors.get(0).message());
  }

  /**
   * PyTorch Geometric prints a module held in an argument inside its parent's parentheses; its lines
   * are that text, not children read too deep, and what they hold is in no count.
   */
  @Test
  void aModulePrintedInAnArgumentIsNotReadAsAChild() {
    Analysis a = analyse(
        "Net(",
        "  (lin): Linear(in_features=64, out_features=64, bias=True)",
        "  (pool): GlobalAttention(gate_nn=Sequential(",
        "    (0): Linear(in_features=64, out_features=1, bias=True)",
        "  ), nn=None)",
        ")");
    assertEquals(4_160, a.parameters().total());
    assertFalse(a.parameters().exact());
    List<Diagnostic> errors = a.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
    assertEquals(1, errors.size(), a.diagnostics().toString());
    assertEquals(3, errors.get(0).line());
    assertEquals("a module whose arguments print another module ('(pool): GlobalAttention(gate_nn=Sequential('):"
        + " read, with the lines of that module, as its block's own text, so neither is counted and no count is"
        + " called exact", errors.get(0).message());
    assertTrue(a.diagnostics().stream().noneMatch(d -> d.message().contains("deeper")), a.diagnostics().toString());
  }

  /**
   * A first level indented 4 spaces and the levels under it 2 (a multi-LoRA printout): the root's
   * line began no printout, and each child block was read as a model of its own, each called exact.
   */
  @Test
  void aFirstLevelOfFourSpacesUnderTheRootIsOneModel() {
    Analysis a = analyse(
        "Sequential(",
        "    in_features=4, out_features=2",
        "    (a): Sequential(",
        "      (0): Linear(in_features=4, out_features=8, bias=True)",
        "    )",
        "    (b): Sequential(",
        "      (0): Linear(in_features=8, out_features=2, bias=True)",
        "    )",
        ")");
    assertEquals("Sequential", a.model().rootType());
    assertEquals(58, a.parameters().total());
    assertEquals(5, a.layers().modules());
    assertEquals(2, a.layers().depth());
  }
}
