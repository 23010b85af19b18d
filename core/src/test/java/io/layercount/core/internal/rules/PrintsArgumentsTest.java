package io.layercount.core.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.testing.Printouts;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * torch.nn's {@code GLU} prints {@code dim=} whatever it is built with; a leaf printed
 * {@code GLU()} is another class of that name. megablocks' dMoE prints its gated MLP so, holding its
 * three weight tensors (1,572,864 parameters in a published model) without printing them: it was
 * read as the parameter-free activation, and a total missing them was called exact.
 */
class PrintsArgumentsTest {
  private static Analysis glu(String printed) {
    return Printouts.analyse(
        "Sequential(",
        "  (0): Linear(in_features=256, out_features=8, bias=False)",
        "  (1): " + printed,
        ")");
  }

  @Test
  void aGluPrintedWithoutArgumentsIsAnotherClass() {
    Analysis a = glu("GLU()");
    assertEquals(2_048, a.parameters().total());
    assertFalse(a.parameters().exact());
    assertEquals(List.of("GLU"), a.parameters().unknownTypes());
    assertTrue(a.diagnostics().stream().anyMatch(d -> d.line() == 3 && d.message().startsWith("GLU() prints no"
        + " arguments")), a.diagnostics().toString());
  }

  @Test
  void torchsGluIsAnActivation() {
    Analysis a = glu("GLU(dim=-1)");
    assertEquals(2_048, a.parameters().total());
    assertTrue(a.parameters().exact(), a.diagnostics().toString());
  }
}
