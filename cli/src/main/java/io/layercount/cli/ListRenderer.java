package io.layercount.cli;

import io.layercount.core.Analysis;
import io.layercount.core.Convention;
import io.layercount.core.model.Layer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The module paths a convention counted, one per line, as PyTorch's {@code named_modules()} names
 * them ({@code layer2.0.downsample.0}; the root is the empty name) or as Keras names its layers:
 * ready for {@code dict(model.named_modules())[path]}. A layer counted twice (a Keras
 * {@code SeparableConv2D} in {@code depth}) is listed once.
 */
final class ListRenderer {
  private ListRenderer() {}

  /**
   * The paths, or {@code null} when this analysis lists none for the convention (no model, a
   * depth traced on a Keras graph, {@code keras} for a PyTorch printout).
   */
  static List<String> paths(Analysis a, Convention convention) {
    if (!a.ok() || a.network() == null) {
      return null;
    }
    if (convention == Convention.KERAS) {
      if (a.layers().keras() == null) {
        return null;
      }
      List<String> names = new ArrayList<>();
      for (Layer layer : a.network().root().children()) {
        names.add(layer.name());
      }
      return names;
    }
    List<String> counted = a.explanation().counted().get(convention);
    Integer count = a.layers().get(convention);
    if (counted == null || (counted.isEmpty() && count != null && count > 0)) {
      return null;
    }
    Set<String> distinct = new LinkedHashSet<>(counted);
    return List.copyOf(distinct);
  }

  /** Why {@link #paths} gave nothing, for standard error. */
  static String whyNone(Analysis a, Convention convention) {
    if (!a.ok()) {
      return "no model recovered, so no " + convention.key() + " list";
    }
    if (convention == Convention.KERAS) {
      return "keras counts the layers of a Keras model; this is a " + a.format() + " text";
    }
    if (convention == Convention.DEPTH && "graph".equals(a.layers().depthBasis())) {
      return "depth was traced on the stated layer graph, which gives the count but not the list of layers";
    }
    return "no " + convention.key() + " list is available for this model";
  }
}
