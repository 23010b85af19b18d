package io.layercount.core.internal.count;

import io.layercount.core.internal.rules.HiddenChild;
import io.layercount.core.internal.rules.RuleTable;
import io.layercount.core.model.Arguments;
import io.layercount.core.model.Layer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Adds the child modules that a class's printed text hides (see {@link HiddenChild}) to the tree,
 * so that every convention and every path sees them as {@code named_modules()} would. Iterative;
 * returns the same tree when nothing is hidden.
 */
final class HiddenChildren {
  private HiddenChildren() {}

  static Layer expand(Layer root, RuleTable rules) {
    return TreeSurvey.of(root, rules).anyHidden() ? rebuild(root, rules) : root;
  }

  /** As {@link #expand}, for a tree a {@link TreeSurvey} found hiding children. */
  static Layer rebuild(Layer root, RuleTable rules) {
    Deque<Frame> stack = new ArrayDeque<>();
    stack.push(new Frame(root));
    Layer result = root;
    while (!stack.isEmpty()) {
      Frame top = stack.peek();
      if (top.next < top.layer.children().size()) {
        Layer child = top.layer.children().get(top.next++);
        if (child.isLeaf() && rules.hiddenChildren(child.typeName()).isEmpty()) {
          top.add(child); // a leaf that hides nothing stays as it is: no frame for it
        } else {
          stack.push(new Frame(child));
        }
        continue;
      }
      stack.pop();
      Layer rebuilt = top.rebuild(rules);
      if (stack.isEmpty()) {
        result = rebuilt;
      } else {
        stack.peek().add(rebuilt);
      }
    }
    return result;
  }

  /** A node being rebuilt: its children as rebuilt so far. */
  private static final class Frame {
    final Layer layer;
    final List<Layer> children = new ArrayList<>();
    boolean changed;
    int next;

    Frame(Layer layer) {
      this.layer = layer;
    }

    void add(Layer child) {
      changed |= child != layer.children().get(children.size());
      children.add(child);
    }

    Layer rebuild(RuleTable rules) {
      if (layer.isLeaf()) {
        List<HiddenChild> hidden = rules.hiddenChildren(layer.typeName());
        for (HiddenChild h : hidden) {
          children.add(Layer.of(h.name(), h.typeFor(layer.arguments()), Arguments.NONE, List.of(), layer.line()));
        }
        changed = !hidden.isEmpty();
      }
      return changed
          ? new Layer(layer.name(), layer.typeName(), layer.arguments(), children, layer.repeat(), layer.stated(),
              layer.line())
          : layer;
    }
  }
}
