package io.layercount.cli;

import io.layercount.core.Analysis;
import io.layercount.core.Convention;
import io.layercount.core.model.Layer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

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

  /**
   * Where the depth list, whole, holds another number of conv/FC layers than the depth counted: a
   * sentence saying so, else {@code null}. The list walks every occurrence of a module along the
   * path its first replay found, and the inference may measure a run or a repeated module otherwise
   * (28 corpus printouts: Res2Net's splits, RT-DETR's decoders, Mamba-2's mixers among them). On
   * a stated graph, a layer called more than once along the path (a shared layer applied to its
   * own output) is listed once.
   */
  static String depthListMismatch(Analysis a, List<String> counted) {
    Integer depth = a.layers().depth();
    if (depth == null || counted == null || counted.size() == depth
        || a.diagnostics().stream().anyMatch(d -> d.message().startsWith(Analysis.Explanation.CUT))) {
      return null;
    }
    String head = "the " + counted.size() + " conv/FC layers listed do not add up to the depth counted, " + depth;
    if ("graph".equals(a.layers().depthBasis())) {
      return head + (counted.size() < depth ? ": a layer the stated graph calls more than once along the path is"
          + " listed once" : ": a conv/FC row stated to hold no parameters (a layer never called) is listed but not counted");
    }
    if (!"structure".equals(a.layers().depthBasis())) {
      return null;
    }
    return head + ": the list follows each module's first replay at every occurrence, and the depth was measured"
        + " otherwise here; the count is the depth, the list a guide to it";
  }

  /**
   * Where the table names no modules (torchsummary's rows are labelled {@code Conv2d-1}, torchinfo's
   * without {@code var_names} {@code 1-1}, a depth and an index): a sentence saying the list gives
   * those labels, not {@code named_modules()} names; else {@code null}.
   */
  static String rowLabels(Analysis a, List<String> paths) {
    boolean torchinfo = "torchinfo".equals(a.format());
    if (!torchinfo && !"torchsummary".equals(a.format()) && !"pytorch-model-summary".equals(a.format())) {
      return null;
    }
    for (String path : paths) {
      if (!torchinfo || DEPTH_INDEX.matcher(path.substring(path.lastIndexOf('.') + 1)).matches()) {
        return "the table names no modules" + (torchinfo ? " (torchinfo prints their names with"
            + " row_settings=(\"var_names\",))" : "") + ": the list gives its rows' labels ('" + path
            + "'), not the names named_modules() gives";
      }
    }
    return null;
  }

  private static final Pattern DEPTH_INDEX = Pattern.compile("\\d+-\\d+");

  /** Why {@link #paths} gave nothing, for standard error. */
  static String whyNone(Analysis a, Convention convention) {
    if (!a.ok()) {
      return "no model recovered, so no " + convention.key() + " list";
    }
    if (convention == Convention.KERAS) {
      return "keras counts the layers of a Keras model; this is a " + a.format() + " text";
    }
    return "no " + convention.key() + " list is available for this model";
  }
}
