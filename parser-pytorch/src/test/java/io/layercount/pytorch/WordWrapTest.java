package io.layercount.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.Diagnostic;
import io.layercount.core.LayerCount;
import io.layercount.core.Severity;
import io.layercount.core.spi.Source;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A printout wrapped at its words, at no fixed width, the rest of each wrapped line indented
 * anyhow: a book's typesetting (a published translation of a PyTorch book printed ResNet-18 so,
 * which read as four pieces of 0 parameters). Its module lines are joined again where the
 * printout read as it was falls apart.
 */
class WordWrapTest {
  private static final String WRAPPED = """
      print(model)

      Sequential(
        (conv1): Conv2d(3, 64, kernel_size=(7, 7), stride=(2, 2), padding=(3, 3),
        bias=False)
        (bn1): BatchNorm2d(64, eps=1e-05, momentum=0.1, affine=True,
      track_running_stats=True)
        (relu): ReLU(inplace)
        (layer1): Sequential(
          (0): Conv2d(64, 64, kernel_size=(3, 3), stride=(1, 1),
           padding=(1, 1), bias=False)
          (1): BatchNorm2d(64, eps=1e-05, momentum=0.1, affine=True,
             track_running_stats=True)
        )
        (fc): Linear(in_features=64, out_features=10, bias=True)
      )
      """;

  private static Analysis analyse(String text) {
    return LayerCount.standard().analyze("t", text.getBytes(StandardCharsets.UTF_8)).get(0);
  }

  @Test
  void theWrappedModuleLinesAreJoinedAndTheCountIsExact() {
    Analysis a = analyse(WRAPPED);
    // 9,408 + 128 + 36,864 + 128 + 650
    assertEquals(47_178, a.parameters().total(), a.diagnostics().toString());
    assertTrue(a.parameters().exact(), a.diagnostics().toString());
    assertEquals(6, a.layers().leaves());
    assertTrue(a.diagnostics().stream().anyMatch(d -> d.severity() == Severity.INFO
        && d.message().startsWith("joined 4 line(s) back onto the module line before them")), a.diagnostics().toString());
    assertFalse(a.diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR), a.diagnostics().toString());
  }

  /**
   * One module line wrapped by hand, the rest at its siblings' indent (a published report's LSTM):
   * read as it was, the line passed for its block's own text and the LSTM was silently not
   * counted, the total 257 called exact. Now an error says so, and the line joined again reads.
   */
  @Test
  void aModuleLineWrappedByHandIsNeverDroppedSilently() {
    String wrapped = "Sequential(\n  (lstm): LSTM(64, 128, num_layers=2, batch_first=True,\n"
        + "  dropout=0.3, bidirectional=True)\n  (fc): Linear(in_features=256, out_features=1, bias=True)\n)\n";
    Analysis a = analyse(wrapped);
    // per layer and direction 4·128·(in + 128) + 8·128: 2 · 99,328 + 2 · 197,632, and the head's 257
    assertEquals(593_920 + 257, a.parameters().total(), a.diagnostics().toString());
    assertTrue(a.parameters().exact(), a.diagnostics().toString());
    // where the rest cannot be joined (it ends without a comma before the line that closes), the
    // module is still not counted, and an error says so
    String unjoinable = wrapped.replace("batch_first=True,\n", "batch_first=True\n");
    Analysis b = analyse(unjoinable);
    assertFalse(b.parameters().exact());
    assertTrue(b.diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR && d.line() == 2
        && d.message().startsWith("a module's line whose arguments do not close on it")), b.diagnostics().toString());
  }

  @Test
  void aPrintoutThatReadsWellIsNotJoined() {
    // a multi-line argument list that closes on its own lines is the printout's own, and reads as it is
    String whole = WRAPPED.replace(",\n  bias=False)", ", bias=False)")
        .replace(",\ntrack_running_stats=True)", ", track_running_stats=True)")
        .replace(",\n     padding=(1, 1), bias=False)", ", padding=(1, 1), bias=False)")
        .replace(",\n       track_running_stats=True)", ", track_running_stats=True)");
    Analysis a = analyse(whole);
    assertEquals(47_178, a.parameters().total());
    assertFalse(a.diagnostics().stream().map(Diagnostic::message).anyMatch(m -> m.startsWith("joined")),
        a.diagnostics().toString());
    Source source = Source.of("t", whole);
    assertSame(source, PrintoutWraps.joinedAtParentheses(source, new java.util.ArrayList<>()), "nothing to join");
  }

  @Test
  void aModuleLineWhoseParenthesisNoLineClosesIsLeftAsItIs() {
    List<Diagnostic> notes = new java.util.ArrayList<>();
    Source open = Source.of("t", "Net(\n  (a): Linear(in_features=4,\n  out_features=4\n  (b): ReLU()\n)\n");
    assertEquals(open, PrintoutWraps.joinedAtParentheses(open, notes));
    assertEquals(List.of(), notes);
  }
}
