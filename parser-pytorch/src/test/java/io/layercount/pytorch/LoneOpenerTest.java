package io.layercount.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.LayerCount;
import io.layercount.core.Severity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A module's line with its {@code (} on the next line alone ({@code (prompt_encoder): ModuleDict},
 * then {@code (}), as a published PEFT prompt-tuning printout has it: the two lines open one block.
 * Read as the block's own text, the module and the embedding inside it were in no count, and no
 * diagnostic named them.
 */
class LoneOpenerTest {
  @Test
  void aLoneOpeningParenthesisOpensTheModuleOnTheLineBefore() {
    List<Analysis> all = LayerCount.standard().analyze("t", String.join("\n",
        "PeftModelForCausalLM(",
        "  (base_model): BloomForCausalLM()",
        "  (prompt_encoder): ModuleDict",
        "  (",
        "    (default): PromptEmbedding",
        "    (",
        "      (embedding): Embedding(8, 2048)",
        "    )",
        "  )",
        ")").getBytes(StandardCharsets.UTF_8));
    assertEquals(1, all.size());
    Analysis a = all.get(0);
    assertEquals(16_384, a.parameters().total());
    assertEquals(5, a.layers().modules());
    assertEquals(2, a.layers().leaves());
    // the one error is the collapsed base model's (CollapsedModelTest), none about the block's lines
    assertEquals(List.of(2), a.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR)
        .map(d -> d.line()).toList(), a.diagnostics().toString());
    assertTrue(a.diagnostics().stream().noneMatch(d -> d.message().contains("never closed")
        || d.message().contains("deeper")), a.diagnostics().toString());
    assertTrue(a.diagnostics().stream().anyMatch(d -> d.line() == 3
        && d.message().equals("read the '(' on line 4 as this module's, which opens its block")),
        a.diagnostics().toString());
  }
}
