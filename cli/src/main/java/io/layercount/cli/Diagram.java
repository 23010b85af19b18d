package io.layercount.cli;

import io.layercount.core.Analysis;
import io.layercount.core.Convention;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a picture of a {@link LayerTree} shows: which containers are opened (drawn as a cluster of
 * their children), which nodes are drawn as boxes, and the edges between them.
 *
 * <p>A printout shows the module tree, not the dataflow, so the edges follow printed order, except
 * for the subtrees the depth inference put off the longest path (a projection shortcut, a parallel
 * branch): each is drawn as a dashed side path from where its block starts to where it ends.
 * Where the text states the connections (Keras {@code Connected to}), the edges are those.
 */
final class Diagram {
  /**
   * The depth as a diagram's caption states it: as counted (not grouped), after {@code ≥ } where it
   * is a lower bound; {@code n/a} or {@code unknown} without one ({@link Numbers#count}).
   */
  static String depth(Analysis.LayerCounts counts) {
    Integer depth = counts.depth();
    if (depth == null) {
      return Numbers.count(counts, Convention.DEPTH);
    }
    return counts.isLowerBound(Convention.DEPTH) ? "\u2265 " + depth : depth.toString();
  }

  /** An edge between two drawn nodes; {@code label} is {@code null} or why the side path is off the path. */
  record Edge(int from, int to, boolean dashed, String label) {}

  private final LayerTree tree;
  private final Set<Integer> opened;
  private final List<Integer> drawn;
  private final List<Edge> edges;

  private Diagram(LayerTree tree, Set<Integer> opened) {
    this.tree = tree;
    this.opened = opened;
    this.drawn = drawnNodes(tree, opened);
    List<Edge> stated = tree.graphKnown() ? StatedEdges.of(tree, drawn) : null;
    this.edges = stated != null ? stated : new EdgeBuilder(tree, drawn).build();
  }

  /** Every container opened, every leaf drawn. */
  static Diagram full(LayerTree tree) {
    Set<Integer> opened = new HashSet<>();
    for (LayerTree.Node node : tree.nodes()) {
      if (!node.isLeaf()) {
        opened.add(node.id());
      }
    }
    return new Diagram(tree, opened);
  }

  /**
   * Containers opened a whole level at a time, from the root down, while at most {@code maxDrawn}
   * nodes are drawn; below that level every container is drawn closed, as one box. Opening a level
   * only in part would draw look-alike blocks differently.
   */
  static Diagram pruned(LayerTree tree, int maxDrawn) {
    Set<Integer> opened = new HashSet<>();
    int count = 1;
    List<Integer> level = tree.root().isLeaf() ? List.<Integer>of() : List.of(0);
    while (!level.isEmpty()) {
      int added = 0;
      List<Integer> next = new ArrayList<>();
      for (int id : level) {
        LayerTree.Node node = tree.node(id);
        added += node.children().size() - 1;
        for (int child : node.children()) {
          if (!tree.node(child).isLeaf()) {
            next.add(child);
          }
        }
      }
      if (count + added > maxDrawn) {
        break;
      }
      opened.addAll(level);
      count += added;
      level = next;
    }
    return new Diagram(tree, opened);
  }

  LayerTree tree() {
    return tree;
  }

  /** Whether {@code id} is drawn as a cluster of its children. */
  boolean isOpened(int id) {
    return opened.contains(id);
  }

  /** The nodes drawn as boxes, in printed order. */
  List<Integer> drawn() {
    return drawn;
  }

  List<Edge> edges() {
    return edges;
  }

  /** Modules of the tree that no box or cluster shows, because their container is closed. */
  int hiddenNodes() {
    int hidden = 0;
    for (LayerTree.Node node : tree.nodes()) {
      if (node.parent() >= 0 && !isVisible(node)) {
        hidden++;
      }
    }
    return hidden;
  }

  private boolean isVisible(LayerTree.Node node) {
    for (int p = node.parent(); p >= 0; p = tree.node(p).parent()) {
      if (!opened.contains(p)) {
        return false;
      }
    }
    return true;
  }

  private static List<Integer> drawnNodes(LayerTree tree, Set<Integer> opened) {
    List<Integer> out = new ArrayList<>();
    if (!opened.contains(0)) {
      out.add(0);
      return out;
    }
    Deque<Integer> stack = new ArrayDeque<>();
    stack.push(0);
    while (!stack.isEmpty()) {
      int id = stack.pop();
      if (!opened.contains(id)) {
        out.add(id);
        continue;
      }
      List<Integer> children = tree.node(id).children();
      for (int i = children.size() - 1; i >= 0; i--) {
        stack.push(children.get(i));
      }
    }
    return out;
  }

  /** One walk over the drawn nodes in printed order, keeping the main chain and the side paths apart. */
  private static final class EdgeBuilder {
    private record Exit(int from, int after) {}

    private final LayerTree tree;
    private final List<Integer> drawn;
    private final List<Edge> edges = new ArrayList<>();
    private final List<Exit> exits = new ArrayList<>();

    EdgeBuilder(LayerTree tree, List<Integer> drawn) {
      this.tree = tree;
      this.drawn = drawn;
    }

    List<Edge> build() {
      Integer lastMain = null;
      Integer[] mainBefore = new Integer[drawn.size()];
      Integer previous = null;
      Integer previousSide = null;
      for (int k = 0; k < drawn.size(); k++) {
        mainBefore[k] = lastMain;
        int id = drawn.get(k);
        Integer side = offPathTop(id);
        if (side == null) {
          if (lastMain != null) {
            edges.add(new Edge(lastMain, id, false, null));
          }
          closeExits(id);
          lastMain = id;
        } else if (side.equals(previousSide)) {
          edges.add(new Edge(previous, id, true, null));
        } else {
          Integer entry = mainBefore[firstDrawnIn(tree.node(side).parent())];
          if (entry != null) {
            edges.add(new Edge(entry, id, true, tree.offPath().get(side)));
          }
        }
        if (side != null && isLastDrawnIn(side, k)) {
          exits.add(new Exit(id, tree.subtreeEnd(tree.node(side).parent())));
        }
        previous = id;
        previousSide = side;
      }
      return List.copyOf(edges);
    }

    private void closeExits(int id) {
      for (Iterator<Exit> it = exits.iterator(); it.hasNext(); ) {
        Exit exit = it.next();
        if (id >= exit.after()) {
          edges.add(new Edge(exit.from(), id, true, null));
          it.remove();
        }
      }
    }

    /** The topmost off-path subtree holding {@code id}, or {@code null}. */
    private Integer offPathTop(int id) {
      Integer top = null;
      Map<Integer, String> off = tree.offPath();
      for (int at = id; at >= 0; at = tree.node(at).parent()) {
        if (off.containsKey(at)) {
          top = at;
        }
      }
      return top;
    }

    /** Drawn ids ascend (printed order), so the first one inside {@code container} is found by bisection. */
    private int firstDrawnIn(int container) {
      int at = Collections.binarySearch(drawn, container);
      return at >= 0 ? at : -at - 1;
    }

    private boolean isLastDrawnIn(int container, int k) {
      return k + 1 == drawn.size() || drawn.get(k + 1) >= tree.subtreeEnd(container);
    }
  }
}
