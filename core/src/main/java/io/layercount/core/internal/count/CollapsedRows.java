package io.layercount.core.internal.count;

import io.layercount.core.Diagnostic;
import io.layercount.core.model.Layer;
import io.layercount.core.model.LayerKind;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Says where a torchinfo table stops at its depth limit ({@code summary(model, depth=3)}, the
 * default), or a pytorch_model_summary table at its {@code max_depth} (1 by default), above layers
 * that hold parameters: a row at the table's deepest level that is a
 * container or a class of no known layer, with a count, stands for a sub-tree the table does not
 * list (ViT's {@code ModuleList: 3-3} of twelve encoder layers). Its parameters are in the total,
 * but depth, weighted, parameterized, leaves and modules count only the rows shown.
 */
final class CollapsedRows {
  private CollapsedRows() {}

  /** What cuts a torchinfo table at a depth, and how to see past it. */
  static final String TORCHINFO = "torchinfo's depth limit; summary(model, depth=...) shows them";
  /** What cuts a pytorch_model_summary table at a depth, and how to see past it. */
  static final String MODEL_SUMMARY = "pytorch_model_summary's max_depth, 1 by default; summary(..., max_depth=...)"
      + " or show_hierarchical=True shows them";

  /**
   * Reports the rows that may stand for sub-trees the table does not list, the table cut by
   * {@code limit} ({@link #TORCHINFO}, {@link #MODEL_SUMMARY}); returns whether there are any.
   */
  static boolean report(Layer root, Resolved resolved, List<Diagnostic> out, String limit) {
    // the rows that may stand for a sub-tree at the deepest level seen so far: a deeper row resets them
    int deepest = 0;
    Layer first = null;
    int collapsed = 0;
    Deque<Layer> stack = new ArrayDeque<>();
    Deque<Integer> depths = new ArrayDeque<>();
    stack.push(root);
    depths.push(0);
    while (!stack.isEmpty()) {
      Layer layer = stack.pop();
      int depth = depths.pop();
      if (depth > deepest) {
        deepest = depth;
        first = null;
        collapsed = 0;
      }
      List<Layer> children = layer.children();
      for (int i = children.size() - 1; i >= 0; i--) {
        stack.push(children.get(i));
        depths.push(depth + 1);
      }
      if (depth == deepest && depth > 0 && layer.isLeaf() && holdsUnlistedLayers(layer, resolved)) {
        first = first == null ? layer : first;
        collapsed++;
      }
    }
    if (first == null) {
      return false;
    }
    out.add(Diagnostic.warning(first.line(), 0, "the table lists rows down to depth " + deepest + " only, and "
        + first.typeName() + (collapsed > 1 ? " and " + (collapsed - 1) + " more row(s) at that depth hold"
        : " at that depth holds") + " parameters in layers it may not list (" + limit + "): the parameter total"
        + " counts them, but depth, weighted, parameterized, leaves and modules count only the rows shown, so they"
        + " may be too small"));
    return true;
  }

  /** A row with a count that is a container or a class of no known layer: it may stand for a sub-tree. */
  private static boolean holdsUnlistedLayers(Layer layer, Resolved resolved) {
    Long params = layer.stated().params();
    if (params == null || params == 0 || layer.stated().repeated()) {
      return false;
    }
    LayerKind kind = resolved.of(layer).kind();
    return kind == LayerKind.CONTAINER || kind == LayerKind.UNKNOWN;
  }
}
