package io.layercount.core.internal.count;

import io.layercount.core.internal.rules.RuleTable;
import io.layercount.core.model.Layer;
import java.util.Arrays;
import java.util.List;

/**
 * What one walk of a tree tells before it is counted: whether the text states per-layer counts
 * (some layer below the root has one, or is a repeat), whether a leaf hides modules its text does
 * not show ({@link HiddenChildren}), and how many nodes there are, a size for the maps over them.
 *
 * @param statedCounts the text states per-layer counts ({@link StatedCounts})
 * @param anyHidden some leaf's class hides children
 * @param nodes the nodes of the tree, each place counted (a layer printed at several places is counted at each)
 * @param firstLine the root's line, where each layer in printed order stands on a later line than
 *     the one before (a parsed printout: no layer at two places), so that maps over the tree may be
 *     kept by line ({@link io.layercount.core.internal.LineTable}); else 1, with {@code lastLine} 0
 * @param lastLine the last layer's line, where {@code firstLine} is one
 */
record TreeSurvey(boolean statedCounts, boolean anyHidden, int nodes, int firstLine, int lastLine) {
  /** Whether the layers' lines increase in printed order, {@link #firstLine} to {@link #lastLine}. */
  boolean linesIncrease() {
    return lastLine >= firstLine;
  }

  static TreeSurvey of(Layer root, RuleTable rules) {
    boolean stated = false;
    boolean hidden = false;
    int nodes = 0;
    // printed order is pre-order: each layer's line after the one before, or no line order at all
    boolean increasing = true;
    long previous = Long.MIN_VALUE;
    Layer[] stack = new Layer[16];
    int top = 0;
    stack[0] = root;
    while (top >= 0) {
      Layer layer = stack[top--];
      nodes++;
      increasing &= layer.line() > previous;
      previous = layer.line();
      if (layer != root && (layer.stated().params() != null || layer.stated().repeated())) {
        stated = true;
      }
      List<Layer> children = layer.children();
      if (children.isEmpty()) {
        hidden |= !rules.hiddenChildren(layer.typeName()).isEmpty();
        continue;
      }
      if (top + children.size() >= stack.length) {
        stack = Arrays.copyOf(stack, Math.max(stack.length * 2, top + children.size() + 1));
      }
      for (int i = children.size() - 1; i >= 0; i--) {
        stack[++top] = children.get(i);
      }
    }
    return increasing ? new TreeSurvey(stated, hidden, nodes, root.line(), (int) previous)
        : new TreeSurvey(stated, hidden, nodes, 1, 0);
  }
}
