package io.layercount.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.layercount.core.Analysis;
import io.layercount.core.Convention;
import io.layercount.core.Diagnostic;
import io.layercount.core.model.Network;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * One JSON object per analysis, on one line: the contract of output.md. Written field by field, in
 * the documented order, so that renaming a record component can never rename a field, and absent
 * values are written as {@code null}, never left out. Jackson's streaming generator writes it (the
 * same generator an {@code ObjectMapper} would use, without the mapper's start-up cost).
 */
final class JsonRenderer {
  private static final JsonFactory JSON = new JsonFactory();

  private JsonRenderer() {}

  /** The JSON line (without its line end) for analysis {@code a} of {@code file}. */
  static String render(String file, Analysis a) {
    return render(file, a, null);
  }

  /** As {@link #render(String, Analysis)}, with an {@code explanation} of {@code explain} when not null. */
  static String render(String file, Analysis a, Convention explain) {
    StringWriter out = new StringWriter(2048);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      write(g, file, a, explain);
    } catch (IOException e) {
      // a StringWriter never fails; reaching this is a bug in Jackson or here
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void write(JsonGenerator g, String file, Analysis a, Convention explain) throws IOException {
    g.writeStartObject();
    g.writeStringField("file", file);
    g.writeNumberField("index", a.index());
    g.writeStringField("format", a.format());
    g.writeBooleanField("ok", a.ok());
    g.writeObjectFieldStart("model");
    g.writeStringField("name", a.model().name());
    g.writeStringField("rootType", a.model().rootType());
    g.writeEndObject();
    parameters(g, a.parameters());
    layers(g, a.layers());
    g.writeObjectFieldStart("byType");
    for (Map.Entry<String, Integer> e : a.byType().entrySet()) {
      number(g, e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeArrayFieldStart("diagnostics");
    for (Diagnostic d : a.diagnostics()) {
      g.writeStartObject();
      g.writeNumberField("line", d.line());
      g.writeNumberField("column", d.column());
      g.writeStringField("severity", d.severity().label());
      g.writeStringField("message", d.message());
      g.writeEndObject();
    }
    g.writeEndArray();
    // added after the first release's fields, so that their order stays as it was
    macs(g, a.macs());
    sizes(g, a.sizes());
    userRules(g, a.userRules());
    if (explain != null) {
      explanation(g, a, explain);
    }
    g.writeEndObject();
  }

  private static void parameters(JsonGenerator g, Analysis.Parameters p) throws IOException {
    g.writeObjectFieldStart("parameters");
    g.writeNumberField("total", p.total());
    g.writeBooleanField("exact", p.exact());
    strings(g, "unknownTypes", p.unknownTypes());
    number(g, "trainable", p.trainable());
    number(g, "nonTrainable", p.nonTrainable());
    Network.StatedTotals stated = p.stated();
    if (stated == null) {
      g.writeNullField("stated");
    } else {
      g.writeObjectFieldStart("stated");
      number(g, "total", stated.total());
      number(g, "trainable", stated.trainable());
      number(g, "nonTrainable", stated.nonTrainable());
      number(g, "optimizer", stated.optimizer());
      g.writeEndObject();
    }
    number(g, "deduplicated", p.deduplicated());
    strings(g, "assumptions", p.assumptions());
    g.writeEndObject();
  }

  private static void macs(JsonGenerator g, Analysis.Macs m) throws IOException {
    g.writeObjectFieldStart("macs");
    number(g, "stated", m.stated());
    number(g, "estimate", m.estimate());
    strings(g, "assumptions", m.assumptions());
    g.writeEndObject();
  }

  private static void sizes(JsonGenerator g, Network.Sizes s) throws IOException {
    if (s == null) {
      g.writeNullField("sizes");
      return;
    }
    g.writeObjectFieldStart("sizes");
    number(g, "inputMB", s.inputMB());
    number(g, "forwardBackwardMB", s.forwardBackwardMB());
    number(g, "paramsMB", s.paramsMB());
    number(g, "totalMB", s.totalMB());
    g.writeEndObject();
  }

  private static void userRules(JsonGenerator g, List<Analysis.AppliedRule> applied) throws IOException {
    g.writeArrayFieldStart("userRules");
    for (Analysis.AppliedRule r : applied) {
      g.writeStartObject();
      g.writeStringField("type", r.type());
      g.writeStringField("rule", r.rule());
      g.writeStringField("kind", r.kind().label());
      g.writeNumberField("occurrences", r.occurrences());
      g.writeNumberField("parameters", r.parameters());
      g.writeBooleanField("exact", r.exact());
      g.writeBooleanField("overridesBuiltIn", r.overridesBuiltIn());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void layers(JsonGenerator g, Analysis.LayerCounts l) throws IOException {
    g.writeObjectFieldStart("layers");
    number(g, "depth", l.depth());
    g.writeStringField("depthBasis", l.depthBasis());
    g.writeNumberField("weighted", l.weighted());
    g.writeNumberField("parameterized", l.parameterized());
    g.writeNumberField("leaves", l.leaves());
    g.writeNumberField("modules", l.modules());
    number(g, "blocks", l.blocks());
    number(g, "keras", l.keras());
    g.writeArrayFieldStart("lowerBounds");
    for (Convention c : Convention.values()) {
      if (l.isLowerBound(c)) {
        g.writeString(c.key());
      }
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void explanation(JsonGenerator g, Analysis a, Convention convention) throws IOException {
    g.writeObjectFieldStart("explanation");
    g.writeStringField("convention", convention.key());
    strings(g, "counted", a.explanation().counted().getOrDefault(convention, List.of()));
    g.writeArrayFieldStart("excluded");
    for (Analysis.Explanation.Exclusion e : a.explanation().excluded().getOrDefault(convention, List.of())) {
      g.writeStartObject();
      g.writeStringField("path", e.path());
      g.writeStringField("reason", e.reason());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
    g.writeArrayFieldStart(field);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  /** A number, or {@code null} where there is none (a boxed field the text does not give). */
  private static void number(JsonGenerator g, String field, Number value) throws IOException {
    if (value == null) {
      g.writeNullField(field);
    } else if (value instanceof Double d) {
      g.writeNumberField(field, d.doubleValue());
    } else if (value instanceof Integer i) {
      g.writeNumberField(field, i.intValue());
    } else {
      g.writeNumberField(field, value.longValue());
    }
  }
}
