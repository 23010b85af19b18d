package io.layercount.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.Convention;
import io.layercount.core.LayerCount;
import io.layercount.core.Severity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A model's class printed with nothing inside ({@code (base_model): BloomForCausalLM()}, as a
 * writer collapses a printout by hand): PyTorch prints a model's layers, so they were left out of
 * the text. A published PEFT printout so collapsed read depth 0, presented as whole.
 */
class CollapsedModelTest {
  private static Analysis analyse(String text) {
    List<Analysis> all = LayerCount.standard().analyze("t", text.getBytes(StandardCharsets.UTF_8));
    assertEquals(1, all.size());
    return all.get(0);
  }

  @Test
  void aModelClassPrintedEmptyMakesEveryCountALowerBound() {
    Analysis a = analyse("Wrapper(\n  (base_model): BloomForCausalLM()\n"
        + "  (head): Linear(in_features=4, out_features=2, bias=True)\n)\n");
    assertEquals(1, a.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR && d.line() == 2
        && d.message().startsWith("'BloomForCausalLM()' prints a model's class with nothing inside it")).count(),
        a.diagnostics().toString());
    assertTrue(a.layers().lowerBounds().contains(Convention.DEPTH), a.layers().toString());
    assertFalse(a.parameters().exact());
  }

  @Test
  void otherClassesPrintedEmptyAreLeaves() {
    Analysis a = analyse("Net(\n  (rotary_emb): LlamaRotaryEmbedding()\n  (act): SiLUActivation()\n"
        + "  (fc): Linear(in_features=4, out_features=2, bias=True)\n)\n");
    assertTrue(a.diagnostics().stream().noneMatch(d -> d.severity() == Severity.ERROR), a.diagnostics().toString());
    assertFalse(a.layers().lowerBounds().contains(Convention.DEPTH), a.layers().toString());
  }

  @Test
  void theNamesOfModels() {
    assertTrue(PrintoutReader.namesAModel("LlamaModel"));
    assertTrue(PrintoutReader.namesAModel("BertForSequenceClassification"));
    assertFalse(PrintoutReader.namesAModel("Model"));
    assertFalse(PrintoutReader.namesAModel("Former"));
    assertFalse(PrintoutReader.namesAModel("Transformer"));
    assertFalse(PrintoutReader.namesAModel("ForwardHook"));
  }
}
