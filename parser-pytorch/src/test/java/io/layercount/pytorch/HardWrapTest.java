package io.layercount.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.Diagnostic;
import io.layercount.core.LayerCount;
import io.layercount.core.Severity;
import io.layercount.core.model.Layer;
import io.layercount.core.model.Network;
import io.layercount.core.spi.ParseResult;
import io.layercount.core.spi.Source;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A printout hard-wrapped at a fixed width (a terminal's, {@code fold}) is read with its cut lines
 * joined again, and says so; lines that only look cut are left as they are.
 */
class HardWrapTest {
  private static final String RESNET_BLOCK = """
      Sequential(
        (0): Conv2d(64, 128, kernel_size=(1, 1), stride=(2, 2), bias=False)
        (1): BatchNorm2d(128, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)
      )
      """;
  private final PytorchPrintoutParser parser = new PytorchPrintoutParser();

  @Test
  void aCutPrintoutIsWholeAgainAndExact() {
    // cut inside the batch norm's line, the block read 8,192 parameters: a cut printout, not exact
    for (int width : new int[] {40, 50, 60, 70, 80}) {
      String wrapped = CopyDamage.hardWrapped(RESNET_BLOCK, width);
      Analysis a = LayerCount.standard().analyze("t", wrapped.getBytes(StandardCharsets.UTF_8)).get(0);
      assertEquals(8448, a.parameters().total(), wrapped);
      assertTrue(a.parameters().exact(), wrapped);
      assertEquals(List.of(Severity.INFO), a.diagnostics().stream().map(Diagnostic::severity).distinct().toList(),
          a.diagnostics().toString());
    }
  }

  @Test
  void theNoteSaysHowManyLinesWereJoinedAndAtWhatWidth() {
    ParseResult result = parser.parse(Source.of("t", CopyDamage.hardWrapped(RESNET_BLOCK, 50)));
    // the conv line (71 characters) in 2 pieces, the batch norm's (89) in 2
    assertEquals("joined 2 line(s) a hard wrap at 50 columns had cut back onto the line before (each line as wide"
        + " as the widest, the next starting further left and not closing a block)",
        result.diagnostics().get(0).message());
  }

  @Test
  void aCutAfterASpacePutsTheSpaceBack() {
    // cut at 59 after "padding=(1, 1)," the rest starts with its own space; cut at 60, after the
    // space, the space was taken off the line's end with the trailing white space
    String line = "    (conv1): Conv2d(64, 64, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), bias=False)";
    int comma = line.indexOf("), bias") + 2;
    for (int width : new int[] {comma, comma + 1, comma + 2}) {
      String text = "Net(\n  (block): Block(\n" + CopyDamage.hardWrapped(line, width) + "\n  )\n)\n";
      Layer conv = only(parser.parse(Source.of("t", text))).root().children().get(0).children().get(0);
      assertEquals("64, 64, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), bias=False", conv.arguments().raw(),
          "cut at " + width);
    }
  }

  @Test
  void aTextNotReadFromBytesIsJoinedToo() {
    // a character past ASCII: the lines are strings, whose trailing spaces are gone; the cut is
    // taken to have left as many as make the line as wide as the widest
    String text = "# model µ\n" + CopyDamage.hardWrapped(RESNET_BLOCK, 60);
    assertNull(Source.of("t", text).ascii());
    Network net = only(parser.parse(Source.of("t", text)));
    assertEquals("128, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True",
        net.root().children().get(1).arguments().raw());
  }

  @Test
  void layersAfterACutKeepTheirLinesInTheInput() {
    Network net = only(parser.parse(Source.of("t", CopyDamage.hardWrapped(RESNET_BLOCK, 50))));
    // line 2 was cut into lines 2 and 3: the batch norm starts on line 4
    assertEquals(List.of(2, 4), net.root().children().stream().map(Layer::line).toList());
  }

  @Test
  void aBlocksClosingLineIsNoRest() {
    // the widest line, complete, and the root's closing line further left: a printout as it is
    String text = "Net(\n  (fc): Linear(in_features=4096, out_features=4096, bias=True)\n)\n";
    ParseResult result = parser.parse(Source.of("t", text));
    assertEquals(List.of(), result.diagnostics());
    assertEquals(1, only(result).root().children().size());
  }

  @Test
  void aLegacyBlocksClosingBraceIsNoRestEither() {
    // the legacy brace form closes a block with '}': the widest line before it is whole
    String text = "Sequential {\n  (0): LeakyReLU (0.2, inplace)\n  (1): Sequential {\n"
        + "    (0): Conv2d (64 -> 128, size: (4, 4), stride: (2, 2), padding: (1, 1))\n  }\n}\n";
    ParseResult result = parser.parse(Source.of("t", text));
    assertEquals(List.of(), result.diagnostics());
    Network net = only(result);
    assertEquals("pytorch-legacy", net.format());
    assertEquals(1, net.root().children().get(1).children().size());
  }

  @Test
  void aLineAtTheLeftEdgeIsNeverTakenForACutOne() {
    // a log line as wide as the widest, leaving a parenthesis open: the printout after it is its own
    String log = "INFO building the model (resnet, pretrained weights from the hub";
    String text = log + "\nNet(\n  (fc): Linear(in_features=4, out_features=2, bias=True)\n)\n";
    ParseResult result = parser.parse(Source.of("t", text));
    assertEquals("Net", only(result).root().typeName());
    assertTrue(result.diagnostics().stream().noneMatch(d -> d.message().startsWith("joined")), result.diagnostics().toString());
  }

  @Test
  void aTextOfNarrowLinesIsNotTakenForAWrap() {
    // 30 columns: narrower than any terminal; the pieces read as they are, and the printout is cut
    ParseResult result = parser.parse(Source.of("t", CopyDamage.hardWrapped(RESNET_BLOCK, 30)));
    assertTrue(result.diagnostics().stream().noneMatch(d -> d.message().startsWith("joined")), result.diagnostics().toString());
    Analysis a = LayerCount.standard().analyze("t", CopyDamage.hardWrapped(RESNET_BLOCK, 30).getBytes(StandardCharsets.UTF_8)).get(0);
    assertFalse(a.parameters().exact());
  }

  private static Network only(ParseResult result) {
    assertEquals(1, result.networks().size(), result.diagnostics().toString());
    return result.networks().get(0);
  }
}
