package io.layercount.core.internal.count;

import io.layercount.core.Convention;
import io.layercount.core.Diagnostic;
import io.layercount.core.model.Layer;
import io.layercount.core.model.LayerKind;
import io.layercount.core.spi.KerasLayerTypes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Says where a Keras summary shows as one row what holds layers it does not list: a nested model
 * (without {@code expand_nested}), a wrapper ({@code TimeDistributed}, a TF Hub {@code KerasLayer}),
 * or a layer of a class Keras does not define (a custom layer, a Hugging Face {@code TFBertMainLayer})
 * that has parameters. Each counts as one layer; the conventions that look inside layers cannot.
 */
final class NestedModels {
  private NestedModels() {}

  /**
   * Reports each such row; returns the conventions whose counts may therefore be too small: leaves
   * and modules (the row hides the layers inside it), and where its count is not 0, the conventions
   * that count layers with parameters too.
   */
  static Set<Convention> report(Layer root, Resolved resolved, java.util.List<Diagnostic> out) {
    Set<Convention> lowerBounds = EnumSet.noneOf(Convention.class);
    // the classes Keras does not define, by name, in order of their first row: how many rows, the first's line
    Map<String, int[]> authored = new LinkedHashMap<>();
    Deque<Layer> stack = new ArrayDeque<>(root.children());
    while (!stack.isEmpty()) {
      Layer layer = stack.pop();
      layer.children().forEach(stack::push);
      if (!layer.isLeaf()) {
        continue;
      }
      Long params = layer.stated().params();
      boolean weights = params == null || params != 0;
      if (resolved.of(layer).kind() == LayerKind.CONTAINER) {
        lowerBounds.addAll(weights ? HIDDEN : ROWS_ONLY);
        out.add(Diagnostic.info(layer.line(), 0, "'" + layer.name() + "' (" + layer.typeName() + ") is a nested model"
            + " shown as one row: it counts as one layer, its parameters as printed; "
            + (weights ? "depth, weighted, parameterized, leaves and modules" : "leaves and modules")
            + " do not see the layers inside it, so they may be too small"));
        continue;
      }
      long most = KerasLayerTypes.mostParams(layer.typeName());
      if (params != null && most >= 0 && params > most) {
        lowerBounds.addAll(HIDDEN);
        out.add(Diagnostic.info(layer.line(), 0, "'" + layer.name() + "' (" + layer.typeName() + ") holds "
            + String.format(Locale.ROOT, "%,d", params) + " parameters, where Keras's " + layer.typeName()
            + " holds " + (most == 0 ? "none" : "at most " + most) + ": a class of the same name the model's author"
            + " wrote, counted as one layer and no conv/FC one; the layers it is built of are not listed, so depth, weighted,"
            + " parameterized, leaves and modules may be too small"));
        continue;
      }
      if (!weights || resolved.of(layer).kind() != LayerKind.UNKNOWN) {
        continue; // a convolution or dense layer is one, whatever its class
      }
      LayerKind keras = KerasLayerTypes.kind(layer.typeName());
      if (keras == LayerKind.CONTAINER) {
        lowerBounds.addAll(HIDDEN);
        out.add(Diagnostic.info(layer.line(), 0, "'" + layer.name() + "' (" + layer.typeName() + ") wraps a layer"
            + " the summary does not name, and its parameters are that layer's: depth, weighted, parameterized,"
            + " leaves and modules do not see it, so they may be too small"));
      } else if (keras == null) {
        authored.computeIfAbsent(layer.typeName(), t -> new int[] {0, layer.line()})[0]++;
      }
    }
    if (!authored.isEmpty()) {
      lowerBounds.addAll(HIDDEN);
      StringBuilder classes = new StringBuilder();
      int shown = 0;
      for (Map.Entry<String, int[]> e : authored.entrySet()) {
        if (shown++ == MAX_NAMED) {
          classes.append(" and ").append(authored.size() - MAX_NAMED).append(" more");
          break;
        }
        classes.append(shown > 1 ? ", " : "").append(e.getKey()).append(" (").append(e.getValue()[0])
            .append(e.getValue()[0] == 1 ? " row)" : " rows)");
      }
      out.add(Diagnostic.info(authored.values().iterator().next()[1], 0, "rows with parameters of classes Keras"
          + " does not define, each shown as one layer: " + classes + "; the layers they are built of are not listed,"
          + " so depth, weighted, parameterized, leaves and modules may be too small"));
    }
    return lowerBounds;
  }

  /** How many classes the diagnostic about authored classes names. */
  private static final int MAX_NAMED = 5;

  /** What the layers inside a row with parameters would add to: every convention that looks inside layers. */
  static final Set<Convention> HIDDEN = EnumSet.range(Convention.DEPTH, Convention.BLOCKS);

  /** What the layers inside a row without parameters would add to: none of them a conv/FC or weighted layer. */
  private static final Set<Convention> ROWS_ONLY = EnumSet.of(Convention.LEAVES, Convention.MODULES);
}
