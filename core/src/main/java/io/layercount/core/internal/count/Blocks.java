package io.layercount.core.internal.count;

import io.layercount.core.model.Layer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * The {@code blocks} convention: the longest {@code ModuleList}/{@code Sequential} whose children
 * (at least two, runs expanded) are all non-leaf modules of one class. The first such container in
 * printed order wins a tie.
 */
final class Blocks {
  private static final Set<String> STACKS = Set.of("ModuleList", "Sequential");

  /** The winning container, or {@code null}. */
  final Layer container;
  final long length;

  Blocks(Layer root) {
    Layer best = null;
    long bestLength = 1;
    Deque<Layer> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      Layer layer = stack.pop();
      long length = stackLength(layer);
      if (length > bestLength) {
        best = layer;
        bestLength = length;
      }
      for (int i = layer.children().size() - 1; i >= 0; i--) {
        stack.push(layer.children().get(i));
      }
    }
    container = best;
    length = best == null ? 0 : bestLength;
  }

  private static long stackLength(Layer layer) {
    if (!STACKS.contains(layer.typeName()) || layer.isLeaf()) {
      return 0;
    }
    String type = layer.children().get(0).typeName();
    long length = 0;
    for (Layer child : layer.children()) {
      if (child.isLeaf() || !child.typeName().equals(type)) {
        return 0;
      }
      length = Saturating.add(length, child.repeat());
    }
    return length;
  }
}
