package io.layercount.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.layercount.core.Analysis;
import io.layercount.core.Convention;
import io.layercount.core.LayerCount;
import io.layercount.core.Limits;
import io.layercount.core.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JSON contract ({@code --json}) on the tables that state a count per row: a Keras 3 summary
 * (a published text with an optimizer line) and a torchinfo table whose Conv2d is called twice.
 */
class TableJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Path TABLES = Path.of(System.getProperty("basedir", "."))
      .resolve("src/test/resources/io/layercount/cli/tables");

  @BeforeAll
  static void needsTheParsers() {
    assumeFalse(LayerCount.standard().parsers().isEmpty(), "no SummaryParser on the class path: skipped");
  }

  private static JsonNode json(String file) throws IOException {
    Run run = Run.of(Main::run, "", "--json", TABLES.resolve(file).toString());
    assertEquals(0, run.status(), run.err());
    String[] lines = run.out().split("\n");
    assertEquals(1, lines.length, run.out());
    return MAPPER.readTree(lines[0]);
  }

  private static void assertContractFields(JsonNode json) {
    for (String field : List.of("/file", "/index", "/format", "/ok", "/model/name", "/model/rootType",
        "/parameters/total", "/parameters/exact", "/parameters/unknownTypes", "/parameters/trainable",
        "/parameters/nonTrainable", "/parameters/stated", "/parameters/deduplicated", "/layers/depth",
        "/layers/depthBasis", "/layers/weighted", "/layers/parameterized", "/layers/leaves", "/layers/modules",
        "/layers/blocks", "/layers/keras", "/macs/stated", "/macs/estimate", "/macs/assumptions", "/sizes",
        "/byType", "/diagnostics")) {
      assertFalse(json.at(field).isMissingNode(), "field " + field + " is written: " + json);
    }
  }

  @Test
  void kerasSummaryWithAnOptimizerLine() throws IOException {
    JsonNode json = json("keras3-mlp-optimizer.txt");
    assertContractFields(json);
    assertEquals("keras3", json.at("/format").asText());
    assertEquals(1_121, json.at("/parameters/total").asLong());
    assertTrue(json.at("/parameters/exact").asBoolean());
    assertEquals(3_365, json.at("/parameters/stated/total").asLong());
    assertEquals(2_244, json.at("/parameters/stated/optimizer").asLong());
    assertEquals(1_121, json.at("/parameters/trainable").asLong());
    assertEquals(5, json.at("/layers/keras").asInt());
    assertEquals(3, json.at("/layers/depth").asInt());
    assertEquals("graph", json.at("/layers/depthBasis").asText());
    // dense layers: (576 - 32) + (528 - 16) + (17 - 1) weights, one position each
    assertEquals(544 + 512 + 16, json.at("/macs/estimate").asLong());
    assertFalse(json.at("/macs/assumptions").isEmpty());
    assertTrue(json.at("/macs/stated").isNull());
    assertTrue(json.at("/sizes").isNull());
  }

  @Test
  void torchinfoTableWithARecursiveRow() throws IOException {
    JsonNode json = json("torchinfo-reused-conv.txt");
    assertContractFields(json);
    assertEquals("torchinfo", json.at("/format").asText());
    assertEquals("TinyNet", json.at("/model/rootType").asText());
    assertEquals(62_802, json.at("/parameters/total").asLong());
    assertEquals(62_802, json.at("/parameters/stated/total").asLong());
    assertTrue(json.at("/parameters/exact").asBoolean());
    assertEquals(4, json.at("/layers/leaves").asInt()); // the (recursive) row is a second call, not a module
    assertEquals(2, json.at("/layers/weighted").asInt());
    assertEquals(180_000, json.at("/macs/stated").asLong());
    assertEquals(0.38, json.at("/sizes/totalMB").asDouble());
    assertEquals(0.25, json.at("/sizes/paramsMB").asDouble());
  }

  @Test
  void torchinfoTableCutAtItsDepthLimitSaysTheLayerCountsMayBeTooSmall() throws IOException {
    // summary(model) of HF ViT-B/16 at torchinfo's default depth=3: ModuleList: 3-3 holds the twelve
    // encoder layers, ViTPatchEmbeddings: 3-1 its patch convolution, neither listed
    JsonNode json = json("torchinfo-vit-depth3.txt");
    assertEquals(86_567_656, json.at("/parameters/total").asLong());
    assertEquals(1, json.at("/layers/weighted").asInt());
    String warning = null;
    for (JsonNode d : json.at("/diagnostics")) {
      if (d.at("/message").asText().contains("depth limit")) {
        warning = d.at("/severity").asText() + " line " + d.at("/line").asInt() + ": " + d.at("/message").asText();
      }
    }
    assertTrue(warning != null && warning.startsWith("warning line 7: the table lists rows down to depth 3 only, and"
        + " ViTPatchEmbeddings and 1 more row(s)") && warning.contains("may be too small"), String.valueOf(warning));
    // and the counts it names are lower bounds in the JSON and in the report
    assertEquals(List.of("depth", "weighted", "parameterized", "leaves", "modules", "blocks"),
        strings(json.at("/layers/lowerBounds")));
    Run report = Run.of(Main::run, "", TABLES.resolve("torchinfo-vit-depth3.txt").toString());
    assertTrue(report.out().contains("  weighted           \u2265 1  every convolution and fully-connected layer; at least: the"
        + " text does not list every layer\n"), report.out());
    assertTrue(report.out().contains("  blocks         unknown  "), report.out());
    assertTrue(report.out().contains("  keras              n/a  "), report.out());
    // a table whose deepest rows are all layers of known classes says nothing of the kind
    JsonNode full = json("torchinfo-reused-conv.txt");
    for (JsonNode d : full.at("/diagnostics")) {
      assertFalse(d.at("/message").asText().contains("depth limit"), d.toString());
    }
    assertEquals(List.of(), strings(full.at("/layers/lowerBounds")));
  }

  @Test
  void rowsLeftUnreadAfterAnErrorMakeEveryLayerCountALowerBound() {
    // nesting limited to 2 levels: the Sequential's own children (level 3) are not read
    String printout = "Net(\n  (body): Sequential(\n    (0): Sequential(\n"
        + "      (0): Linear(in_features=4, out_features=4, bias=True)\n    )\n  )\n"
        + "  (head): Linear(in_features=4, out_features=4, bias=True)\n)\n";
    Analysis cut = LayerCount.standard().withLimits(Limits.builder().maxNestingDepth(2).build())
        .analyze("t", printout).get(0);
    assertTrue(cut.ok(), cut.diagnostics().toString());
    assertTrue(cut.diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR), cut.diagnostics().toString());
    assertFalse(cut.parameters().exact());
    // every count but keras, which a PyTorch text has none of
    assertEquals(EnumSet.complementOf(EnumSet.of(Convention.KERAS)), cut.layers().lowerBounds());
    assertEquals(Set.of(), LayerCount.standard().analyze("t", printout).get(0).layers().lowerBounds());
  }

  private static List<String> strings(JsonNode array) {
    assertTrue(array.isArray(), String.valueOf(array));
    List<String> all = new java.util.ArrayList<>();
    array.forEach(n -> all.add(n.asText()));
    return all;
  }
}
