package io.layercount.core.internal.count;

import io.layercount.core.InputSize;
import io.layercount.core.internal.rules.LayerNormOwners;
import io.layercount.core.internal.rules.Resolution;
import io.layercount.core.internal.rules.RuleTable;
import io.layercount.core.internal.rules.StreamWidths;
import io.layercount.core.internal.rules.UserRule;
import io.layercount.core.model.Layer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The rule answer for every node of a module tree, computed once per node (not per occurrence), each
 * at its place: in the context of its owner (the nearest enclosing class that is not a plain
 * container) and of the stream it sits in. For a table that prints a count per row, the counts come
 * from the text ({@link StatedCounts}).
 */
public final class Resolved {
  /** The nodes holding the rule answers, or {@code null} where the text's counts decide ({@link #stated}). */
  private final StreamWidths places;
  /** The answers from the text's own counts, or {@code null}. */
  private final Map<Layer, Resolution> stated;
  /** The user rule that decided each node, where one did; empty without user rules. */
  private final Map<Layer, UserRule> byUser;
  private final Layer root;
  /**
   * The sums over module occurrences: made in the walk that answers the nodes where that walk goes
   * in printed order, else by a walk of their own when first asked for ({@link #tally()}).
   */
  private Tally tally;
  /** Whether {@link #tally} was made beside the answers, in printed order. */
  private final boolean talliedInOrder;

  /** From the rules alone. */
  public Resolved(Layer root, RuleTable rules) {
    this(root, rules, null, false, false);
  }

  /**
   * From the text's own counts when {@code statedCounts}, else from the rules.
   *
   * @param inputSize the image size the user stated, or {@code null}; sizes image-bound tensors
   * @param weightAndBiasOnly the table counts only tensors named weight and bias (torchsummary)
   */
  public Resolved(Layer root, RuleTable rules, InputSize inputSize, boolean statedCounts, boolean weightAndBiasOnly) {
    this(root, rules, inputSize, statedCounts, weightAndBiasOnly, 0);
  }

  /**
   * As {@link #Resolved(Layer, RuleTable, InputSize, boolean, boolean)}, for a tree of about
   * {@code nodes} nodes (0: not known), a size for the maps.
   */
  public Resolved(Layer root, RuleTable rules, InputSize inputSize, boolean statedCounts, boolean weightAndBiasOnly,
      int nodes) {
    this(root, rules, inputSize, statedCounts, weightAndBiasOnly, nodes, 1, 0);
  }

  /**
   * As {@link #Resolved(Layer, RuleTable, InputSize, boolean, boolean, int)}, for a tree whose
   * layers stand each on a line of its own, later in printed order, from {@code firstLine} to
   * {@code lastLine} ({@code lastLine < firstLine}: not so), whose nodes are then kept by line.
   */
  Resolved(Layer root, RuleTable rules, InputSize inputSize, boolean statedCounts, boolean weightAndBiasOnly,
      int nodes, int firstLine, int lastLine) {
    this.root = root;
    byUser = rules.hasUserRules() ? new IdentityHashMap<>() : Map.of();
    StreamWidths widths = new StreamWidths(root, rules, inputSize, nodes, firstLine, lastLine);
    // a tree whose layers each stand on a line of their own prints no node at two places: every
    // node has one place, so the answers may be made in printed order, and the sums over the
    // occurrences beside them while each node is at hand (a walk of their own was a cache miss per
    // node at 100,000 modules)
    talliedInOrder = !statedCounts && lastLine >= firstLine;
    if (talliedInOrder) {
      tally = new Tally();
      answerInOrder(root, widths, rules, byUser, tally);
    } else {
      answerByPlace(root, widths, rules, byUser);
    }
    if (statedCounts) {
      places = null;
      stated = StatedCounts.resolve(root, rules, layer -> widths.node(layer).answer(), weightAndBiasOnly);
    } else {
      places = widths;
      stated = null;
    }
  }

  /**
   * The rule answer of every distinct node, kept in its stream-width node: the walk follows those
   * nodes (a layer printed at several places is one node, answered at the first place reached).
   */
  private static void answerByPlace(Layer root, StreamWidths places, RuleTable rules, Map<Layer, UserRule> byUser) {
    Deque<StreamWidths.Node> stack = new ArrayDeque<>();
    Deque<Layer> owners = new ArrayDeque<>();
    stack.push(places.root());
    owners.push(root);
    while (!stack.isEmpty()) {
      StreamWidths.Node node = stack.pop();
      Layer owner = owners.pop();
      if (node.answer() != null) {
        continue;
      }
      answer(node, owner, places, rules, byUser);
      Layer childOwner = LayerNormOwners.isPlainContainer(node.layer().typeName()) ? owner : node.layer();
      for (int i = 0, n = node.kidCount(); i < n; i++) {
        stack.push(node.kid(i));
        owners.push(childOwner);
      }
    }
  }

