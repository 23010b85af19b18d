package io.layercount.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.layercount.core.Analysis;
import io.layercount.core.Convention;
import io.layercount.core.Diagnostic;
import io.layercount.core.model.Network;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * One JSON object per analysis, on one line: the contract of output.md. The tree is built field by
 * field, in the documented order, so that renaming a record component can never rename a field,
 * and absent values are written as {@code null}, never left out.
 */
final class JsonRenderer {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonRenderer() {}

  /** The JSON line (without its line end) for analysis {@code a} of {@code file}. */
  static String render(String file, Analysis a) {
    return render(file, a, null);
  }

  /** As {@link #render(String, Analysis)}, with an {@code explanation} of {@code explain} when not null. */
  static String render(String file, Analysis a, Convention explain) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("file", file);
    root.put("index", a.index());
    root.put("format", a.format());
    root.put("ok", a.ok());
    ObjectNode model = root.putObject("model");
    model.put("name", a.model().name());
    model.put("rootType", a.model().rootType());
    parameters(root.putObject("parameters"), a.parameters());
    layers(root.putObject("layers"), a.layers());
    ObjectNode byType = root.putObject("byType");
    for (Map.Entry<String, Integer> e : a.byType().entrySet()) {
      byType.put(e.getKey(), e.getValue());
    }
    ArrayNode diagnostics = root.putArray("diagnostics");
    for (Diagnostic d : a.diagnostics()) {
      diagnostics.addObject()
          .put("line", d.line())
          .put("column", d.column())
          .put("severity", d.severity().label())
          .put("message", d.message());
    }
    // added after the first release's fields, so that their order stays as it was
    macs(root.putObject("macs"), a.macs());
    sizes(root, a.sizes());
    userRules(root.putArray("userRules"), a.userRules());
    if (explain != null) {
      explanation(root.putObject("explanation"), a, explain);
    }
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      // a tree of plain nodes always serialises; reaching this is a bug in Jackson or here
      throw new UncheckedIOException(e);
    }
  }

  private static void parameters(ObjectNode node, Analysis.Parameters p) {
    node.put("total", p.total());
    node.put("exact", p.exact());
    ArrayNode unknown = node.putArray("unknownTypes");
    p.unknownTypes().forEach(unknown::add);
    node.put("trainable", p.trainable());
    node.put("nonTrainable", p.nonTrainable());
    Network.StatedTotals stated = p.stated();
    if (stated == null) {
      node.putNull("stated");
    } else {
      node.putObject("stated")
          .put("total", stated.total())
          .put("trainable", stated.trainable())
          .put("nonTrainable", stated.nonTrainable())
          .put("optimizer", stated.optimizer());
    }
    node.put("deduplicated", p.deduplicated());
    ArrayNode assumptions = node.putArray("assumptions");
    p.assumptions().forEach(assumptions::add);
  }

  private static void macs(ObjectNode node, Analysis.Macs m) {
    node.put("stated", m.stated());
    node.put("estimate", m.estimate());
    ArrayNode assumptions = node.putArray("assumptions");
    m.assumptions().forEach(assumptions::add);
  }

  private static void sizes(ObjectNode root, Network.Sizes s) {
    if (s == null) {
      root.putNull("sizes");
      return;
    }
    root.putObject("sizes")
        .put("inputMB", s.inputMB())
        .put("forwardBackwardMB", s.forwardBackwardMB())
        .put("paramsMB", s.paramsMB())
        .put("totalMB", s.totalMB());
  }

  private static void userRules(ArrayNode array, List<Analysis.AppliedRule> applied) {
    for (Analysis.AppliedRule r : applied) {
      array.addObject()
          .put("type", r.type())
          .put("rule", r.rule())
          .put("kind", r.kind().label())
          .put("occurrences", r.occurrences())
          .put("parameters", r.parameters())
          .put("exact", r.exact())
          .put("overridesBuiltIn", r.overridesBuiltIn());
    }
  }

  private static void layers(ObjectNode node, Analysis.LayerCounts l) {
    node.put("depth", l.depth());
    node.put("depthBasis", l.depthBasis());
    node.put("weighted", l.weighted());
    node.put("parameterized", l.parameterized());
    node.put("leaves", l.leaves());
    node.put("modules", l.modules());
    node.put("blocks", l.blocks());
    node.put("keras", l.keras());
  }

  private static void explanation(ObjectNode node, Analysis a, Convention convention) {
    node.put("convention", convention.key());
    ArrayNode counted = node.putArray("counted");
    a.explanation().counted().getOrDefault(convention, List.of()).forEach(counted::add);
    ArrayNode excluded = node.putArray("excluded");
    for (Analysis.Explanation.Exclusion e : a.explanation().excluded().getOrDefault(convention, List.of())) {
      excluded.addObject().put("path", e.path()).put("reason", e.reason());
    }
  }
}
