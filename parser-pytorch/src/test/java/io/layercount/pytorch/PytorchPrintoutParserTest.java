package io.layercount.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Diagnostic;
import io.layercount.core.Limits;
import io.layercount.core.Severity;
import io.layercount.core.model.Layer;
import io.layercount.core.model.Network;
import io.layercount.core.spi.ParseResult;
import io.layercount.core.spi.Source;
import io.layercount.core.spi.SummaryParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class PytorchPrintoutParserTest {
  private final PytorchPrintoutParser parser = new PytorchPrintoutParser();

  @Test
  void isFoundThroughTheServiceLoader() {
    List<String> families = new ArrayList<>();
    ServiceLoader.load(SummaryParser.class).forEach(p -> families.add(p.family()));
    assertTrue(families.contains("pytorch"), families.toString());
  }

  @Test
  void legacyResNet18() {
    ParseResult result = parse("legacy-resnet18.txt");
    Network net = only(result);
    assertEquals("pytorch-legacy", net.format());
    Layer root = net.root();
    assertEquals("ResNet", root.typeName());
    assertEquals(List.of("conv1", "bn1", "relu", "maxpool", "layer1", "layer2", "layer3", "layer4", "avgpool", "fc"),
        names(root));
    Layer fc = child(root, "fc");
    assertEquals("Linear", fc.typeName());
    assertEquals(List.of("512", "1000"), fc.arguments().positional());
    Layer avgpool = child(root, "avgpool");
    assertTrue(avgpool.isLeaf());
    assertEquals("", avgpool.arguments().raw());
    assertEquals("inplace", child(root, "relu").arguments().positional(0));
    assertEquals("(3, 3)", child(root, "maxpool").arguments().get("size"));
    // leaves: 4 stem layers, 8 blocks x 5, 3 downsamples x 2, avgpool, fc
    assertEquals(4 + 40 + 6 + 2, CorpusTruthTest.count(root)[0]);
    // modules: those leaves, the root, 4 stages, 8 blocks and 3 downsample Sequentials
    assertEquals(52 + 1 + 4 + 8 + 3, CorpusTruthTest.count(root)[1]);
    assertTrue(net.diagnostics().isEmpty(), net.diagnostics().toString());
    assertTrue(result.diagnostics().isEmpty(), result.diagnostics().toString());
  }

  @Test
  void collapsedRunIsOneLayerWithARepeat() {
    Network net = only(parse("collapsed-run.txt"));
    Layer layers = child(net.root(), "layers");
    Layer run = layers.children().get(0);
    assertEquals("0", run.name());
    assertEquals(3, run.repeat());
    assertEquals("2", run.occurrenceName(2));
    Layer relus = child(run, "acts").children().get(1);
    assertEquals("ReLU", relus.typeName());
    assertEquals("1", relus.name());
    assertEquals(2, relus.repeat());
    assertEquals("3", layers.children().get(1).name());
    // root, layers, 3 x (Block, attn, acts, GELU, 2 ReLU), Block 3 (Block, attn, acts, 3 ReLU), norm
    assertEquals(2 + 3 * 6 + 6 + 1, CorpusTruthTest.count(net.root())[1]);
    assertEquals(3 * 4 + 4 + 1, CorpusTruthTest.count(net.root())[0]);
  }

  @Test
  void runCountThatDisagreesWithItsRangeIsAWarning() {
    Network net = only(parser.parse(Source.of("t", "L(\n  (0-3): 5 x ReLU()\n)\n")));
    assertEquals(5, net.root().children().get(0).repeat());
    Diagnostic d = single(net.diagnostics());
    assertEquals(Severity.WARNING, d.severity());
    assertEquals(2, d.line());
    assertTrue(d.message().contains("range holds 4"), d.message());
  }

  @Test
  void noneChildIsNotALayerAndKeysMayHoldAnyCharacter() {
    Network net = only(parse("none-and-odd-keys.txt"));
    assertEquals(List.of("my.key-1", "a): b", "weird", "bn"), names(net.root()));
    // the unbalanced text reaches the arguments whole: the line's last ')' ends them
    assertEquals("pattern=((, flag=True", child(net.root(), "weird").arguments().raw());
    Layer bn = child(net.root(), "bn");
    assertEquals("3", bn.arguments().positional(0));
    assertEquals("1e-05", bn.arguments().get("eps"));
    assertEquals(List.of("drop", "act"), names(bn));
    assertTrue(net.diagnostics().isEmpty(), net.diagnostics().toString());
  }

  @Test
  void textAroundThePrintoutIsNamedByLine() {
    ParseResult result = parse("text-around.txt");
    Network net = only(result);
    assertEquals("Sequential", net.root().typeName());
    assertEquals(3, net.root().line());
    assertEquals(List.of("lines 1-2: text before the printout ignored", "line 7: text after the printout ignored"),
        messages(result.diagnostics()));
    Diagnostic out = single(net.diagnostics());
    assertEquals(Severity.INFO, out.severity());
    assertEquals("ignored 'Out[3]:' before the printout", out.message());
    assertEquals(1, out.column());
  }

  @Test
  void truncatedPrintoutIsRecoveredWithAnError() {
    Network net = only(parse("truncated.txt"));
    Layer block = child(net.root(), "h").children().get(0);
    assertEquals(6, block.repeat());
    assertEquals(List.of("ln_1", "attn"), names(block));
    assertEquals(List.of("c_attn"), names(child(block, "attn")));
    Diagnostic d = single(net.diagnostics());
    // an error: the rest of the printout is not there, so no count may be called exact
    assertEquals(Severity.ERROR, d.severity());
    assertEquals(7, d.line());
    assertTrue(d.message().startsWith("the printout ends early: 4 block(s) never closed"), d.message());
  }

  @Test
  void bracesForm() {
    Network net = only(parse("braces.txt"));
    assertEquals("pytorch-legacy", net.format());
    assertEquals(List.of("0", "1", "2"), names(net.root()));
    Layer conv = child(net.root(), "0");
    assertEquals(List.of("3", "64"), conv.arguments().positional());
    assertEquals("(4, 4)", conv.arguments().get("size"));
    assertEquals(List.of("0", "1"), names(child(net.root(), "2")));
    assertTrue(net.diagnostics().isEmpty(), net.diagnostics().toString());
  }

  @Test
  void legacyLeavesInAModernPrintoutStayModern() {
    Network net = only(parse("mixture.txt"));
    assertEquals("pytorch", net.format());
    assertEquals(List.of("1433", "16"), child(net.root(), "gc1").arguments().positional());
  }

  @Test
  void severalPrintoutsAndARepeatedLinePrefix() {
    ParseResult result = parse("two-printouts-with-rank-prefix.txt");
    assertEquals(2, result.networks().size());
    Network first = result.networks().get(0);
    assertEquals("Encoder", first.root().typeName());
    assertEquals(List.of("proj"), names(first.root()));
    assertEquals("Head", result.networks().get(1).root().typeName());
    assertEquals(List.of("line 1: text before the printout ignored", "line 5: text between printouts ignored"),
        messages(result.diagnostics()));
  }

  @Test
  void textAfterAModuleIsIgnoredWithOneWarning() {
    String text = "AlexNet (\n"
        + "  (0): Conv2d(3, 64, kernel_size=(11, 11)), weights=((64, 3, 11, 11), (64,)), parameters=23296\n"
        + "  (1): ReLU (inplace), weights=(), parameters=0\n"
        + "), weights=((64, 3, 11, 11), (64,)), parameters=23296\n";
    Network net = only(parser.parse(Source.of("t", text)));
    assertEquals("3, 64, kernel_size=(11, 11)", child(net.root(), "0").arguments().raw());
    assertEquals("inplace", child(net.root(), "1").arguments().raw());
    Diagnostic d = single(net.diagnostics());
    assertEquals(2, d.line());
    assertEquals(43, d.column());
    assertTrue(d.message().startsWith("ignored text after the module on 3 line(s)"), d.message());
  }

  @Test
  void aMissingCloserInsideIsReportedWhereTheBlockEnds() {
    String text = "Net(\n  (a): Sequential(\n    (0): ReLU()\n  (b): Tanh()\n)\n";
    Network net = only(parser.parse(Source.of("t", text)));
    assertEquals(List.of("a", "b"), names(net.root()));
    Diagnostic d = single(net.diagnostics());
    assertEquals(4, d.line());
    assertTrue(d.message().contains("'Sequential' opened at line 2 is never closed"), d.message());
  }

  @Test
  void aLogPrefixOnTheFirstLineOnly() {
    String text = "[2024-04-02 01:59:41][INFO] - self.model=DistributedDataParallel(\n"
        + "  (module): GPT(\n    (lm_head): Linear(in_features=384, out_features=65, bias=False)\n  )\n)\n";
    Network net = only(parser.parse(Source.of("t", text)));
    assertEquals("DistributedDataParallel", net.root().typeName());
    assertEquals("GPT", child(net.root(), "module").typeName());
  }

  @Test
  void aWholeTextOfOneModule() {
    Network net = only(parser.parse(Source.of("t", "Linear(in_features=3, out_features=4, bias=True)\n")));
    assertEquals("Linear", net.root().typeName());
    assertEquals("3", net.root().arguments().get("in_features"));
  }

  @Test
  void textWithoutAPrintoutIsAnError() {
    ParseResult result = parser.parse(Source.of("t", "hello\nworld (\n"));
    assertTrue(result.networks().isEmpty());
    assertEquals(Severity.ERROR, single(result.diagnostics()).severity());
  }

  @Test
  void detectScoresPrintoutsHighAndTablesZero() {
    assertEquals(PrintoutDetector.WITH_CHILD, parser.detect(Source.of("t", resource("collapsed-run.txt"))));
    assertEquals(PrintoutDetector.WITH_CHILD, parser.detect(Source.of("t", resource("text-around.txt"))));
    String torchinfo = "==========================================================================\n"
        + "Layer (type:depth-idx)                   Output Shape              Param #\n"
        + "==========================================================================\n"
        + "ResNet                                   [1, 1000]                 --\n"
        + "├─Conv2d: 1-1                            [1, 64, 112, 112]         9,408\n";
    assertEquals(0.0, parser.detect(Source.of("t", torchinfo)));
    String keras3 = "Model: \"sequential\"\n┏━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┓\n┃ Layer (type)  ┃ Output Shape ┃\n";
    assertEquals(0.0, parser.detect(Source.of("t", keras3)));
    assertEquals(0.0, parser.detect(Source.of("t", "print(model)\nNameError: name 'model' is not defined\n")));
  }

  @Test
  void aPrintoutFollowedByATotalLineIsStillReadThoughATableParserWouldWinATable() {
    // a user pasted print(model) and then the count their script printed
    String text = "Net(\n  (fc): Linear(in_features=4, out_features=2, bias=True)\n)\nTotal params: 10\n";
    double score = parser.detect(Source.of("t", text));
    assertEquals(PrintoutDetector.BESIDE_TABLE_LINES, score);
    assertTrue(score < 0.3, "below any table parser's score for a table it recognises");
    assertEquals(1, parser.parse(Source.of("t", text)).networks().size());
  }

  @Test
  void deepNestingNeedsNoDeepStack() {
    int depth = 4_000;
    StringBuilder text = new StringBuilder("Root(\n");
    for (int i = 1; i <= depth; i++) {
      text.append("  ".repeat(i)).append("(m): Sequential(\n");
    }
    text.append("  ".repeat(depth + 1)).append("(leaf): ReLU()\n");
    for (int i = depth; i >= 0; i--) {
      text.append("  ".repeat(i)).append(")\n");
    }
    // above the default nesting and size limits (the indents take 32 million characters), raised
    // here: this checks the stack, the limits have their own tests
    Source source = Source.of("deep", text.toString(),
        Limits.builder().maxNestingDepth(depth + 1).maxInputChars(40_000_000).build());
    PrintoutReading reading = parser.read(source);
    assertEquals(text.toString(), PytorchPrinter.render(reading.printouts().get(0)));
    Network net = only(parser.parse(source));
    assertEquals(depth + 2, CorpusTruthTest.count(net.root())[1]);
  }

  @Test
  void aPrintoutOfTensOfThousandsOfDistinctModulesKeepsEveryNameArgumentAndLine() {
    // past the 4,096 modules of a chunk of the builder's list and the 2,048 argument texts it keeps
    // for sharing: each block's layers print widths of their own, so a mix-up shows
    int blocks = 9_000;
    StringBuilder text = new StringBuilder("Net(\n  (blocks): ModuleList(\n");
    for (int b = 0; b < blocks; b++) {
      text.append("    (").append(b).append("): Block(\n")
          .append("      (fc): Linear(in_features=").append(b + 1).append(", out_features=").append(b + 2)
          .append(", bias=True)\n")
          .append("      (norm): LayerNorm((").append(b + 2).append(",), eps=1e-05, elementwise_affine=True)\n")
          .append("      (act): GELU(approximate='none')\n")
          .append("      (drop): Dropout(p=0.").append(b % 10).append(", inplace=False)\n")
          .append("    )\n");
    }
    text.append("  )\n)\n");
    Network net = only(parser.parse(Source.of("t", text.toString())));
    List<Layer> list = net.root().children().get(0).children();
    assertEquals(blocks, list.size());
    for (int b = 0; b < blocks; b++) {
      Layer block = list.get(b);
      int line = 3 + 6 * b;
      assertEquals(Integer.toString(b), block.name());
      assertEquals(line, block.line());
      assertEquals(List.of("fc", "norm", "act", "drop"), names(block));
      Layer fc = block.children().get(0);
      assertEquals(Integer.toString(b + 1), fc.arguments().get("in_features"), "block " + b);
      assertEquals(Integer.toString(b + 2), fc.arguments().get("out_features"), "block " + b);
      assertEquals(line + 1, fc.line());
      assertEquals("(" + (b + 2) + ",)", block.children().get(1).arguments().positional(0), "block " + b);
      assertEquals("0." + b % 10, block.children().get(3).arguments().get("p"), "block " + b);
      assertEquals(line + 4, block.children().get(3).line());
    }
    assertEquals(1 + 1 + 5 * blocks, CorpusTruthTest.count(net.root())[1]);
  }

  private ParseResult parse(String fixture) {
    return parser.parse(Source.of(fixture, resource(fixture)));
  }

  static String resource(String name) {
    try (InputStream in = PytorchPrintoutParserTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Network only(ParseResult result) {
    assertEquals(1, result.networks().size(), result.diagnostics().toString());
    return result.networks().get(0);
  }

  private static Diagnostic single(List<Diagnostic> diagnostics) {
    assertEquals(1, diagnostics.size(), diagnostics.toString());
    return diagnostics.get(0);
  }

  private static List<String> messages(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(Diagnostic::message).toList();
  }

  private static List<String> names(Layer layer) {
    return layer.children().stream().map(Layer::name).toList();
  }

  private static Layer child(Layer parent, String name) {
    for (Layer c : parent.children()) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    assertNull(name, "no child " + name + " in " + names(parent));
    return null;
  }
}