  /**
   * As {@link #answerByPlace}, for a tree with no node at two places, in printed order, adding each
   * node to {@code sums} with its occurrences (the product of the run lengths above and at it) as
   * {@link Tally#Tally(Layer, Resolved)} would.
   */
  private static void answerInOrder(Layer root, StreamWidths places, RuleTable rules, Map<Layer, UserRule> byUser,
      Tally sums) {
    StreamWidths.Node[] nodes = new StreamWidths.Node[16];
    Layer[] owners = new Layer[16];
    long[] counts = new long[16];
    nodes[0] = places.root();
    owners[0] = root;
    counts[0] = root.repeat();
    int top = 1;
    while (top > 0) {
      top--;
      StreamWidths.Node node = nodes[top];
      Layer owner = owners[top];
      long n = counts[top];
      Resolution answer = node.answer() != null ? node.answer() : answer(node, owner, places, rules, byUser);
      sums.add(node.layer(), answer, n);
      Layer childOwner = LayerNormOwners.isPlainContainer(node.layer().typeName()) ? owner : node.layer();
      int kids = node.kidCount();
      if (top + kids > nodes.length) {
        int size = Math.max(2 * nodes.length, top + kids);
        nodes = Arrays.copyOf(nodes, size);
        owners = Arrays.copyOf(owners, size);
        counts = Arrays.copyOf(counts, size);
      }
      for (int i = kids - 1; i >= 0; i--) {
        StreamWidths.Node kid = node.kid(i);
        nodes[top] = kid;
        owners[top] = childOwner;
        counts[top++] = Saturating.multiply(n, kid.layer().repeat());
      }
    }
  }

  /** Answers {@code node} inside {@code owner}, from the first leaf printed alike where its answer holds for all. */
  private static Resolution answer(StreamWidths.Node node, Layer owner, StreamWidths places, RuleTable rules,
      Map<Layer, UserRule> byUser) {
    Layer layer = node.layer();
    // a leaf printed like one answered before takes its answer, where that follows from the text
    StreamWidths.Node first = node.alike();
    Resolution answer = first == null ? null : first.alikeAnswer();
    if (answer == null) {
      answer = rules.resolve(node, owner, places);
      if (first != null && first.answer() == null && rules.answersAlikeEverywhere(layer)) {
        first.answerAlike(answer);
      }
    }
    node.answer(answer);
    if (rules.hasUserRules()) {
      UserRule mine = rules.userRuleFor(node);
      if (mine != null) {
        byUser.put(layer, mine);
      }
    }
    return answer;
  }

  /**
   * The sums over the module occurrences of the tree: those made beside the answers where they were
   * made in printed order (as {@link Tally#Tally(Layer, Resolved)} would make them), else a
   * {@code Tally}'s walk of the answered tree, made once.
   */
  Tally tally() {
    if (tally == null) {
      tally = new Tally(root, this);
    }
    return tally;
  }

  /** Whether {@link #tally()} was made beside the answers rather than by a walk of its own. */
  boolean talliedInOrder() {
    return talliedInOrder;
  }

  /** The stream-width nodes holding the answers, or {@code null} where the text's counts decided them. */
  StreamWidths places() {
    return places;
  }

  /** How many distinct nodes were resolved: a size for other maps over the same tree. */
  public int size() {
    return places != null ? places.size() : stated.size();
  }

  public Resolution of(Layer layer) {
    if (places == null) {
      return stated.get(layer);
    }
    StreamWidths.Node node = places.node(layer);
    return node == null ? null : node.answer();
  }

  /** What to do with one node that stands for {@code count} occurrences, given its answer; false stops the walk. */
  @FunctionalInterface
  interface Visitor {
    boolean visit(Layer layer, Resolution answer, long count);
  }

  /**
   * As {@link Occurrences#walk} over {@code root} (every node in printed pre-order, with the product
   * of the run lengths above and at it), with each node's answer: over the stream-width nodes that
   * hold the answers where {@code root} is the tree they were made for, so that no node is looked
   * up; returns false when the visitor stopped it.
   */
  boolean walk(Layer root, Visitor visitor) {
    if (places == null || places.root().layer() != root) {
      return Occurrences.walk(root, (layer, n) -> visitor.visit(layer, of(layer), n));
    }
    StreamWidths.Node[] nodes = new StreamWidths.Node[16];
    long[] counts = new long[16];
    nodes[0] = places.root();
    counts[0] = root.repeat();
    int top = 1;
    while (top > 0) {
      StreamWidths.Node node = nodes[--top];
      long n = counts[top];
      Layer layer = node.layer();
      if (!visitor.visit(layer, node.answer(), n)) {
        return false;
      }
      int kids = node.kidCount();
      if (top + kids > nodes.length) {
        nodes = Arrays.copyOf(nodes, Math.max(2 * nodes.length, top + kids));
        counts = Arrays.copyOf(counts, nodes.length);
      }
      for (int i = kids - 1; i >= 0; i--) {
        StreamWidths.Node kid = node.kid(i);
        nodes[top] = kid;
        counts[top++] = Saturating.multiply(n, kid.layer().repeat());
      }
    }
    return true;
  }

  /** The user rule that decided {@code layer}, or {@code null} when the built-in rules did. */
  UserRule userRule(Layer layer) {
    return byUser.get(layer);
  }
}
