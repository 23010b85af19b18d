package io.layercount.keras;

import io.layercount.core.Diagnostic;
import io.layercount.core.Limits;
import io.layercount.core.model.Arguments;
import io.layercount.core.model.Layer;
import io.layercount.core.model.Network;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the rows of one table into a {@link Network}: nesting, unique names, and the dataflow of
 * {@code Connected to}.
 *
 * <p>Each row becomes a child {@link Layer} of the row it is nested in ({@code expand_nested}), or of
 * the root. Its {@link Layer.Stated#inbound()} lists, in printed order, the names of the sibling
 * layers its {@code Connected to} cell names (one entry per item, so a layer fed twice by a shared
 * layer lists it twice); the items themselves, node and tensor indices included ({@code ?} where the
 * text lost one), are kept as the argument {@code connected_to}, e.g. {@code functional[0][0],
 * functional[1][0]}, and as {@link Layer.Stated#connections()}. A row with children states its whole
 * sub-tree's count ({@link Layer.ParamScope#SUBTREE}). A type name that stays cut carries the classes it
 * can be ({@link Layer.Stated#typeCompletions()}). A table without {@code Connected to} leaves every inbound list empty and
 * {@link Network#graphKnown()} false: Keras prints that layout only for chain-like models, so the
 * printed order is the chain.
 *
 * <p>Names cut by the table ({@code global_average_poo…}, {@code conv5_block3_out…}) are matched by
 * prefix against the rows printed before (rows are in topological order); where several earlier layers
 * fit, the first one not already used by the same row is taken and a warning names the others. Two
 * siblings with one printed name get {@code #2}, {@code #3}... appended to the later ones.
 *
 * <p>The root's type is {@code Functional} where the table shows the graph or an {@code InputLayer}
 * row, else {@code Model}: a Sequential and a subclassed model print the same table.
 */
final class NetworkAssembler {
  private NetworkAssembler() {}

  private static final class Node {
    final RowCells row;
    final List<Node> children = new ArrayList<>();
    String key;
    List<String> inbound = List.of();
    List<Layer.Connection> connections = List.of();
    String connectedTo;
    Layer built;

    Node(RowCells row) {
      this.row = row;
    }
  }

  static Network assemble(TableRows table, String modelName, Network.StatedTotals totals, int headerLine,
      List<Diagnostic> diagnostics, Limits limits) {
    Set<String> completeTypes = new LinkedHashSet<>();
    for (RawRow r : table.rows()) {
      String t = RowCells.completeType(r);
      if (t != null) {
        completeTypes.add(t);
      }
    }
    Node root = new Node(null);
    List<Node> all = new ArrayList<>();
    List<Node> stack = new ArrayList<>();
    stack.add(root);
    for (RawRow raw : table.rows()) {
      String past = all.size() >= limits.maxLayers() ? Limits.exceeded("the table has more than "
          + limits.maxLayers() + " layer rows", "maxLayers", limits.maxLayers())
          : Math.min(raw.level, stack.size() - 1) >= limits.maxNestingDepth() ? Limits.exceeded("this row is nested more than "
              + limits.maxNestingDepth() + " levels deep", "maxNestingDepth", limits.maxNestingDepth()) : null;
      if (past != null) {
        diagnostics.add(Diagnostic.error(raw.line, raw.column, past
            + "; the rows from here on are not read, so the counts are lower bounds"));
        break;
      }
      Node node = new Node(RowCells.of(raw, table, completeTypes, diagnostics));
      int level = raw.level;
      if (level > stack.size() - 1) {
        diagnostics.add(Diagnostic.warning(raw.line, raw.column,
            "nested " + level + " levels deep without an enclosing row at every level; placed under the nearest one"));
        level = stack.size() - 1;
      }
      while (stack.size() > level + 1) {
        stack.remove(stack.size() - 1);
      }
      stack.get(stack.size() - 1).children.add(node);
      stack.add(node);
      all.add(node);
    }
    // (the column is printed for a functional model only, its cells filled or not)
    boolean functional = table.has(ColumnKind.CONNECTED);
    boolean graph = functional;
    if (graph && all.stream().allMatch(n -> n.row.references().isEmpty())) {
      // a 'Connected to' column with nothing in it (a Keras 2.0 table so printed): no graph is shown
      graph = false;
      long inputs = all.stream().filter(n -> "InputLayer".equals(n.row.type())).count();
      diagnostics.add(inputs > 1
          ? Diagnostic.warning(headerLine, 1, "the 'Connected to' column is empty in every row, and the table"
              + " has " + inputs + " inputs: the layers are no chain, and which reads which is not shown; depth"
              + " assumes they run in printed order and may be too large or too small")
          : Diagnostic.info(headerLine, 1, "the 'Connected to' column is empty in every row: the connections are"
              + " not shown, and depth assumes the layers run in printed order"));
    }
    nameAndConnect(root, all, graph, diagnostics);
    for (int i = all.size() - 1; i >= 0; i--) {
      all.get(i).built = toLayer(all.get(i));
    }
    List<Layer> top = new ArrayList<>();
    boolean input = false;
    for (Node n : root.children) {
      top.add(n.built);
      input |= "InputLayer".equals(n.row.type());
    }
    Layer rootLayer = new Layer("", functional || input ? "Functional" : "Model", Arguments.NONE, top, 1,
        Layer.Stated.NONE, headerLine);
    boolean subclassed = !functional && !input && modelName != null && !sequentialName(modelName) && !top.isEmpty();
    if (subclassed) {
      // Keras prints a table without 'Connected to' for a Sequential model, a functional chain (its
      // InputLayer row shows) and a subclassed model, whose rows are its layers in the order they
      // were made: only a Sequential's default name tells the first apart
      diagnostics.add(Diagnostic.info(headerLine, 1, "'" + modelName + "' is printed without 'Connected to' and"
          + " without an input row: a Sequential model's rows are its chain, a subclassed model's the order its"
          + " layers were made, not its dataflow; depth assumes they run in that order"));
    }
    return new Network(table.format(), modelName, rootLayer, graph, totals, diagnostics, null,
        functional && !graph || subclassed);
  }

  /** Whether {@code name} is one Keras gives a Sequential model: {@code sequential}, {@code sequential_3}. */
  static boolean sequentialName(String name) {
    return SEQUENTIAL_NAME.matcher(name).matches();
  }

  private static final Pattern SEQUENTIAL_NAME = Pattern.compile("sequential(_\\d+)?");

  /** Gives every node a unique key among its siblings and resolves its references; no recursion. */
  private static void nameAndConnect(Node root, List<Node> all, boolean graph, List<Diagnostic> diagnostics) {
    List<Node> parents = new ArrayList<>();
    parents.add(root);
    parents.addAll(all);
    for (Node parent : parents) {
      Map<String, Integer> seen = new HashMap<>();
      for (Node child : parent.children) {
        int n = seen.merge(child.row.name(), 1, Integer::sum);
        child.key = n == 1 ? child.row.name() : child.row.name() + "#" + n;
        if (n == 2) {
          diagnostics.add(Diagnostic.info(child.row.raw().line, child.row.raw().column,
              "a second layer printed as '" + child.row.name() + "'; called '" + child.key + "' here"));
        }
      }
      if (graph) {
        Names names = new Names(parent.children);
        for (int i = 0; i < parent.children.size(); i++) {
          connect(parent.children.get(i), parent.children.subList(0, i), names, diagnostics);
          names.passed(parent.children.get(i));
        }
      }
    }
  }

  /**
   * The siblings by printed name, so that a reference is found without scanning every row before it
   * (a scan per reference made a 50,000-row table take ten minutes).
   */
  private static final class Names {
    /** Whole names → the last sibling of that name already passed. */
    final Map<String, Node> lastEarlier = new HashMap<>();
    /** Whole names → the first sibling of that name. */
    final Map<String, Node> first = new HashMap<>();
    /** Whether a sibling already passed had its name cut. */
    boolean earlierCut;
    /** The siblings some reference resolved so far reads. */
    final Set<Node> read = new HashSet<>();

    Names(List<Node> siblings) {
      for (Node n : siblings) {
        if (!n.row.nameCut()) {
          first.putIfAbsent(n.row.name(), n);
        }
      }
    }

    void passed(Node n) {
      if (n.row.nameCut()) {
        earlierCut = true;
      } else {
        lastEarlier.put(n.row.name(), n);
      }
    }
  }

  private static void connect(Node node, List<Node> earlier, Names names, List<Diagnostic> diagnostics) {
    Set<Node> claimed = new HashSet<>();
    List<String> inbound = new ArrayList<>();
    List<Layer.Connection> connections = new ArrayList<>();
    List<String> notation = new ArrayList<>();
    for (Reference ref : node.row.references()) {
      Node target = resolve(ref, earlier, names, claimed, node, diagnostics);
      String name = target != null ? target.key : ref.name() + (ref.nameCut() ? "…" : "");
      if (target != null) {
        claimed.add(target);
        names.read.add(target);
      }
      inbound.add(name);
      connections.add(new Layer.Connection(name, ref.node(), ref.tensor()));
      notation.add(ref.notation(name));
    }
    node.inbound = inbound;
    node.connections = connections;
    node.connectedTo = String.join(", ", notation);
  }

  private static Node resolve(Reference ref, List<Node> earlier, Names siblings, Set<Node> claimed, Node node,
      List<Diagnostic> diagnostics) {
    RawRow at = node.row.raw();
    if (!ref.nameCut()) {
      Node exact = siblings.lastEarlier.get(ref.name());
      if (exact != null) {
        return exact;
      }
    }
    List<Node> candidates = new ArrayList<>();
    // only a cut name on either side can match by prefix
    if (ref.nameCut() || siblings.earlierCut) {
      for (Node e : earlier) {
        if (fits(ref, e.row)) {
          candidates.add(e);
        }
      }
    }
    List<Node> free = new ArrayList<>();
    for (Node c : candidates) {
      if (!claimed.contains(c)) {
        free.add(c);
      }
    }
    if (!free.isEmpty()) {
      candidates = free;
    }
    if (candidates.size() == 1) {
      diagnostics.add(Diagnostic.info(at.line, at.column,
          "cut reference '" + ref.text() + "' resolved to the earlier layer '" + candidates.get(0).key + "'"));
      return candidates.get(0);
    }
    if (candidates.size() > 1) {
      List<String> names = new ArrayList<>();
      Node unread = null;
      int unreadCount = 0;
      for (Node c : candidates) {
        names.add(c.key);
        if (!siblings.read.contains(c)) {
          unread = c;
          unreadCount++;
        }
      }
      // rows come in topological order, and every output but the model's is read by a later row:
      // where one candidate is read by no row before, it is the one this row reads
      Node chosen = unreadCount == 1 ? unread : candidates.get(0);
      diagnostics.add(Diagnostic.warning(at.line, at.column,
          "cut reference '" + ref.text() + "' fits " + candidates.size() + " earlier layers (" + String.join(", ", names)
              + "); assumed '" + chosen.key + "'" + (unreadCount == 1 ? ", the only one no earlier row reads" : "")));
      return chosen;
    }
    Node later = ref.nameCut() ? null : siblings.first.get(ref.name());
    if (later == node) {
      return node; // a shared layer called on its own output: this row's earlier call ('dense[0][0]' in dense's row)
    }
    if (later != null) {
      diagnostics.add(Diagnostic.warning(at.line, at.column,
          "'" + ref.text() + "' names a layer printed later; the rows are not in topological order"));
      return later;
    }
    if (earlier.isEmpty() && !ref.nameCut() && isImplicitInput(ref.name())) {
      return null; // the model's input: Keras 1 lists a Sequential's first layer as connected to it, but no row for it
    }
    diagnostics.add(Diagnostic.warning(at.line, at.column,
        "'" + ref.text() + "' names no layer of this table (outside layer_range, or lost)"));
    return null;
  }

  /**
   * Whether a name is that of an input layer Keras made itself: {@code input_1}, or Keras 1's
   * {@code lambda_input_1} for a Sequential model whose first layer is {@code lambda_1}.
   */
  private static boolean isImplicitInput(String name) {
    int at = name.lastIndexOf("input_");
    if (at < 0 || at > 0 && name.charAt(at - 1) != '_' || at + 6 == name.length()) {
      return false;
    }
    for (int i = at + 6; i < name.length(); i++) {
      if (name.charAt(i) < '0' || name.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** Whether a reference and a row can name the same layer, given what each lost. */
  private static boolean fits(Reference ref, RowCells row) {
    String r = ref.name();
    String p = row.namePrefix();
    if (ref.nameCut() && row.nameCut()) {
      return r.startsWith(p) || p.startsWith(r);
    }
    if (ref.nameCut()) {
      return p.startsWith(r);
    }
    return row.nameCut() && r.startsWith(p);
  }

  private static Layer toLayer(Node n) {
    List<Layer> children = new ArrayList<>(n.children.size());
    for (Node c : n.children) {
      children.add(c.built);
    }
    RowCells r = n.row;
    Arguments args = n.connectedTo == null || n.connectedTo.isEmpty()
        ? Arguments.NONE
        : new Arguments(r.raw().cell(ColumnKind.CONNECTED), List.of(), Map.of("connected_to", n.connectedTo));
    Layer.Stated stated = new Layer.Stated(r.params(), r.trainable(), r.shape(), n.inbound, n.connections,
        Layer.ParamScope.SUBTREE, false, r.typeCompletions());
    return new Layer(n.key, r.type(), args, children, 1, stated, r.raw().line);
  }
}
