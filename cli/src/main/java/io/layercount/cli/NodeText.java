package io.layercount.cli;

import io.layercount.core.Convention;

/** The words every picture writes on a node. */
final class NodeText {
  private static final int ARGUMENT_WIDTH = 40;

  private NodeText() {}

  /** {@code conv1}, {@code 0-31 ×32}; the root's class for the root. */
  static String name(LayerTree.Node node) {
    int repeat = node.layer().repeat();
    return repeat > 1 ? node.displayName() + " ×" + repeat : node.displayName();
  }

  /** The class and its printed arguments, cut short: {@code Conv2d(3, 64, kernel_size=(7, 7), …)}. */
  static String type(LayerTree.Node node) {
    String args = node.layer().arguments().raw();
    if (args.isEmpty() || !node.isLeaf()) {
      return node.layer().typeName();
    }
    if (args.length() > ARGUMENT_WIDTH) {
      args = args.substring(0, ARGUMENT_WIDTH - 1) + "…";
    }
    return node.layer().typeName() + "(" + args + ")";
  }

  /** {@code 9,408 params}, {@code ≥ 1,024 params} for a lower bound, empty for none. */
  static String parameters(LayerTree.Node node) {
    if (node.parameters() == 0 && node.exact()) {
      return "";
    }
    return (node.exact() ? "" : "≥ ") + Numbers.grouped(node.parameters()) + " params";
  }

  /** {@code depth ×32} or {@code depth}: how often the depth path passes through the node; empty when never. */
  static String depthMark(LayerTree tree, LayerTree.Node node) {
    Integer n = tree.counted(Convention.DEPTH).get(node.id());
    if (n == null) {
      return "";
    }
    return n > 1 ? "depth ×" + n : "depth";
  }
}
