package io.layercount.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.LayerCount;
import io.layercount.core.Severity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A printout the text cuts short is read as far as it goes, and none of its counts is called exact:
 * what followed is not there. Found with a ResNet-18 printout hard-wrapped at 80 columns, whose
 * pieces read as printouts of their own: a `downsample` block cut inside its batch norm's line was
 * 8,192 parameters, "exact", where it holds 8,448 (such a wrap is now joined again: {@link HardWrapTest}).
 */
class TruncatedPrintoutTest {
  private static Analysis analyse(String... lines) {
    return LayerCount.standard().analyze("t", String.join("\n", lines).getBytes(StandardCharsets.UTF_8)).get(0);
  }

  @Test
  void aPrintoutEndingInsideABlockIsNotExact() {
    Analysis a = analyse(
        "Net(",
        "  (fc): Linear(in_features=4, out_features=2, bias=True)",
        "  (block): Sequential(",
        "    (0): Linear(in_features=2, out_features=2, bias=True)");
    assertTrue(a.ok());
    assertEquals(16, a.parameters().total());
    assertFalse(a.parameters().exact());
    assertTrue(a.diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR
        && d.message().startsWith("the printout ends early: 2 block(s) never closed")), a.diagnostics().toString());
  }

  @Test
  void aPrintoutCutInsideALineIsNotExact() {
    Analysis a = analyse(
        "Sequential(",
        "  (0): Conv2d(64, 128, kernel_size=(1, 1), stride=(2, 2), bias=False)",
        "  (1): BatchNorm2d(128, eps=1e-05, momentum=0.1, affine=True, track_runnin");
    assertEquals(8192, a.parameters().total());
    assertFalse(a.parameters().exact());
  }

  @Test
  void aPrintoutWhoseBlocksEndAtALineFurtherOutSaysSo() {
    // the blocks end at a closing line a column in, further out than any of them
    Analysis a = analyse(
        "  (layer1): Sequential(",
        "    (0): BasicBlock(",
        "      (conv1): Conv2d(64, 64, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), bias=False)",
        " )");
    assertFalse(a.parameters().exact());
    assertTrue(a.diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR && d.message().startsWith(
        "the printout ends early: its blocks end without their closing lines")), a.diagnostics().toString());
  }

  @Test
  void theSamePrintoutWholeIsExact() {
    Analysis a = analyse(
        "Sequential(",
        "  (0): Conv2d(64, 128, kernel_size=(1, 1), stride=(2, 2), bias=False)",
        "  (1): BatchNorm2d(128, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)",
        ")");
    assertEquals(8448, a.parameters().total());
    assertTrue(a.parameters().exact());
    assertEquals(List.of(), a.diagnostics());
  }
}
