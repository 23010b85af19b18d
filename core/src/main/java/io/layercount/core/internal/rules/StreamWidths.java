package io.layercount.core.internal.rules;

import io.layercount.core.internal.AlikeLeaves;
import io.layercount.core.internal.IdentityTable;
import io.layercount.core.internal.LineTable;
import io.layercount.core.internal.PostOrder;
import io.layercount.core.internal.depth.ChildRole;
import io.layercount.core.InputSize;
import io.layercount.core.model.Arguments;
import io.layercount.core.model.Layer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The {@link Place} of every node of a module tree: stream widths follow the printed order of
 * siblings (a {@code LayerScale()} after an attention block whose projection gives 768 scales 768
 * channels). Computed once per tree, iteratively.
 */
public final class StreamWidths {
  private static final OptionalLong NONE = OptionalLong.empty();
  private static final Node[] NO_KIDS = new Node[0];

  /**
   * What is known about one node; filled children first, then parents first. The rule answer for
   * the node is kept here too ({@link #answer}), so that the pass making them walks these nodes and
   * every later pass finds a node's place and answer in one lookup.
   */
  public static final class Node {

    final Layer layer;
    /** The nodes of the layer's children, in printed order: the walks below follow them, not the map. */
    Node[] kids;
    OptionalLong in = NONE;
    OptionalLong out = NONE;
    OptionalLong firstOut = NONE;
    OptionalLong before;
    OptionalLong after;
    /** Whether {@link #after} comes from beyond the parent (no later sibling shows an input width). */
    boolean afterFromOutside;
    String parentType;
    OptionalLong parentOut = NONE;

    /**
     * For a leaf, the node of the first leaf printed alike ({@link AlikeLeaves}: the same class,
     * arguments and statements), itself if it is that first; {@code null} for a container, or once
     * the tree has too many distinct leaves to look each up. What follows from a leaf's text alone
     * is worked out at that first node and taken from it by the others, with no lookup of their own.
     */
    private Node alike;
    /** The rule answer at the node's first place, once made. */
    private Resolution answer;
    /** Whether {@link #answer} holds for every leaf printed alike ({@link #answerAlike}). */
    private boolean answersAlike;
    /** What the depth inference keeps of the node ({@link #depth()}). */
    private Object depth;

    Node(Layer layer) {
      this.layer = layer;
    }

    public Layer layer() {
      return layer;
    }

    /** The nodes of the layer's children, in printed order (one node for a layer printed at several places). */
    public int kidCount() {
      return kids.length;
    }

    public Node kid(int i) {
      return kids[i];
    }

    /** The class of the parent the node sits in at its first place ({@code ""} at the root). */
    public String parentType() {
      return parentType;
    }

    /** The node of the first leaf printed alike ({@link #alike}), or {@code null}. */
    public Node alike() {
      return alike;
    }

    /** The rule answer set with {@link #answer(Resolution)}, or {@code null}. */
    public Resolution answer() {
      return answer;
    }

    public void answer(Resolution r) {
      answer = r;
    }

    /**
     * Sets the answer of this first leaf of its text as the answer of every leaf printed alike
     * ({@link #alikeAnswer}): one that follows from the text alone.
     */
    public void answerAlike(Resolution r) {
      answer = r;
      answersAlike = true;
    }

    /** The answer of every leaf printed like this one, or {@code null} where none was set for all. */
    public Resolution alikeAnswer() {
      return answersAlike ? answer : null;
    }

    /** What the depth inference keeps of the node, or {@code null}: its own type, opaque here. */
    public Object depth() {
      return depth;
    }

    public void depth(Object facts) {
      depth = facts;
    }
  }

  /** The nodes by layer: a {@link LineTable} over {@link #firstLine} to {@link #lastLine} where it fits. */
  private final Map<Layer, Node> nodes;
  private final int firstLine;
  private final int lastLine;
  private final Node root;
  private final RuleTable rules;
  private final InputSize inputSize;
  /** The grid of patches the first patch embedding cuts the image into, and its stride. */
  private final Place.Patches patches = new LazyPatches();

  /** How many nodes it holds (each distinct node once). */
  public int size() {
    return nodes.size();
  }

  /** The places of every node under {@code root}; {@code inputSize} may be {@code null}. */
  public StreamWidths(Layer root, RuleTable rules, InputSize inputSize) {
    this(root, rules, inputSize, 0);
  }

  /**
   * As {@link #StreamWidths(Layer, RuleTable, InputSize)}, for a tree of about {@code expected}
   * distinct nodes (0: not known): the map is sized for them (growing it cost 3 % of an analysis).
   */
  public StreamWidths(Layer root, RuleTable rules, InputSize inputSize, int expected) {
    this(root, rules, inputSize, expected, 1, 0);
  }

