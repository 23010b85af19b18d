package io.layercount.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.Convention;
import io.layercount.core.Diagnostic;
import io.layercount.core.LayerCount;
import io.layercount.core.LayerFacts;
import io.layercount.core.LayerRules;
import io.layercount.core.Severity;
import io.layercount.core.model.Arguments;
import io.layercount.core.model.Layer;
import io.layercount.core.model.LayerKind;
import io.layercount.core.model.Network;
import io.layercount.core.spi.ParseResult;
import io.layercount.core.spi.Source;
import io.layercount.core.spi.SummaryParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * layercount used as a library, through the exported API only: this class is compiled inside the
 * named module {@code io.layercount.embedding}, which cannot read core's internal packages.
 */
class EmbeddingTest {
  private static final LayerCount STANDARD = LayerCount.standard();

  /** MyBlock holds a learned scale of its stream's width, MyGate is a linear layer, Net owns nothing itself. */
  private static final String RULES = """
      {
        "about": "the classes of pytorch-custom-classes.txt",
        "rules": [
          {"types": ["Net"], "rule": "none", "kind": "container"},
          {"types": ["MyBlock"], "tensors": [{"name": "scale", "shape": ["width"]}]},
          {"types": ["MyGate"], "rule": "linear", "note": "a gated linear layer"}
        ]
      }
      """;

  @Test
  void analysesAPrintout() throws IOException {
    Analysis a = only(STANDARD.analyze(Path.of("examples/resnet18-torchvision.txt")));
    assertEquals("pytorch", a.format());
    assertEquals(18, a.layers().get(Convention.DEPTH));
    assertEquals(11_689_512, a.parameters().total());
    assertTrue(a.parameters().exact());
    assertEquals("ResNet", a.network().root().typeName());
    assertTrue(a.diagnostics().stream().noneMatch(d -> d.severity() == Severity.ERROR));
  }

  @Test
  void analysesAKerasSummaryFromAReader() throws IOException {
    Analysis a;
    try (Reader reader = fixture("keras-custom-layer.txt")) {
      a = only(STANDARD.analyze(reader));
    }
    assertTrue(a.format().startsWith("keras"), a.format());
    assertEquals("sequential", a.model().name());
    assertEquals(72_458, a.parameters().total());
    assertTrue(a.parameters().exact());
    assertEquals(3, a.layers().keras());
    assertEquals(1, a.layers().weighted(), "only the Dense layer is known to be conv/FC");
    assertEquals(List.of(), a.userRules());
  }

  @Test
  void rulesTurnALowerBoundIntoAnExactTotal() throws IOException {
    String text = text("pytorch-custom-classes.txt");
    Analysis before = only(STANDARD.analyze(text));
    assertFalse(before.parameters().exact());
    assertEquals(List.of("Net", "MyBlock", "MyGate"), before.parameters().unknownTypes());
    // MyGate prints Linear's widths: at least a 16 × 16 weight (no bias=True printed), still a lower bound
    assertEquals(5_226 + 16 * 16, before.parameters().total());

    LayerRules rules = LayerRules.parse("my-rules.json", RULES);
    assertTrue(rules.ok(), rules.diagnostics().toString());
    Analysis after = only(LayerCount.builder().rules(rules).build().analyze(text));
    assertTrue(after.parameters().exact());
    assertEquals(List.of(), after.parameters().unknownTypes());
    // 2 × 16 (each MyBlock's scale) + 16 × 16 + 16 (MyGate)
    assertEquals(5_226 + 2 * 16 + 16 * 16 + 16, after.parameters().total());
    assertEquals(List.of(
        new Analysis.AppliedRule("Net", "my-rules.json:4:5", LayerKind.CONTAINER, 1, 0, true, false),
        new Analysis.AppliedRule("MyBlock", "my-rules.json:5:5", LayerKind.OTHER, 2, 32, true, false),
        new Analysis.AppliedRule("MyGate", "my-rules.json:6:5", LayerKind.FULLY_CONNECTED, 1, 272, true, false)),
        after.userRules());
    assertTrue(after.diagnostics().stream().anyMatch(d -> d.severity() == Severity.INFO
        && d.message().startsWith("the user rule at my-rules.json:6:5 counted MyGate")), after.diagnostics().toString());
  }

  @Test
  void aUserRuleWinsOverTheBuiltInOneAndSaysSo() {
    String text = "Net(\n  (fc): Linear(in_features=4, out_features=2, bias=True)\n)\n";
    LayerRules frozen = LayerRules.parse("frozen.json",
        "{\"rules\": [{\"types\": [\"Net\"], \"rule\": \"none\"}, {\"types\": [\"Linear\"], \"rule\": \"none\"}]}");
    Analysis builtIn = only(LayerCount.builder().rules(LayerRules.parse("net.json",
        "{\"rules\": [{\"types\": [\"Net\"], \"rule\": \"none\"}]}")).build().analyze(text));
    Analysis overridden = only(LayerCount.builder().rules(frozen).build().analyze(text));
    assertEquals(10, builtIn.parameters().total());
    assertEquals(0, overridden.parameters().total());
    Analysis.AppliedRule linear = overridden.userRules().get(1);
    assertEquals("Linear", linear.type());
    assertTrue(linear.overridesBuiltIn());
    assertFalse(overridden.userRules().get(0).overridesBuiltIn());
  }

