package io.layercount.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Diagnostic;
import io.layercount.core.Severity;
import io.layercount.core.model.Network;
import io.layercount.core.spi.ParseResult;
import io.layercount.core.spi.Source;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A printout indented more than 2 spaces a level (an editor that indents by 4, a copy that widened
 * it) reads as the printout it was, each step 2 spaces, and says so; a text whose step is 2, or
 * that is no printout, reads as before.
 */
class WiderIndentTest {
  private static final String NOTE = "read an indent of 4 spaces as one level of the printout (PyTorch indents by 2):"
      + " every indented line is a whole number of 4-space steps in";
  private final PytorchPrintoutParser parser = new PytorchPrintoutParser();

  @Test
  void aLegacyPrintoutIsReadWholeNotAsItsLastEmptyModule() {
    // read with steps of 2, "AvgPool2d (" and its ")" 4 spaces in were a printout of their own, the
    // 81 lines before it ignored: a model of no parameters
    String text = PytorchPrintoutParserTest.resource("legacy-resnet18.txt");
    ParseResult plain = parser.parse(Source.of("t", text));
    ParseResult wide = parser.parse(Source.of("t", CopyDamage.widened(text, 4)));
    assertEquals(plain.networks(), wide.networks());
    assertEquals("ResNet", wide.networks().get(0).root().typeName());
    assertEquals(List.of(NOTE), messages(wide.diagnostics()));
    assertEquals(PrintoutDetector.WITH_CHILD, parser.detect(Source.of("t", CopyDamage.widened(text, 4))));
  }

  @Test
  void theNoteStandsBeforeWhatTheReadingSaid() {
    String text = "Net(\n    (fc): Linear(in_features=4, out_features=2, bias=True)\n)\nafter\n";
    ParseResult result = parser.parse(Source.of("t", text));
    assertEquals(1, result.networks().size());
    assertEquals(NOTE, result.diagnostics().get(0).message());
    assertEquals(Severity.INFO, result.diagnostics().get(0).severity());
    Diagnostic after = result.diagnostics().get(1);
    assertEquals(Severity.WARNING, after.severity());
    assertEquals(4, after.line());
    PrintoutReading reading = parser.read(Source.of("t", text));
    assertEquals(NOTE, reading.diagnostics().get(0).message());
    assertEquals("Net(\n  (fc): Linear(in_features=4, out_features=2, bias=True)\n)\n",
        PytorchPrinter.render(reading.printouts().get(0)));
  }

  @Test
  void aDiagnosticInsideNamesTheColumnOfTheInput() {
    // the run's count disagrees with its range: the warning points at the line as the user has it
    String text = "Net(\n    (layers): ModuleList(\n        (0-2): 2 x Linear(in_features=4, out_features=4, bias=True)\n"
        + "    )\n)\n";
    Network net = parser.parse(Source.of("t", text)).networks().get(0);
    assertEquals(1, net.diagnostics().size(), net.diagnostics().toString());
    Diagnostic warning = net.diagnostics().get(0);
    assertEquals(Severity.WARNING, warning.severity());
    assertEquals(3, warning.line());
    Network two = parser.parse(Source.of("t", text.replace("        (0-2)", "    (0-2)").replace("    (layers)", "  (layers)")
        .replace("    )", "  )"))).networks().get(0);
    // the same text in steps of 2 has its line's text 4 columns further left
    assertEquals(two.diagnostics().get(0).column() + 4, warning.column(), warning + " / " + two.diagnostics());
  }

  @Test
  void aPrintoutInStepsOfTwoIsReadAsItIs() {
    String text = "Net(\n  (block): Sequential(\n      (fc): Linear(in_features=4, out_features=2, bias=True)\n  )\n)\n";
    // 2 and 6 in: the step is 2, and the child 4 further in than its parent is no child of it
    readAsItIs(text);
  }

  /**
   * A step wider than 8 is no level of a wider indent; the child is still Net's, as the parentheses
   * say, read so with a warning (before, Net was no printout and the child a model of its own).
   */
  @Test
  void aStepWiderThanEightIsNoLevel() {
    String text = "Net(\n          (fc): Linear(in_features=4, out_features=2, bias=True)\n)\n";
    ParseResult result = readAsItIs(text);
    assertEquals(1, result.networks().size());
    Network net = result.networks().get(0);
    assertEquals("Net", net.root().typeName());
    assertEquals("fc", net.root().children().get(0).name());
    assertTrue(net.diagnostics().stream().anyMatch(d -> d.severity() == Severity.WARNING && d.line() == 2
        && d.message().startsWith("a module's line indented deeper than the children of 'Net'")),
        net.diagnostics().toString());
  }

  @Test
  void aTextThatIsNoPrintoutStaysNone() {
    ParseResult result = parser.parse(Source.of("t", "hello\n    world\n        again\n"));
    assertTrue(result.networks().isEmpty());
    assertEquals(Severity.ERROR, result.diagnostics().get(result.diagnostics().size() - 1).severity());
  }

  /** {@code text} parsed, its indent read as it is (no note of a wider step). */
  private ParseResult readAsItIs(String text) {
    ParseResult result = parser.parse(Source.of("t", text));
    assertTrue(result.diagnostics().stream().noneMatch(d -> d.message().startsWith("read an indent")),
        result.diagnostics().toString());
    return result;
  }

  private static List<String> messages(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(Diagnostic::message).toList();
  }
}