  /**
   * As {@link #StreamWidths(Layer, RuleTable, InputSize, int)}, for a tree whose layers stand each on
   * a line of its own, later in printed order, from {@code firstLine} to {@code lastLine} (a parsed
   * printout; {@code lastLine < firstLine}: not so): the nodes are then kept by line, with no hash.
   */
  public StreamWidths(Layer root, RuleTable rules, InputSize inputSize, int expected, int firstLine, int lastLine) {
    this.firstLine = firstLine;
    this.lastLine = lastLine;
    nodes = LineTable.fits(firstLine, lastLine, expected) ? new LineTable<>(firstLine, lastLine)
        : new IdentityTable<>(expected);
    // a leaf's widths follow from its class and arguments: worked out once per leaf text, at the
    // first node of that text
    AlikeLeaves<Node> firstAlike = new AlikeLeaves<>();
    // children before parents, in printed order; a finished node leaves itself on a stack, where its
    // parent takes its children's nodes from (no lookup per child). A layer printed at several
    // places is one node: its widths are the same at each.
    PostOrder.fold(root, nodes::get, (layer, kids) -> {
      Node node = new Node(layer);
      node.kids = kids;
      boolean leaf = layer.isLeaf();
      if (leaf) {
        Node first = firstAlike.get(layer);
        if (first == null) {
          String formula = rules.formulaOf(layer.typeName());
          node.in = LayerWidths.in(layer, formula);
          node.out = LayerWidths.out(layer, formula);
          if (firstAlike.hasRoom()) {
            firstAlike.put(layer, node);
            node.alike = node;
          }
        } else {
          node.in = first.in;
          node.out = first.out;
          node.alike = first;
        }
        node.firstOut = node.out;
      } else if (rules.isParametrized(layer)) {
        String formula = rules.formulaOf(layer.typeName());
        node.in = LayerWidths.in(layer, formula);
        node.out = LayerWidths.out(layer, formula);
        node.firstOut = node.out;
      } else {
        node.in = first(node.kids, n -> n.in);
        node.out = containerOut(node, rules);
        node.firstOut = first(node.kids, n -> n.firstOut);
      }
      nodes.put(layer, node);
      return node;
    }, NO_KIDS);
    this.rules = rules;
    this.inputSize = inputSize;
    this.root = nodes.get(root);
    assignBefore(this.root);
  }

  /** The root's node. */
  public Node root() {
    return root;
  }

  /** Every node, each once, in no order. */
  public Iterable<Node> nodes() {
    return nodes.values();
  }

  /**
   * An empty map over layers of this tree, for about {@code expected} of them: kept by line where
   * the nodes are ({@link LineTable}), else by identity.
   */
  public <V> Map<Layer, V> newLayerMap(int expected) {
    return nodes instanceof LineTable ? new LineTable<>(firstLine, lastLine) : new IdentityTable<>(expected);
  }

  /** The node of {@code layer}, or {@code null} when it is not in the tree. */
  public Node node(Layer layer) {
    return nodes.get(layer);
  }

  /**
   * The place of {@code layer}, a node of the tree. Its stream width is what reaches it and what
   * the next layer takes in; where both show and differ, printed order does not follow the
   * dataflow there (HF attention modules print their norms after the output projection) and the
   * width is not known.
   */
  public Place of(Layer layer) {
    Node node = nodes.get(layer);
    if (node == null) {
      return new Place(NONE, NONE, NONE, patches, "", NONE, NONE);
    }
    OptionalLong from = node.before;
    OptionalLong to = node.after;
    // what the layer after its parent takes in is weak evidence where the two disagree: a
    // stage's last layer scale is followed by a fusion of several stages
    OptionalLong width = from.isEmpty() ? to : to.isEmpty() || to.equals(from) || node.afterFromOutside ? from : NONE;
    return new Place(width, node.in, node.firstOut, patches, node.parentType, to, node.parentOut);
  }

  /**
   * The tree's patch embedding, sought when a row first asks for its grid or stride, not for every
   * place: the search parses the kernel and stride of every convolution until it finds one (3 % of
   * reading the corpus where it ran for every analysis that sized a tensor by its place).
   */
  private final class LazyPatches implements Place.Patches {
    private OptionalLong grid;
    private String stride;

    @Override
    public OptionalLong grid() {
      find();
      return grid;
    }

    @Override
    public String stride() {
      find();
      return stride;
    }