  @Test
  void rulesGiveAKerasLayerItsKind() throws IOException {
    LayerRules rules = LayerRules.parse("keras-rules.json",
        "{\"rules\": [{\"types\": [\"TokenMixer\"], \"rule\": \"stated\", \"kind\": \"convolution\"}]}");
    Analysis a = only(LayerCount.builder().rules(rules).build().analyze(text("keras-custom-layer.txt")));
    assertEquals(2, a.layers().weighted());
    assertEquals(2, a.layers().depth());
    assertEquals(72_458, a.parameters().total(), "the table's own counts still decide the parameters");
    assertEquals(448, a.userRules().get(0).parameters());
  }

  @Test
  void factsFollowTheRulesInForce() throws IOException {
    LayerCount withRules = LayerCount.builder().rules(LayerRules.parse("my-rules.json", RULES)).build();
    Analysis a = only(withRules.analyze(text("pytorch-custom-classes.txt")));
    LayerFacts facts = withRules.facts(a.network());
    Layer gate = facts.root().children().stream().filter(l -> l.name().equals("gate")).findFirst().orElseThrow();
    assertEquals(new LayerFacts.Fact(LayerKind.FULLY_CONNECTED, 272, true, true), facts.of(gate));
    assertFalse(LayerFacts.of(a.network()).of(LayerFacts.of(a.network()).root()).known(),
        "the built-in rules alone do not know Net");
  }

  @Test
  void badRulesAreDiagnosticsWithPositionsNeverExceptions() {
    LayerRules broken = LayerRules.parse("broken.json", "{\"rules\": [\n  {\"types\": [\"A\"], \"rule\": \"linaer\"}\n]}");
    assertFalse(broken.ok());
    Diagnostic d = broken.diagnostics().get(0);
    assertEquals(2, d.line());
    assertEquals(20, d.column());
    assertTrue(d.message().startsWith("unknown formula \"linaer\""), d.message());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LayerCount.builder().rules(broken));
    assertTrue(e.getMessage().contains("broken.json:2:20"), e.getMessage());

    LayerRules notJson = LayerRules.parse("cut.json", "{\"rules\": [{\"types\": [\"A\"]");
    assertFalse(notJson.ok());
    assertTrue(notJson.diagnostics().get(0).message().startsWith("not valid JSON"));
    assertEquals(1, notJson.diagnostics().get(0).line());
  }

  @Test
  void aRegisteredParserReadsItsOwnFormat() {
    LayerCount lc = LayerCount.builder().parser(new LinesParser()).build();
    Analysis a = only(lc.analyze("layers:\nLinear in_features=8, out_features=4\nReLU\nLinear in_features=4, out_features=1\n"));
    assertEquals("lines", a.format());
    assertEquals(8 * 4 + 4 + 4 + 1, a.parameters().total());
    assertEquals(2, a.layers().depth());
    assertEquals(List.of("lines", "pytorch"), lc.parsers().stream().map(SummaryParser::family).limit(2).toList());
  }

  @Test
  void noModelIsADiagnosticNotAnException() {
    Analysis a = only(STANDARD.analyze("hello"));
    assertFalse(a.ok());
    assertEquals(Severity.ERROR, a.diagnostics().get(a.diagnostics().size() - 1).severity());
  }

  /** A format of one's own: {@code layers:} then one {@code Type arguments} line per layer, in sequence. */
  private static final class LinesParser implements SummaryParser {
    @Override
    public String family() {
      return "lines";
    }

    @Override
    public double detect(Source source) {
      return !source.lines().isEmpty() && source.lines().get(0).text().equals("layers:") ? 1 : 0;
    }

    @Override
    public ParseResult parse(Source source) {
      List<Layer> children = new ArrayList<>();
      for (Source.Line line : source.lines().subList(1, source.lines().size())) {
        String[] parts = line.text().split(" ", 2);
        children.add(Layer.of(Integer.toString(children.size()), parts[0],
            Arguments.parse(parts.length > 1 ? parts[1] : ""), List.of(), line.number()));
      }
      Layer root = Layer.of("", "Sequential", Arguments.NONE, children, 1);
      return new ParseResult(List.of(new Network("lines", null, root, false, null, List.of())), List.of());
    }
  }

  private static Analysis only(List<Analysis> analyses) {
    assertEquals(1, analyses.size(), analyses.toString());
    return analyses.get(0);
  }

  private static Reader fixture(String name) {
    InputStream in = EmbeddingTest.class.getResourceAsStream(name);
    if (in == null) {
      throw new AssertionError("missing fixture " + name);
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  static String text(String name) throws IOException {
    try (Reader reader = fixture(name)) {
      StringBuilder sb = new StringBuilder();
      char[] buffer = new char[4096];
      for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
        sb.append(buffer, 0, n);
      }
      return sb.toString();
    }
  }
}
