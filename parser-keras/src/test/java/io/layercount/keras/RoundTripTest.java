package io.layercount.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Diagnostic;
import io.layercount.core.Severity;
import io.layercount.core.model.Layer;
import io.layercount.core.model.Network;
import io.layercount.core.spi.ParseResult;
import io.layercount.core.spi.Source;
import io.layercount.keras.GeneratedModel.GenLayer;
import io.layercount.keras.KerasWriter.Era;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Generated models rendered in every era's layout must read back as they were. */
class RoundTripTest {
  private static final int MODELS_PER_LAYOUT = 60;
  private final KerasSummaryParser parser = new KerasSummaryParser();

  static Stream<Arguments> layouts() {
    List<Arguments> out = new ArrayList<>();
    for (Era era : Era.values()) {
      for (boolean functional : new boolean[] {true, false}) {
        if (era == Era.KERAS1 && !functional) {
          continue;
        }
        for (boolean trainable : new boolean[] {false, true}) {
          if (trainable && era.cuts()) {
            continue;
          }
          for (int width : era == Era.KERAS3 ? new int[] {108, 140} : new int[] {0}) {
            out.add(Arguments.of(era, functional, trainable, width));
          }
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} functional={1} trainable={2} width={3}")
  @MethodSource("layouts")
  void everyGeneratedModelReadsBack(Era era, boolean functional, boolean trainable, int width) {
    Random rnd = new Random(era.ordinal() * 1000L + (functional ? 100 : 0) + (trainable ? 10 : 0) + width);
    KerasWriter writer = new KerasWriter(era, trainable, width);
    for (int i = 0; i < MODELS_PER_LAYOUT; i++) {
      GeneratedModel model = GeneratedModel.random(rnd, functional, writer.limits(functional), era.nests());
      String text = writer.render(model);
      String where = era + " model " + i + ":\n" + text;
      check(model, era, writer, trainable, text, where);
      check(model, era, writer, trainable, text.replace("\n", "\r\n"), "CRLF " + where);
      check(model, era, writer, trainable, withoutBlankLines(text), "no blank lines " + where);
    }
  }

  private static String withoutBlankLines(String text) {
    StringBuilder b = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (!line.isBlank()) {
        b.append(line).append('\n');
      }
    }
    return b.toString();
  }

  /** Keras 1 and 2.0 print the same layout: only a class name Keras 2 renamed tells them apart. */
  private static String expectedFormat(GeneratedModel model, Era era, KerasWriter writer) {
    if (era == Era.KERAS1) {
      for (GenLayer l : model.layers()) {
        if (!writer.typeName(l.type()).equals(l.type())) {
          return "keras1";
        }
      }
      return "keras2";
    }
    return era.format;
  }

  private void check(GeneratedModel model, Era era, KerasWriter writer, boolean trainable, String text, String where) {
    ParseResult result = parser.parse(Source.of("generated", text));
    assertEquals(1, result.networks().size(), where);
    Network n = result.networks().get(0);
    assertEquals(expectedFormat(model, era, writer), n.format(), where);
    boolean graph = model.functional() || era == Era.KERAS1;
    assertEquals(graph, n.graphKnown(), where);
    if (era != Era.KERAS1 && era != Era.TFJS) {
      assertEquals(model.name(), n.modelName(), where);
    }
    assertEquals(model.totalParams(), n.totals().total(), where);
    assertEquals(model.trainableParams(), n.totals().trainable(), where);
    assertEquals(model.totalParams() - model.trainableParams(), n.totals().nonTrainable(), where);
    boolean anyFill = compare(model.layers(), n.root().children(), writer, era, graph, trainable, model.functional(), where);
    for (Diagnostic d : n.diagnostics()) {
      if (d.severity() != Severity.INFO) {
        assertTrue(anyFill && d.message().contains("parameter count"), where + "\nunexpected " + d);
      }
    }
  }

  /** Compares two layer lists and all nested ones, without recursion; true if a count filled its column. */
  private static boolean compare(List<GenLayer> expected, List<Layer> actual, KerasWriter writer, Era era, boolean graph,
      boolean trainable,
      boolean functional, String where) {
    boolean anyFill = false;
    List<Object[]> work = new ArrayList<>();
    work.add(new Object[] {expected, actual});
    while (!work.isEmpty()) {
      Object[] pair = work.remove(work.size() - 1);
      @SuppressWarnings("unchecked")
      List<GenLayer> exp = (List<GenLayer>) pair[0];
      @SuppressWarnings("unchecked")
      List<Layer> act = (List<Layer>) pair[1];
      assertEquals(exp.size(), act.size(), where);
      for (int i = 0; i < exp.size(); i++) {
        GenLayer e = exp.get(i);
        Layer a = act.get(i);
        String at = where + "\nrow " + e.name();
        assertEquals(e.name(), a.name(), at);
        assertEquals(writer.typeName(e.type()), a.typeName(), at);
        if (writer.paramsFill(functional, e.params())) {
          anyFill = true;
          assertNull(a.stated().params(), at);
        } else {
          assertEquals(e.params(), a.stated().params(), at);
        }
        String shape = era == Era.TFJS
            ? e.shape().replace("None", "null").replace(" ", "").replace('(', '[').replace(')', ']')
            : e.shape();
        assertEquals(shape, a.stated().outputShape(), at);
        assertEquals(trainable ? (Boolean) e.trainable() : null, a.stated().trainable(), at);
        if (graph) {
          List<String> names = new ArrayList<>();
          List<String> items = new ArrayList<>();
          for (int[] r : e.inbound()) {
            names.add(exp.get(r[0]).name());
            items.add(exp.get(r[0]).name() + "[" + r[1] + "][" + r[2] + "]");
          }
          assertEquals(names, a.stated().inbound(), at);
          assertEquals(items.isEmpty() ? null : String.join(", ", items), a.arguments().get("connected_to"), at);
        }
        work.add(new Object[] {e.children(), a.children()});
      }
    }
    return anyFill;
  }
}