    private void find() {
      if (grid != null) {
        return;
      }
      Layer first = firstPatchEmbedding(root.layer);
      long[] strides = first == null ? new long[0] : Arguments.tuple(first.arguments().get("stride"));
      stride = strides.length == 2 ? strides[0] + "×" + strides[1] : null;
      grid = inputSize == null || strides.length != 2
          ? OptionalLong.empty()
          : Sizes.product(inputSize.height() / strides[0], inputSize.width() / strides[1]);
    }
  }

  /**
   * The first leaf in printed order that cuts the image into patches, or {@code null}; iterative,
   * and each node once (a layer printed at several places is looked at where it is first).
   */
  private Layer firstPatchEmbedding(Layer top) {
    Set<Layer> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Layer> stack = new ArrayDeque<>();
    stack.push(top);
    while (!stack.isEmpty()) {
      Layer layer = stack.pop();
      if (!seen.add(layer)) {
        continue;
      }
      if (layer.isLeaf() && isPatchEmbedding(layer, rules)) {
        return layer;
      }
      List<Layer> children = layer.children();
      for (int i = children.size() - 1; i >= 0; i--) {
        stack.push(children.get(i));
      }
    }
    return null;
  }

  /** A 2-d convolution whose stride equals its kernel (larger than 1): it cuts an image into patches. */
  private static boolean isPatchEmbedding(Layer layer, RuleTable rules) {
    if (!"conv".equals(rules.formulaOf(layer.typeName()))) {
      return false;
    }
    long[] kernel = Arguments.tuple(layer.arguments().get("kernel_size"));
    long[] stride = Arguments.tuple(layer.arguments().get("stride"));
    return kernel.length == 2 && Arrays.equals(kernel, stride) && kernel[0] > 1 && kernel[1] > 1;
  }

  /**
   * The stream width reaching each node, and the width the next layer after it takes in; walks the
   * nodes' child arrays rather than looking each child up in the map.
   */
  private static void assignBefore(Node top) {
    Deque<Node> stack = new ArrayDeque<>();
    top.before = NONE;
    top.after = NONE;
    top.parentType = "";
    stack.push(top);
    while (!stack.isEmpty()) {
      Node node = stack.pop();
      Layer layer = node.layer;
      OptionalLong stream = node.before;
      Node[] kids = node.kids;
      for (Node c : kids) {
        if (c.parentType != null) {
          continue; // one object printed at several places keeps its first place
        }
        c.parentType = layer.typeName();
        c.parentOut = node.out;
        c.before = stream;
        stack.push(c);
        if (c.out.isPresent()) {
          stream = c.out;
        }
      }
      OptionalLong next = node.after;
      boolean outside = true;
      for (int i = kids.length - 1; i >= 0; i--) {
        Node c = kids[i];
        if (c.after == null) {
          boolean fromRun = c.layer.repeat() > 1 && c.in.isPresent();
          c.after = fromRun ? c.in : next;
          c.afterFromOutside = !fromRun && outside;
        }
        if (c.in.isPresent()) {
          next = c.in;
          outside = false;
        }
      }
    }
  }

  /**
   * The output width of a container: its last child that shows one, passing over embedding tables
   * that are not its only one (a T5 attention prints its relative-position bias table last), and
   * over a gated MLP's second projection ({@link ChildRole#isLatePartner}) where another child shows
   * a width: an old LLaMA prints its MLP's {@code up_proj} after {@code down_proj}, whose output is
   * the MLP's.
   */
  private static OptionalLong containerOut(Node node, RuleTable rules) {
    Node[] kids = node.kids;
    OptionalLong embedding = OptionalLong.empty();
    OptionalLong feeding = OptionalLong.empty();
    for (int k = kids.length - 1; k >= 0; k--) {
      Layer child = kids[k].layer;
      OptionalLong w = kids[k].out;
      if (w.isEmpty()) {
        continue;
      }
      if (kids[k].in.isPresent() && kids[k].in.getAsLong() != w.getAsLong() && ChildRole.isLatePartner(node.layer.children(), k)) {
        feeding = feeding.isPresent() ? feeding : w;
      } else if (!child.isLeaf() || !"embedding".equals(rules.formulaOf(child.typeName()))) {
        return w;
      } else {
        embedding = embedding.isPresent() ? embedding : w;
      }
    }
    return feeding.isPresent() ? feeding : embedding;
  }

  private static OptionalLong first(Node[] kids, java.util.function.Function<Node, OptionalLong> width) {
    for (Node kid : kids) {
      OptionalLong w = width.apply(kid);
      if (w.isPresent()) {
        return w;
      }
    }
    return NONE;
  }
}
