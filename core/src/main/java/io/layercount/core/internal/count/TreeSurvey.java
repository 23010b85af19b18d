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
 */
record TreeSurvey(boolean statedCounts, boolean anyHidden, int nodes) {
  static TreeSurvey of(Layer root, RuleTable rules) {
    boolean stated = false;
    boolean hidden = false;
    int nodes = 0;
    Layer[] stack = new Layer[16];
    int top = 0;
    stack[0] = root;
    while (top >= 0) {
      Layer layer = stack[top--];
      nodes++;
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
    return new TreeSurvey(stated, hidden, nodes);
  }
}
