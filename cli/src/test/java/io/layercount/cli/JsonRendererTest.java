package io.layercount.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.layercount.core.Analysis;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class JsonRendererTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Every field of output.md with the JSON types it may take. */
  private static final Map<String, Predicate<JsonNode>> CONTRACT = Map.ofEntries(
      Map.entry("/file", JsonNode::isTextual),
      Map.entry("/index", JsonNode::isIntegralNumber),
      Map.entry("/format", n -> n.isTextual() || n.isNull()),
      Map.entry("/ok", JsonNode::isBoolean),
      Map.entry("/model/name", n -> n.isTextual() || n.isNull()),
      Map.entry("/model/rootType", n -> n.isTextual() || n.isNull()),
      Map.entry("/parameters/total", JsonNode::isIntegralNumber),
      Map.entry("/parameters/exact", JsonNode::isBoolean),
      Map.entry("/parameters/unknownTypes", n -> n.isArray() && all(n, JsonNode::isTextual)),
      Map.entry("/parameters/trainable", n -> n.isIntegralNumber() || n.isNull()),
      Map.entry("/parameters/nonTrainable", n -> n.isIntegralNumber() || n.isNull()),
      Map.entry("/parameters/stated", n -> n.isNull() || statedShape(n)),
      Map.entry("/parameters/deduplicated", n -> n.isIntegralNumber() || n.isNull()),
      Map.entry("/layers/depth", n -> n.isIntegralNumber() || n.isNull()),
      Map.entry("/layers/depthBasis", n -> n.isTextual() && List.of("graph", "structure").contains(n.asText())),
      Map.entry("/layers/weighted", JsonNode::isIntegralNumber),
      Map.entry("/layers/parameterized", JsonNode::isIntegralNumber),
      Map.entry("/layers/leaves", JsonNode::isIntegralNumber),
      Map.entry("/layers/modules", JsonNode::isIntegralNumber),
      Map.entry("/layers/blocks", n -> n.isIntegralNumber() || n.isNull()),
      Map.entry("/layers/keras", n -> n.isIntegralNumber() || n.isNull()),
      Map.entry("/byType", n -> n.isObject() && all(n, JsonNode::isIntegralNumber)),
      Map.entry("/diagnostics", n -> n.isArray() && all(n, JsonRendererTest::diagnosticShape)));

  private static boolean all(JsonNode container, Predicate<JsonNode> test) {
    for (JsonNode n : container) {
      if (!test.test(n)) {
        return false;
      }
    }
    return true;
  }

  private static boolean statedShape(JsonNode n) {
    return n.isObject() && List.of("total", "trainable", "nonTrainable", "optimizer").stream()
        .allMatch(k -> n.has(k) && (n.get(k).isIntegralNumber() || n.get(k).isNull()));
  }

  private static boolean diagnosticShape(JsonNode n) {
    return n.path("line").isIntegralNumber() && n.path("column").isIntegralNumber()
        && List.of("error", "warning", "info").contains(n.path("severity").asText())
        && n.path("message").isTextual();
  }

  private static JsonNode render(String file, Analysis a) throws Exception {
    String line = JsonRenderer.render(file, a);
    assertFalse(line.contains("\n"), "one object per line");
    return MAPPER.readTree(line);
  }

  private static void assertContract(JsonNode json) {
    List<String> broken = new ArrayList<>();
    CONTRACT.forEach((pointer, valid) -> {
      JsonNode n = json.at(pointer);
      if (n.isMissingNode() || !valid.test(n)) {
        broken.add(pointer + " = " + n);
      }
    });
    assertEquals(List.of(), broken, "fields missing or of the wrong type");
  }

  @Test
  void everyContractFieldIsPresentWhenAllAreKnown() throws Exception {
    assertContract(render("k.txt", Analyses.kerasLowerBound(1)));
  }

  @Test
  void everyContractFieldIsPresentWhenMostAreNull() throws Exception {
    JsonNode json = render("r.txt", Analyses.resnet18());
    assertContract(json);
    for (String pointer : List.of("/model/name", "/parameters/trainable", "/parameters/nonTrainable",
        "/parameters/stated", "/parameters/deduplicated", "/layers/keras")) {
      assertTrue(json.at(pointer).isNull(), pointer + " is written as null, not left out");
    }
  }

  @Test
  void everyContractFieldIsPresentForAFailedInput() throws Exception {
    JsonNode json = render("bad.txt", Analyses.failed("no model found"));
    assertContract(json);
    assertFalse(json.get("ok").asBoolean());
    assertTrue(json.get("format").isNull());
  }

  @Test
  void valuesAreTheAnalysisValues() throws Exception {
    JsonNode json = render("k.txt", Analyses.kerasLowerBound(1));
    assertEquals("k.txt", json.get("file").asText());
    assertEquals(1, json.get("index").asInt());
    assertEquals("keras3", json.get("format").asText());
    assertEquals("classifier", json.at("/model/name").asText());
    assertEquals("Functional", json.at("/model/rootType").asText());
    assertEquals(1_234_567, json.at("/parameters/total").asLong());
    assertFalse(json.at("/parameters/exact").asBoolean());
    assertEquals("MyAttention", json.at("/parameters/unknownTypes/0").asText());
    assertEquals(1_200_000, json.at("/parameters/trainable").asLong());
    assertEquals(34_567, json.at("/parameters/nonTrainable").asLong());
    assertEquals(1_300_000, json.at("/parameters/stated/total").asLong());
    assertEquals(2, json.at("/parameters/stated/optimizer").asLong());
    assertEquals(1_000_000, json.at("/parameters/deduplicated").asLong());
    assertEquals("graph", json.at("/layers/depthBasis").asText());
    assertEquals(4, json.at("/layers/keras").asInt());
    assertEquals(2, json.at("/byType/Dense").asInt());
    assertEquals("warning", json.at("/diagnostics/0/severity").asText());
    assertEquals(3, json.at("/diagnostics/0/line").asInt());
    assertEquals(5, json.at("/diagnostics/0/column").asInt());
    assertEquals("info", json.at("/diagnostics/1/severity").asText());
  }

  @Test
  void fieldsAndTypesKeepTheirOrder() throws Exception {
    JsonNode json = render("r.txt", Analyses.resnet18());
    assertEquals(List.of("file", "index", "format", "ok", "model", "parameters", "layers", "byType", "diagnostics",
        "macs", "sizes", "userRules"),
        names(json.fieldNames()));
    assertEquals(List.of("Conv2d", "BatchNorm2d", "ReLU", "MaxPool2d", "AdaptiveAvgPool2d", "Linear"),
        names(json.get("byType").fieldNames()));
  }

  @Test
  void largeTotalsSurviveAsIntegers() throws Exception {
    Analysis a = Analyses.resnet18();
    Analysis big = new Analysis(0, a.format(), true, a.model(),
        new Analysis.Parameters(6_738_415_616L, true, List.of(), null, null, null, null),
        a.layers(), a.byType(), a.diagnostics(), null, a.explanation());
    assertEquals(6_738_415_616L, render("big.txt", big).at("/parameters/total").asLong());
  }

  private static List<String> names(Iterator<String> it) {
    List<String> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
