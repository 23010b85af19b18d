package io.layercount.core.internal.depth;

import io.layercount.core.internal.IdentityTable;
import io.layercount.core.internal.PostOrder;
import io.layercount.core.internal.Subtrees;
import io.layercount.core.internal.count.Saturating;
import io.layercount.core.internal.rules.StreamWidths;
import io.layercount.core.model.Arguments;
import io.layercount.core.model.Layer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * The {@code depth} convention from a module tree alone: each module's forward is replayed over its
 * children in printed order, tracking the width of every tensor made. A child reads the running
 * stream when its input width fits; otherwise the earlier tensor whose width it reads (a parallel
 * branch), or it is the stream read another way ({@link Source}). Names settle what widths cannot
 * ({@link ChildRole}). Tensors nobody read merge at the end, so the longest of them counts.
 *
 * <p>Each module is replayed once per input width (runs of identical blocks cost one replay), with
 * an explicit stack: trees may be far deeper than the call stack.
 */
public final class Dataflow {
  /** Occurrences of a run replayed one by one before the rest follow the pattern they settled into. */
  private static final int REPLAYED_OCCURRENCES = 3;
  /**
   * What a replay's projections and shortcuts are while it has none (most modules): a list is made
   * at the first one, and emptying one puts this back.
   */
  private static final List<Point> NO_POINTS = List.of();

  /**
   * What a module does to its input: conv/FC layers on its longest path, the width it writes, the
   * width of the input stream that path starts from ({@link Widths#UNKNOWN}: the main input), and,
   * where it writes several streams ({@link Streams}), the tensor it leaves of each width, and
   * where a later sibling reads what its children wrote ({@link Streams#taps}), those tensors.
   */
  private record Result(long depth, long width, long from, List<Lane> lanes, List<Lane> taps) {
    Result(long depth, long width) {
      this(depth, width, Widths.UNKNOWN, List.of(), List.of());
    }
  }

  /** One stream's tensor: its width, its conv/FC layers, and the input width its longest path starts from. */
  record Lane(long width, long depth, long from) {
    /** As a record's own, written out: see {@link Input#equals}. */
    @Override
    public boolean equals(Object o) {
      return this == o || o instanceof Lane l && width == l.width && depth == l.depth && from == l.from;
    }

    @Override
    public int hashCode() {
      return (31 * Long.hashCode(width) + Long.hashCode(depth)) * 31 + Long.hashCode(from);
    }
  }

  /**
   * What a module is called on: the main input's width and depth, the other streams it reads,
   * whether its entries, though their widths chain, read one stream each ({@link Streams}), and,
   * where the main input is the stream reshaped to the width the module's first reader reads
   * ({@link Source#RESHAPED}: no tensor of the caller's had that width), the width of that stream
   * ({@link Widths#UNKNOWN} where it is not); inside a decoder beside its encoder, the depth of the
   * encoder's output measured as {@code depth} is ({@link #NO_MEMORY} elsewhere), and whether the
   * module is or is inside a cross-attention, whose key and value projections read that output.
   */
  record Input(long width, long depth, List<Lane> lanes, boolean perStream, long reshapedFrom, long memory,
      boolean cross) {
    static Input of(long width) {
      return new Input(width, 0, List.of(), false, Widths.UNKNOWN, NO_MEMORY, false);
    }

    /**
     * As a record's own, written out: a record's is linked on its first call (an
     * {@code invokedynamic}), a few milliseconds of a short run's start.
     */
    @Override
    public boolean equals(Object o) {
      return this == o || o instanceof Input i && width == i.width && depth == i.depth && perStream == i.perStream
          && reshapedFrom == i.reshapedFrom && memory == i.memory && cross == i.cross && lanes.equals(i.lanes);
    }

    /** As a record's own: each field's hash in turn, the sum so far times 31 plus the next. */
    @Override
    public int hashCode() {
      int h = 31 * Long.hashCode(width) + Long.hashCode(depth);
      h = 31 * h + lanes.hashCode();
      h = 31 * h + Boolean.hashCode(perStream);
      h = 31 * h + Long.hashCode(reshapedFrom);
      return 31 * (31 * h + Long.hashCode(memory)) + Boolean.hashCode(cross);
    }
  }

  /** {@link Input#memory} of a module outside every decoder beside an encoder. */
  static final long NO_MEMORY = Long.MIN_VALUE;
  /** {@link Result#from} of a longest path starting at the encoder's output a cross-attention read. */
  private static final long FROM_MEMORY = Long.MIN_VALUE + 1;
  /** The keys of a decoder layer's cross-attention, which reads the encoder's output. */
  private static final Set<String> CROSS_ATTENTION = Set.of("encoder_attn", "EncDecAttention", "crossattention",
      "cross_attn", "cross_attention", "multihead_attn", "src_attn", "enc_dec_attn");

  /**
   * {@link Replay#gateOf} of a module: for a child keyed {@code X_gate} after a sibling keyed {@code
   * X}, the index of X (Qwen2-MoE's {@code shared_expert_gate}, a linear to one value that reads the
   * block's input and scales the shared expert's output); {@code null} where no child is such a gate.
   */
  private static int[] gates(Layer layer) {
    List<Layer> children = layer.children();
    int[] of = null;
    for (int i = 1; i < children.size(); i++) {
      String key = children.get(i).name();
      // a dual-stream block's layer for the other stream (an MMDiT's ff_context beside its ff) reads
      // that stream where its twin reads this one: as deep, not after it
      int suffix = key.endsWith("_gate") ? "_gate".length() : key.endsWith("_context") ? "_context".length() : 0;
      if (suffix == 0 || key.length() == suffix) {
        continue;
      }
      String partner = key.substring(0, key.length() - suffix);
      for (int j = 0; j < i; j++) {
        if (children.get(j).name().equals(partner)) {
          if (of == null) {
            of = new int[children.size()];
            java.util.Arrays.fill(of, -1);
          }
          of[i] = j;
          break;
        }
      }
    }
    return of;
  }

  /**
   * Whether child {@code k} is a tower of one modality printed after a sibling tower of another:
   * CLIP's {@code vision_model} after its {@code text_model}, FLAVA's {@code image_model}. Each
   * tower reads its own input; read one after the other, a published CLIP ViT-L/14 was 149 deep
   * where its deeper tower, with its projection, is about 99. A tower is keyed by its modality
   * ({@code text}, {@code vision}, {@code image}, {@code audio}) then {@code _model}, {@code
   * _encoder}, {@code _tower} or {@code _transformer}. A model that also holds what takes one tower's
   * output into the other ({@code connector}, {@code multi_modal_projector}, Kosmos-2.5's {@code
   * image_to_text_projection}) feeds its vision tower to its language model: not side by side.
   */
  private static boolean towerBeside(List<Layer> children, int k) {
    String modality = towerModality(children.get(k).name());
    if (modality == null || children.get(k).isLeaf()) {
      return false;
    }
    boolean other = false;
    for (int i = 0; i < children.size(); i++) {
      String key = children.get(i).name();
      if (FEEDS_LANGUAGE.contains(key) || key.contains("_to_text")) {
        return false; // a vision-language model: its language model reads what the vision tower wrote
      }
      String m = i < k ? towerModality(key) : null;
      other |= m != null && !m.equals(modality) && !children.get(i).isLeaf();
    }
    return other;
  }

  /** Keys of what takes a vision tower's output into a language model's input (Idefics2, LLaVA, Gemma 3). */
  private static final Set<String> FEEDS_LANGUAGE = Set.of("connector", "multi_modal_projector", "mm_projector");

  private static final List<String> MODALITIES = List.of("text", "vision", "image", "audio");
  private static final List<String> TOWERS = List.of("_model", "_encoder", "_tower", "_transformer");

  /** The modality a tower's key names ({@code "text"} for {@code text_model}), or {@code null}. */
  private static String towerModality(String key) {
    char c = key.isEmpty() ? 0 : key.charAt(0);
    if (key.length() < "text_model".length() || c != 't' && c != 'v' && c != 'i' && c != 'a') {
      return null; // the replay asks about every child: most keys are no tower's at their first letter
    }
    for (String modality : MODALITIES) {
      if (key.startsWith(modality)) {
        for (String tower : TOWERS) {
          if (key.length() == modality.length() + tower.length() && key.startsWith(tower, modality.length())) {
            return modality.equals("image") ? "vision" : modality;
          }
        }
        return null;
      }
    }
    return null;
  }

  /** The keys of a transformer layer's self-attention. */
  private static final Set<String> ATTENTION = Set.of("self_attn", "attn", "attention", "self_attention");

  /**
   * The indices of a transformer layer's attention and of its feed-forward child that runs beside
   * it, {attention, feed-forward}, or {@code null}: where the layer holds one norm (keyed {@code
   * ln...} or {@code ...norm...}), printed before the attention, or after the feed-forward that
   * follows it and keyed as the input's ({@code input_layernorm}; a Conformer's {@code norm_final}
   * norms the layer's output), and the feed-forward holds none of its own, both read that norm's
   * output and their sum is added to the input (GPT-J's {@code ln_1}, Phi's, Falcon's and Cohere's
   * {@code input_layernorm}, printed last). A layer that runs them one after the
   * other norms before each ({@code ln_1} and {@code ln_2}, {@code input_layernorm} and {@code
   * post_attention_layernorm}), or between them (SigLIP's pooling head), or inside its feed-forward
   * (TimesFM). Read in printed order, a published Phi-1.5 was 97 deep for 49.
   */
  private static int[] parallelFeedForward(Layer layer) {
    List<Layer> children = layer.children();
    if (children.size() < 3) {
      return null;
    }
    int attention = -1;
    int feedForward = -1;
    for (int i = 0; i < children.size() && feedForward < 0; i++) {
      // most modules hold no attention: two lookups a child, and no more
      String key = children.get(i).name();
      if (attention < 0 && ATTENTION.contains(key) && !children.get(i).isLeaf()) {
        attention = i;
      } else if (attention >= 0 && FEED_FORWARD.contains(key) && !children.get(i).isLeaf()) {
        feedForward = i;
      }
    }
    if (feedForward < 0) {
      return null;
    }
    int norms = 0;
    for (int i = 0; i < children.size(); i++) {
      String key = children.get(i).name();
      if (i == attention || i == feedForward) {
        continue;
      }
      if (isNormKey(key)) {
        if (i > attention && i < feedForward) {
          return null; // a norm between them: the feed-forward reads the attention's output, normed
        }
        if (i > feedForward && !key.contains("input")) {
          return null; // a norm after both that is not their input's (a Conformer's norm_final)
        }
        norms++;
      }
    }
    if (norms != 1) {
      return null;
    }
    for (Layer inside : children.get(feedForward).children()) {
      if (isNormKey(inside.name())) {
        return null; // it norms its own input: it runs after the attention (TimesFM's MLP)
      }
    }
    return new int[] {attention, feedForward};
  }

  private static boolean isNormKey(String key) {
    return key.startsWith("ln") || key.indexOf("norm") >= 0 || key.indexOf("Norm") >= 0;
  }

  /** The keys of a transformer layer's feed-forward block. */
  private static final Set<String> FEED_FORWARD = Set.of("mlp", "ffn", "feed_forward", "feedforward", "ff");

  /** The most features a side input such as a coordinate offset has (2-d or 3-d positions, box corners). */
  private static final long SIDE_INPUT_FEATURES = 4;
  /**
   * torch.nn's containers: instances share no code of their own, so what one shows is not applied to
   * those printed before it (a ModuleList of projections says nothing of one of encoder layers).
   */
  private static final Set<String> GENERIC_CONTAINERS = Set.of("ModuleList", "ModuleDict", "Sequential");

  private final ToIntFunction<Layer> ownWeighted;
  /** The main stack of repeated blocks, or {@code null} (see {@link Replay#stackReadsOn}). */
  private final Layer mainStack;
  /**
   * What is known of each node measured, in one object per node: its span, its own conv/FC count,
   * its children's facts, its replays' results. A replay reaches a child's from its own.
   */
  private final FactStore facts;
  /** The stream-width nodes the facts are kept in, or {@code null} where they are kept in a table. */
  private final StreamWidths places;
  private final Map<Layer, Map<Integer, String>> offPath;
  /** See {@link #laterOffPaths}. */
  private final Map<Layer, Map<Integer, String>> laterOffPath = new IdentityHashMap<>();
  /** See {@link #conditioning()}. */
  private Layer conditioning;
  /**
   * Class name → keys of children that an instance showed, by their widths, to read the block's
   * input beside their siblings (RepVGG's {@code conv_1x1} where the block changes width). Instances
   * whose widths would let them chain follow the same code, so they run side by side too; those
   * printed before it too where it runs beside a projection (see shownLate).
   */
  private final Map<String, Set<String>> parallelByClass = new HashMap<>();
  /**
   * Routers printed after the list of experts they weigh ({@link #findRouter}), and those lists: the
   * experts read one input side by side and the router beside them; few trees have any.
   */
  private final Set<Layer> routers = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<Layer> routedLists = Collections.newSetFromMap(new IdentityHashMap<>());
  /** Classes with an instance replayed, to tell when an earlier instance missed what a later one showed. */
  private final Set<String> replayedClasses = new HashSet<>();
  /**
   * What instances showed of a child beside a projection after earlier instances of the class had
   * run (see besideProjection): a second replay starts knowing it. The rest is learned in print order.
   */
  private final Map<String, Set<String>> shownLate = new HashMap<>();
  private final Streams streams;
  private final DepthwiseCopies copies;
  /** The first replay of each module writing several streams, to list the path out of any of them. */
  private final Map<Layer, Replay> streamReplays = new IdentityHashMap<>();
  /** Children (by index) writing several streams on a module's longest path, and the width it leaves them by. */
  private final Map<Layer, Map<Integer, Long>> exits = new IdentityHashMap<>();
  /**
   * Modules printed alike ({@link SameShapes}), found where the facts are measured on the stream-width
   * nodes; {@code null} otherwise, and then every module is replayed.
   */
  private final SameShapes shapes;
  /**
   * Ticks at every replay's start and every answer recorded: whether an answer was recorded before
   * or during a replay.
   */
  private long clock;
  /** Ticks whenever the replay learns something of a class ({@link #parallelByClass}) or forgets. */
  private long learned;
  /** Ticks whenever a module is found writing several streams ({@link #streamReplays}, {@link #exits}). */
  private long streamEvents;
  /** Pairs of facts (first, alike) of a module's descendants, while a shared answer is checked. */
  private final List<Facts> pairs = new ArrayList<>();
  /** How many modules took the answer of one printed alike ({@link #sameShape}). */
  private int alike;
  private final Layer root;
  /**
   * The numbers of rows of the tree's embedding tables (vocabularies), sorted; {@code null} until a
   * replay first asks ({@link #isVocabulary}), which few do.
   */
  private long[] vocabularies;

  /**
   * Replays {@code root}; the maps are sized for {@code nodes} distinct nodes (0: not known), since
   * growing them cost several per cent of an analysis.
   */
  public Dataflow(Layer root, ToIntFunction<Layer> ownWeighted, int nodes) {
    this(root, ownWeighted, nodes, null, null);
  }

  /**
   * Replays the tree of {@code places} (its stream-width nodes, which hold the rule answers),
   * keeping what it knows of each node in that node: measuring walks the nodes, with no lookup
   * per node (a cache miss or two each at 100,000 nodes). {@code ownWeighted} answers for layers
   * the nodes do not cover.
   */
  public Dataflow(StreamWidths places, ToIntFunction<Layer> ownWeighted) {
    this(places, ownWeighted, null);
  }

  /**
   * As {@link #Dataflow(StreamWidths, ToIntFunction)}, where {@code mainStack} is the tree's main
   * stack of repeated blocks (the {@code blocks} convention's list), or {@code null}: its entries
   * follow one another where nothing but their widths would put them side by side (see
   * {@link Replay#stackReadsOn}).
   */
  public Dataflow(StreamWidths places, ToIntFunction<Layer> ownWeighted, Layer mainStack) {
    this(places.root().layer(), ownWeighted, places.size(), places, mainStack);
  }

  private Dataflow(Layer root, ToIntFunction<Layer> ownWeighted, int nodes, StreamWidths places, Layer mainStack) {
    this.root = root;
    this.mainStack = mainStack;
    this.ownWeighted = ownWeighted;
    this.places = places;
    this.facts = places == null ? new TableStore(nodes) : new NodeStore(places);
    this.shapes = places == null ? null : new SameShapes();
    // only modules with children are replayed: about a third of the nodes
    this.offPath = places == null ? new IdentityTable<>(nodes / 3) : places.newLayerMap(nodes / 3);
    this.streams = new Streams(this::span);
    this.copies = new DepthwiseCopies();
    measureSpans(root);
    replay(root, Widths.UNKNOWN);
    if (!shownLate.isEmpty()) {
      // torchvision RegNet's first stage keeps its width, so its first block shows nothing; the
      // second block's proj changes it and shows f reading the block input: the first block follows
      forget();
      replay(root, Widths.UNKNOWN);
    }
    if (!streamReplays.isEmpty()) {
      retraceStreams(root);
    }
  }

  /**
   * Lets go of what was kept in the stream-width nodes, once the depths and off-path children have
   * been read: the nodes live on with the rule answers (an analysis's explanation reads them), and
   * an analysis of 100,000 modules held 10 MB more with them.
   */
  public void release() {
    if (places == null || places.root().depth() == null) {
      return;
    }
    StreamWidths.Node[] stack = new StreamWidths.Node[16];
    stack[0] = places.root();
    places.root().depth(null);
    int top = 1;
    while (top > 0) {
      StreamWidths.Node node = stack[--top];
      for (int i = 0, n = node.kidCount(); i < n; i++) {
        StreamWidths.Node kid = node.kid(i);
        if (kid.depth() == null) {
          continue; // cleared at an earlier place
        }
        kid.depth(null);
        if (kid.kidCount() > 0) {
          if (top == stack.length) {
            stack = Arrays.copyOf(stack, top * 2);
          }
          stack[top++] = kid;
        }
      }
    }
  }

  /** Forgets what the replay found, but for what later instances showed of their classes. */
  private void forget() {
    learned++;
    parallelByClass.clear();
    shownLate.forEach((type, keys) -> parallelByClass.put(type, new HashSet<>(keys)));
    for (Facts f : facts.all()) {
      f.answers = null;
      f.firstDepth = Facts.NOT_REPLAYED;
    }
    offPath.clear();
    streamReplays.clear();
    exits.clear();
  }

  /** The longest conv/FC path through {@code layer}, as first replayed. */
  public long depthOf(Layer layer) {
    if (layer.isLeaf()) {
      return ownWeighted.applyAsInt(layer); // a leaf is its own conv/FC layers, whatever it reads
    }
    Facts f = facts.get(layer);
    if (f == null) {
      measureSpans(layer);
      f = facts.get(layer);
    }
    return f.replayed() ? f.firstDepth : replay(layer, Widths.UNKNOWN).depth();
  }

  /** Children of {@code layer} (by index) off its longest path, with the reason. */
  public Map<Integer, String> offPath(Layer layer) {
    return offPath.getOrDefault(layer, Map.of());
  }

  /**
   * {@link #offPath} of the modules whose later occurrences take another path than their first:
   * a decoder layer's first takes the encoder's output in through its cross-attention, the later
   * ones the stream (their paths from the encoder are shorter). By module; most have none.
   */
  public Map<Layer, Map<Integer, String>> laterOffPaths() {
    return Collections.unmodifiableMap(laterOffPath);
  }

  /**
   * The first module with conv/FC layers found to read a diffusion model's timestep or the
   * conditioning made from it ({@link Source#TIMESTEP}), or {@code null}. Depths here are measured
   * from each module's input, which the timestep is not: no path from it is followed, so where there
   * is such a module, the depth found is the longest path from the data, and one from the timestep
   * may be longer.
   */
  public Layer conditioning() {
    return conditioning;
  }

  /**
   * How many modules took the answer of an earlier module printed alike instead of being replayed
   * (with their descendants), in this inference.
   */
  public int answeredAlike() {
    return alike;
  }

  /** The key under which {@link #offPaths} holds why a module's own conv/FC weight is off the path. */
  public static final int OWN = -1;

  /**
   * The key under which {@link #offPaths} holds why the occurrences of child {@code index} after its
   * first are off the path, where its first is on it (a run of branches summed).
   */
  public static int laterOccurrences(int index) {
    return -2 - index;
  }

  /** {@link #offPath} of every module replayed, by module. */
  public Map<Layer, Map<Integer, String>> offPaths() {
    return Collections.unmodifiableMap(offPath);
  }

  /**
   * Each module's first input width and last output width, children before parents: a walk in
   * printed order whose finished children leave their facts on a stack, where their parent takes
   * them (no lookup per child). A node printed at several places is measured at the first.
   */
  private void measureSpans(Layer root) {
    if (facts.get(root) != null) {
      return;
    }
    StreamWidths.Node rootNode = places == null ? null : places.node(root);
    if (rootNode != null) {
      measureNodes(rootNode);
      return;
    }
    PostOrder.fold(root, facts::get, (layer, kids) -> {
      int weighted = ownWeighted.applyAsInt(layer);
      Facts f = layer.isLeaf() ? leafFacts(layer, weighted) : containerFacts(layer, kids, weighted);
      facts.put(layer, f);
      return f;
    }, Facts.NO_KIDS);
  }

  /**
   * As {@link #measureSpans}, over the stream-width nodes of a tree: the facts of each are kept in
   * it, its children's taken from theirs.
   */
  private void measureNodes(StreamWidths.Node root) {
    if (root.kidCount() == 0) {
      root.depth(leafFacts(root, root.answer().weighted()));
      return;
    }
    StreamWidths.Node[] path = new StreamWidths.Node[16];
    int[] next = new int[16];
    path[0] = root;
    int depth = 0;
    while (depth >= 0) {
      StreamWidths.Node top = path[depth];
      int i = next[depth];
      if (i < top.kidCount()) {
        next[depth] = i + 1;
        StreamWidths.Node kid = top.kid(i);
        if (kid.depth() != null) {
          continue;
        }
        if (kid.kidCount() == 0) {
          kid.depth(leafFacts(kid, kid.answer().weighted()));
          continue;
        }
        if (++depth == path.length) {
          path = Arrays.copyOf(path, depth * 2);
          next = Arrays.copyOf(next, depth * 2);
        }
        path[depth] = kid;
        next[depth] = 0;
      } else {
        Facts[] kids = new Facts[top.kidCount()];
        for (int k = 0; k < kids.length; k++) {
          kids[k] = (Facts) top.kid(k).depth();
        }
        Facts f = containerFacts(top.layer(), kids, top.answer().weighted());
        shapes.intern(f);
        top.depth(f);
        depth--;
      }
    }
  }

  private static Facts leafFacts(Layer layer, int weighted) {
    return new Facts(layer, Widths.ofLeaf(layer, weighted), weighted, Facts.NO_KIDS);
  }

  /**
   * As {@link #leafFacts(Layer, int)} for a stream-width node: the facts of the first leaf printed
   * alike ({@link StreamWidths.Node#alike}), measured before it in printed order, where the two
   * have one conv/FC count (its span follows from class, arguments and that count alone); with no
   * lookup. A leaf's facts are its span and count only: nothing reads a leaf's {@link Facts#layer},
   * and a leaf is never replayed, so one object stands for all of them (a million-module printout
   * made a copy per leaf, a tenth of what its depth inference kept).
   */
  private Facts leafFacts(StreamWidths.Node node, int weighted) {
    StreamWidths.Node first = node.alike();
    if (first != null && first != node && first.depth() instanceof Facts f && f.weighted == weighted) {
      return f;
    }
    return new Facts(node.layer(), Widths.ofLeaf(node.layer(), weighted), weighted, Facts.NO_KIDS);
  }

  /**
   * Whether, after a first reader at {@code first} that keeps its width, a child reads the width
   * {@code out} the module writes, where no child before it wrote that width, and widens it to at
   * least the keeper's: the module reads {@code out}, and the keeper, printed first, runs later on
   * what that child wrote. Hugging Face's Mamba mixer prints its depthwise
   * {@code conv1d} (4,096 to 4,096) before {@code in_proj} (2,048 to 8,192), and the block writes
   * 2,048: read as taking 4,096 in, 48 such blocks could not follow one another (a published
   * Mamba-1.4B read 6 deep for 241).
   */
  private static boolean readsOutFirst(Facts[] kids, int first, long out) {
    if (first < 0 || out == Widths.UNKNOWN) {
      return false;
    }
    for (int i = first + 1; i < kids.length; i++) {
      Widths w = kids[i].span;
      if (w.knownIn() && w.in() == out) {
        // it widens the module's input to at least what the keeper reads (in_proj's x and z halves)
        return w.knownOut() && w.out() > out && w.out() >= kids[first].span.in();
      }
      if (w.knownOut() && w.out() == out) {
        return false;
      }
    }
    return false;
  }

  /**
   * Whether child {@code i} is a norm printed before the layer it follows: the next child that reads
   * a known width reads another and writes the norm's (torchaudio's wav2vec2 ConvLayerBlock
   * registers its GroupNorm(512) before its Conv1d(1, 512), and applies it after).
   */
  private static boolean normsNextOutput(List<Layer> children, Facts[] kids, int i) {
    Widths norm = kids[i].span;
    if (!norm.knownIn() || !Widths.isNorm(children.get(i))) {
      return false;
    }
    for (int j = i + 1; j < kids.length; j++) {
      Widths w = kids[j].span;
      if (w.knownIn()) {
        return w.in() != norm.in() && w.knownOut() && w.out() == norm.in();
      }
    }
    return false;
  }

  /** Whether a module is a depthwise convolution: one group per input channel. */
  private static boolean isDepthwise(Layer layer) {
    if (layer == null || !layer.isLeaf()) {
      return false;
    }
    Arguments a = layer.arguments();
    long groups = a.longValue("groups", -1, 1);
    return groups > 1 && groups == a.longValue("in_channels", 0, -1);
  }

  /** The facts of a module whose children's facts ({@code kids}, in printed order) are known. */
  private Facts containerFacts(Layer layer, Facts[] kids, int weighted) {
    List<Layer> children = layer.children();
    Widths sliced = slicedSpan(layer, kids);
    Widths norm = Widths.ofNormWithChildren(layer);
    if (sliced != null || norm.knownIn()) {
      return new Facts(layer, sliced != null ? sliced : norm, weighted, kids);
    }
    int router = findRouter(children, kids);
    Widths first = Widths.NONE;
    Layer firstReader = null;
    int firstIndex = -1;
    long out = Widths.UNKNOWN;
    // what a gated MLP's second projection writes (up_proj printed after down_proj, as an old
    // LLaMA prints it) is the module's output only where no other child writes
    long fed = Widths.UNKNOWN;
    boolean laterReadsOut = false;
    for (int i = 0; i < kids.length; i++) {
      Layer child = children.get(i);
      Widths w = kids[i].span;
      if (!first.knownIn() && !readsTimestep(child) && !modulates(layer, child) && !isHeadNorm(child)
          && !normsNextOutput(children, kids, i)) {
        // a timestep embedder reads the timestep, not the module's input; a per-head norm printed
        // first (diffusers' norm_q) a head
        first = w;
        firstReader = child;
        firstIndex = i;
      } else if (w.knownIn()) {
        laterReadsOut = w.in() == w.out();
      }
      if (w.knownIn() && w.knownOut() && w.in() != w.out() && ChildRole.isLatePartner(children, i)) {
        fed = w.out();
      } else if (w.knownOut() && i != router && (out == Widths.UNKNOWN || !ChildRole.biasesScores(child.name()))
          && !isHeadNorm(child)) {
        // (a relative-position bias printed after the output projection joins the scores; a query's
        // or key's per-head norm printed there too)
        out = w.out();
      }
    }
    out = out != Widths.UNKNOWN ? out : fed;
    // a fully connected first reader that keeps a width the module does not write mixes along
    // another axis (ResMLP's linear_tokens over 196 patches): the input has the later width
    boolean otherAxis = first.knownIn() && first.in() == first.out() && out != first.in()
        && (laterReadsOut && firstReader.isLeaf() && firstReader.arguments().get("in_features") != null
            || readsOutFirst(kids, firstIndex, out) && isDepthwise(firstReader));
    // the first reader's span where it is the module's too (a block from its first conv to a last
    // layer that keeps the width): no span of its own per module
    Widths span = !otherAxis && out == first.out() ? first : new Widths(otherAxis ? out : first.in(), out);
    Facts f = new Facts(layer, span, weighted, kids);
    streams.measure(layer);
    copies.measure(layer, kids);
    return f;
  }

  private Result replay(Layer root, long width) {
    if (root.isLeaf()) {
      return leaf(root, width);
    }
    Deque<Replay> stack = new ArrayDeque<>();
    stack.push(new Replay(root, facts.get(root), Input.of(width)));
    Result returned = null;
    while (true) {
      Replay top = stack.peek();
      if (returned != null) {
        top.accept(returned);
        returned = null;
      }
      Layer child = top.nextChild();
      if (child == null) {
        returned = top.finish();
        stack.pop();
        if (stack.isEmpty()) {
          return returned;
        }
        continue;
      }
      Facts childFacts = top.childFacts;
      if (child.isLeaf()) {
        // a leaf reads only its main input's width: no input and no result of its own to make
        top.childWeighted = childFacts.weighted;
        Widths w = top.childSpan;
        top.acceptLeaf(top.childWeighted, w.knownOut() ? w.out() : top.source.width);
        continue;
      }
      Input in = top.childInput();
      Result known;
      if (childFacts.answers != null) {
        known = childFacts.answers.get(in);
      } else {
        known = sameShape(childFacts, in);
      }
      if (known != null) {
        top.accept(known);
      } else {
        stack.push(new Replay(child, childFacts, in));
      }
    }
  }

  /**
   * The answer of a module never replayed, taken from the first module printed like it where that
   * one's first replay may stand for its own: on the same input, with nothing learned since and
   * nothing learned during it, no module found writing several streams, every descendant replayed
   * during it and none of ours ever, and off-path reasons that do not name its own key (or keys
   * that agree). The module's descendants are given what their counterparts' replays left
   * (answers, first depths, off-path children), as replaying it would have. {@code null} where it
   * must be replayed.
   */
  private Result sameShape(Facts mine, Input in) {
    Facts first = mine.canonical;
    Answers a = first == null || first == mine ? null : first.answers;
    if (a == null || !a.firstPure || a.firstLearned != learned || !in.equals(a.firstInput)
        || a.firstNamesOwnKey && !first.layer.name().equals(mine.layer.name())) {
      return null;
    }
    pairs.clear();
    pairs.add(first);
    pairs.add(mine);
    for (int p = 0; p < pairs.size(); p += 2) {
      Facts[] theirs = pairs.get(p).kids;
      Facts[] ours = pairs.get(p + 1).kids;
      for (int i = 0; i < theirs.length; i++) {
        Facts t = theirs[i];
        Facts o = ours[i];
        if (t.kids.length == 0) {
          continue;
        }
        // each replayed during the first's first replay, and ours never
        boolean during = t.answers == null || t.answers.firstAt > a.firstStart && t.answers.lastAt <= a.firstAt;
        if (t == o || o.answers != null || !during) {
          return null;
        }
        pairs.add(t);
        pairs.add(o);
      }
    }
    long now = ++clock;
    for (int p = 2; p < pairs.size(); p += 2) {
      Facts t = pairs.get(p);
      Facts o = pairs.get(p + 1);
      o.answers = t.answers == null ? null : t.answers.copyAt(now);
      o.firstDepth = t.firstDepth;
      copyOffPath(t.layer, o.layer);
    }
    copyOffPath(first.layer, mine.layer);
    Answers own = new Answers();
    own.put(in, a.first);
    mine.answers = own.copyAt(now);
    mine.firstDepth = a.first.depth();
    pairs.clear();
    alike++;
    return a.first;
  }

  private void copyOffPath(Layer from, Layer to) {
    Map<Integer, String> off = offPath.get(from);
    if (off != null) {
      offPath.put(to, off);
    }
  }

  /** The span of a measured node. */
  private Widths span(Layer layer) {
    return facts.get(layer).span;
  }

  /** Where the facts of each node are kept. */
  private interface FactStore {
    Facts get(Layer layer);

    void put(Layer layer, Facts f);

    Iterable<Facts> all();
  }

  /** In a table of their own. */
  private static final class TableStore implements FactStore {
    private final Map<Layer, Facts> table;

    TableStore(int nodes) {
      table = new IdentityTable<>(nodes);
    }

    @Override
    public Facts get(Layer layer) {
      return table.get(layer);
    }

    @Override
    public void put(Layer layer, Facts f) {
      table.put(layer, f);
    }

    @Override
    public Iterable<Facts> all() {
      return table.values();
    }
  }

  /** In the stream-width nodes, and in a table for layers outside their tree. */
  private static final class NodeStore implements FactStore {
    private final StreamWidths places;
    private final TableStore others = new TableStore(0);

    NodeStore(StreamWidths places) {
      this.places = places;
    }

    @Override
    public Facts get(Layer layer) {
      StreamWidths.Node node = places.node(layer);
      return node != null ? (Facts) node.depth() : others.get(layer);
    }

    @Override
    public void put(Layer layer, Facts f) {
      StreamWidths.Node node = places.node(layer);
      if (node != null) {
        node.depth(f);
      } else {
        others.put(layer, f);
      }
    }

    @Override
    public Iterable<Facts> all() {
      List<Facts> all = new ArrayList<>();
      for (StreamWidths.Node node : places.nodes()) {
        if (node.depth() != null) {
          all.add((Facts) node.depth());
        }
      }
      others.all().forEach(all::add);
      return all;
    }
  }

  /** What is known of one measured node. */
  static final class Facts {
    static final Facts[] NO_KIDS = new Facts[0];

    final Layer layer;
    final Widths span;
    final int weighted;
    /** The facts of its children, in printed order: a replay reaches a child's without a lookup. */
    final Facts[] kids;
    /** The results of its replays by input, {@code null} before the first. */
    Answers answers;
    /** No replay yet: the {@link #firstDepth} of a module never replayed (a depth is a count, never this). */
    static final long NOT_REPLAYED = Long.MIN_VALUE;

    /**
     * The depth its first replay found, or {@link #NOT_REPLAYED}: one field for both (a flag beside
     * it made every module's facts 8 bytes larger).
     */
    long firstDepth = NOT_REPLAYED;
    /** A hash of what a replay reads of the module ({@link SameShapes}), once measured. */
    int shape;
    /**
     * The facts of the first module measured that is printed like this one, down to its leaves
     * (itself where it is the first); {@code null} where not looked for.
     */
    Facts canonical;

    Facts(Layer layer, Widths span, int weighted, Facts[] kids) {
      this.layer = layer;
      this.span = span;
      this.weighted = weighted;
      this.kids = kids;
    }

    /** Whether it was replayed. */
    boolean replayed() {
      return firstDepth != NOT_REPLAYED;
    }
  }

  /**
   * A module's results by input: nearly every module is called on one input only, so the first is
   * held without a map (a map per module was 3 % of an analysis's allocation).
   */
  private static final class Answers {
    private Input firstInput;
    private Result first;
    private Map<Input, Result> more;
    /** When the first answer was recorded, and the latest ({@link #clock}). */
    long firstAt;
    long lastAt;
    /**
     * When the first replay started; whether it may stand for a module printed alike: it learned
     * nothing of any class and found no module writing several streams ({@link #sameShape}).
     */
    long firstStart;
    boolean firstPure;
    /** What the replay had learned when the first answer was recorded ({@link #learned}). */
    long firstLearned;
    /** The first answer's off-path reasons name the module's own key. */
    boolean firstNamesOwnKey;

    /**
     * The same answers, as recorded at {@code at} ({@link #clock}) by a replay of a module printed
     * alike; such answers never stand for another module's.
     */
    Answers copyAt(long at) {
      Answers a = new Answers();
      a.firstInput = firstInput;
      a.first = first;
      a.more = more == null ? null : new HashMap<>(more);
      a.firstAt = at;
      a.lastAt = at;
      a.firstStart = at;
      return a;
    }

    Result get(Input in) {
      if (in.equals(firstInput)) {
        return first;
      }
      return more == null ? null : more.get(in);
    }

    void put(Input in, Result r) {
      if (firstInput == null || in.equals(firstInput)) {
        firstInput = in;
        first = r;
        return;
      }
      if (more == null) {
        more = new HashMap<>();
      }
      more.put(in, r);
    }
  }

  private Result leaf(Layer layer, long in) {
    Facts f = facts.get(layer);
    return new Result(f.weighted, f.span.knownOut() ? f.span.out() : in);
  }

  /** One module's forward being replayed: the tensors made so far. */
  private final class Replay {
    /** When it started ({@link #clock}), and what had been learned and found of streams then. */
    final long start = ++clock;
    final long learnedAtStart = learned;
    final long streamsAtStart = streamEvents;
    /** An off-path reason names the module's own key ({@link #siblingName}). */
    boolean namesOwnKey;
    final Layer layer;
    /** What is known of {@link #layer}: its span, own count and the results of its replays. */
    final Facts node;
    final long inputWidth;
    final Point input;
    final List<Point> open = new ArrayList<>();
    final WidthMap<Point> latestByWidth = new WidthMap<>();
    /** How each child ran, by index; {@link #ran} lists the indices in the order they first ran. */
    final Source[] sources;
    final int[] ran;
    int ranCount;
    /** Each child's output (its first occurrence's), to tell a path as long as the listed one. */
    final Point[] outputs;
    Point current;
    Point shared;
    /** The output of a low-rank adapter wrapper's own weight, which reads the input beside its children; else {@code null}. */
    final Point ownBeside;
    /**
     * The input the last projections sharing one ended reading ({@link #shared} before the sibling
     * after them), and their keys: a gated MLP printed {@code gate_proj}, {@code down_proj},
     * {@code up_proj} (an old LLaMA's order) has {@code up_proj} read what {@code gate_proj} read.
     */
    Point sharedBefore;
    /** The key of the first of those projections ({@code gate_proj}, {@code w1}), and of the group now read. */
    String sharedBeforeKey;
    String sharedKey;
    /**
     * The outputs of projections sharing one input (query, key, value; gate and up), until the next
     * layer with widths runs or the module ends: then they combine into one tensor (attention's
     * result, the gated product) as wide as the query, or the first where there is none.
     */
    List<Point> projections = NO_POINTS;
    /** Shortcut outputs: they join the block's output at its end. */
    List<Point> shortcuts = NO_POINTS;
    /**
     * A fused query-key-value projection ran and no later child read a part of it: the module ends
     * on attention's result (BotNet, lambda layers), whose width the text does not state.
     */
    boolean fusedQkv;
    /** The channels of the stream a split child did not read, until a later child reads them back. */
    Point unread;
    /** The stream reshaped to the width child {@link #reshapedBy} read, no tensor having it ({@link Source#RESHAPED}). */
    Point reshaped;
    int reshapedBy = -1;
    /** The current tensor's module ended on a depthwise copy of its previous layer (see DepthwiseCopies). */
    boolean copyBeside;
    /** A shortcut printed before the layers it would bypass, until the next layer shows what it is. */
    Point unconfirmed;
    Point query;
    boolean previousWeightedLeaf;
    /**
     * The last child with stated widths widened its input: a fused query-key-value projection may have
     * made the stream, and a later layer read a third of it. After a layer keeping its width, a third
     * read is of an earlier tensor (GhostNetV2's {@code short_conv} reads the module input after a
     * depthwise convolution of three times that width).
     */
    boolean lastWidened;
    int index;
    /** The widths of the child {@link #nextChild} chose, and its own conv/FC count where it is a leaf. */
    Widths childSpan;
    /** What is known of that child. */
    Facts childFacts;
    int childWeighted;
    /** The role the name of that child gives it. */
    ChildRole childRole;
    int occurrence;
    Point source;
    Source sourceKind;
    boolean offAxis;
    /** Inception branches by name: the step each runs, what that step reads, what it wrote. */
    Map<String, BranchState> branches = Map.of();
    BranchState branch;

    /** Children that read equal slices of the input channels (MixedConv2d): widths sum to the input's. */
    final boolean slices;
    /** A {@code Sequential}: its forward runs each child on the previous child's output, whatever the names say. */
    final boolean chains;
    /** Single-convolution branches of one input, summed (see branchesSummed). */
    final boolean summed;
    /** A child printed last that runs first (see downsamplePrintedLast), or -1. */
    final int runsFirst;
    /** A child printed before the last that runs after it (see concatPrintedFirst), or -1. */
    final int runsLast;
    /**
     * The children's indices in running order where it is not printed order (a child moved by
     * {@link #runsFirst}, {@link #runsLast} or {@link #keeperPrintedAfter}), else {@code null}.
     */
    final int[] order;
    /** How many children (in running order) have been taken. */
    int position;
    /**
     * The attention child and the feed-forward child that reads what it read ({@link
     * #parallelFeedForward}), or {@code null}.
     */
    final int[] parallel;
    /** What the attention child of such a block read, once it ran. */
    Point attentionRead;
    /**
     * For each child keyed as the gate of a sibling printed before it ({@code shared_expert_gate}
     * after {@code shared_expert}), that sibling's index, else -1; {@code null} where there is none.
     */
    final int[] gateOf;
    /** What each child read, kept only where {@link #gateOf} is set. */
    final Point[] read;

    /** What this module was called on, the key of its memo. */
    final Input arrival;
    /** The tensors it was called on, by width: the main input and the other streams ({@link Streams}). */
    final Map<Long, Point> inputs;
    /** A list of streams: each entry reads the input of its width and consumes nothing. */
    final boolean streamList;
    /** It leaves its caller a tensor of each width (see Streams). */
    final boolean writesSeveral;
    /** The child running now, though its entries' widths chain, reads one stream per entry. */
    boolean perStream;
    /** The widths of the streams the last child writing several left. */
    Set<Long> lastStreams = Set.of();
    /**
     * The last child that wrote a width left several streams: this module leaves them too (a list
     * whose entries read one stream each only shows it when called, see readsStreams).
     */
    boolean leftStreams;
    /** The tensors passed to the child running now, by width, where it reads several streams; else {@code null}. */
    Map<Long, Point> passed;
    /** The depth the passed tensors are measured from (the shallowest of them). */
    long passedBase;
    /** Where it writes several streams: the tensor it leaves of each width. */
    Map<Long, Point> laneEnds = Map.of();
    /**
     * The streams passed to the last child that read several ({@link #readsStreams}), that child's
     * index, and its shape: a sibling reading the same widths right after it may read the same.
     */
    Map<Long, Point> siblingStreams;
    int siblingStreamsIndex = -1;
    Streams.Shape siblingShape;
    /** The encoder's output its cross-attentions' keys and values read ({@link Input#memory}), or {@code null}. */
    final Point memory;
    /** It is, or is inside, a cross-attention ({@link Input#cross}). */
    final boolean cross;
    /** The encoder's output the child running now is given: this module's, or an encoder sibling's for a decoder. */
    Point childMemory;
    /** The widths of its children's outputs a later sibling reads ({@link Streams#taps}), or {@code null}. */
    final Set<Long> tapWidths;
    /** Its entries run side by side on its input ({@link Streams#sideBySide}). */
    final boolean sideBySide;
    /** What the children of the child at {@link #tappedIndex} wrote that the next child reads, by width. */
    Map<Long, Point> tapped;
    int tappedIndex = -1;

    Replay(Layer layer, Facts facts, Input arrival) {
      this.layer = layer;
      this.node = facts;
      int childCount = layer.children().size();
      this.sources = new Source[childCount];
      this.ran = new int[childCount];
      this.outputs = new Point[childCount];
      this.arrival = arrival;
      this.inputWidth = arrival.width();
      // where the caller cannot tell (the root), the input has the width its first reader reads
      long width = inputWidth != Widths.UNKNOWN ? inputWidth : rootWidth(layer, facts);
      int own = node.weighted;
      // a low-rank adapter's wrapper (PEFT's lora.Linear: its own weight, and lora_A then lora_B
      // beside it) applies its weight beside its children, not before them: both read the input
      boolean beside = own > 0 && isLowRankAdapter(layer);
      this.memory = arrival.memory() == NO_MEMORY ? null : new Point(arrival.memory(), Widths.UNKNOWN, null, -1);
      this.cross = arrival.cross();
      if (cross && memory != null && own > 0 && !beside && memory.depth > arrival.depth()) {
        // a cross-attention whose input projection is its own (torch's MultiheadAttention, in_proj
        // hidden): its keys and values come from the encoder's output, which is deeper
        this.input = new Point(Saturating.add(own, memory.depth), width, memory, -1);
      } else {
        this.input = new Point(beside ? arrival.depth() : Saturating.add(own, arrival.depth()), width, null, -1);
      }
      this.ownBeside = beside ? new Point(Saturating.add(own, arrival.depth()), width, null, -1) : null;
      this.slices = readsChannelSlices(layer, facts.kids, width);
      this.chains = !slices && layer.typeName().equals("Sequential");
      this.summed = !slices && branchesSummed(layer, facts.kids, width);
      this.parallel = chains || slices || summed ? null : parallelFeedForward(layer);
      this.gateOf = chains || slices || summed ? null : gates(layer);
      this.read = gateOf == null ? null : new Point[childCount];
      this.runsFirst = chains || slices ? -1 : downsamplePrintedLast(width);
      this.runsLast = chains || slices || runsFirst >= 0 ? -1 : concatPrintedFirst();
      int last = layer.children().size() - 1;
      int runsEarlier = chains || slices || runsFirst >= 0 || runsLast >= 0 ? -1 : keeperPrintedAfter();
      int[] cross = runsFirst >= 0 || runsLast >= 0 || runsEarlier >= 0 ? null : crossPrintedLate();
      int output = runsFirst >= 0 || runsLast >= 0 || runsEarlier >= 0 || cross != null ? -1 : runsAfterLast();
      this.order = runsFirst >= 0 ? moved(last + 1, runsFirst, 0) : runsLast >= 0 ? moved(last + 1, runsLast, last)
          : runsEarlier >= 0 ? moved(last + 1, runsEarlier, runsEarlier - 1)
          : cross != null ? moved(last + 1, cross[0], cross[1])
          : output >= 0 ? moved(last + 1, output, last) : null;
      if (arrival.lanes().isEmpty()) {
        inputs = Map.of(width, input); // called on one tensor, as nearly every module is: no map of its own
      } else {
        inputs = new LinkedHashMap<>();
        inputs.put(width, input);
        for (Lane lane : arrival.lanes()) {
          Point p = new Point(Saturating.add(own, lane.depth()), lane.width(), null, -1);
          inputs.put(lane.width(), p);
          add(p);
        }
      }
      Streams.Shape shape = streams.of(layer);
      this.writesSeveral = shape.writesSeveral() || arrival.perStream();
      this.streamList = (shape.list() || arrival.perStream()) && (inputs.size() > 1 || writesSeveral);
      this.tapWidths = streams.taps(layer);
      this.sideBySide = !streamList && streams.sideBySide(layer);
      add(input);
      current = input;
    }

    /**
     * The width of a module's input where its caller cannot tell (the root): the width its first
     * reader reads, or, where its first child is an embedding table (it reads token indices) and
     * the first reader writes the width of the vectors that table writes, that width: the reader is
     * a stack that keeps the embedding's width and reads it, whatever its own first layer reads (a
     * Mamba-2 model's is a {@code conv1d} of 10,240 channels, printed before the {@code in_proj}
     * that reads 4,096 and writes what it convolves). A first reader of another width (a vision
     * tower beside the text embedding) reads an input of its own, as before.
     */
    private static long rootWidth(Layer layer, Facts facts) {
      long embedded = Widths.embeddingWidth(layer.children().get(0));
      if (embedded != Widths.UNKNOWN) {
        for (Facts kid : facts.kids) {
          if (kid.span.knownIn()) {
            return kid.span.out() == embedded ? embedded : facts.span.in();
          }
        }
      }
      return facts.span.in();
    }

    /** The indices 0 to {@code size - 1} in order, but {@code from} taken out and put at {@code to}. */
    private static int[] moved(int size, int from, int to) {
      int[] order = new int[size];
      for (int i = 0, next = 0; i < size; i++) {
        if (i == to) {
          order[i] = from;
        } else {
          next += next == from ? 1 : 0;
          order[i] = next++;
        }
      }
      return order;
    }

    /** The next child occurrence to run, with its source chosen; {@code null} when all ran. */
    Layer nextChild() {
      List<Layer> children = layer.children();
      while (position < children.size()) {
        index = order == null ? position : order[position];
        Layer child = children.get(index);
        if (occurrence >= child.repeat()) {
          position++;
          occurrence = 0;
          continue;
        }
        ChildRole role = ChildRole.of(child.name());
        if (role == ChildRole.AUXILIARY && child.isLeaf() && index == children.size() - 1
            && node.kids[index].span.knownIn() && node.kids[index].span.in() == current.width) {
          // a single layer printed last that reads the stream (torchaudio's wav2vec2 'aux', its CTC
          // output): the model's head, not a training-time classifier hanging off the path (those
          // are blocks, InceptionAux, or read an earlier tensor)
          role = ChildRole.PLAIN;
        }
        childRole = role;
        if (role == ChildRole.AUXILIARY) {
          ran(index, Source.AUXILIARY);
          position++;
          continue;
        }
        childFacts = node.kids[index];
        childSpan = childFacts.span;
        chooseSource(index == runsFirst ? ChildRole.PLAIN : role, child, childSpan);
        if (parallel != null && index == parallel[0] && attentionRead == null) {
          attentionRead = source;
        }
        if (read != null && read[index] == null) {
          read[index] = source;
        }
        return child;
      }
      return null;
    }

    /**
     * The index of a last child named like a shortcut that must run first: it reads the module's
     * input and writes the width the first layer reads, which it does not read (a FasterNet
     * stage prints its {@code downsample} after its blocks). -1 where there is none.
     */
    private int downsamplePrintedLast(long width) {
      List<Layer> children = layer.children();
      int last = children.size() - 1;
      if (last < 1 || ChildRole.of(children.get(last).name()) != ChildRole.BYPASS || width == Widths.UNKNOWN) {
        return -1;
      }
      Widths shortcut = node.kids[last].span;
      for (int i = 0; i < last; i++) {
        Widths w = node.kids[i].span;
        if (w.knownIn()) {
          // the caller may have passed the width the first layer reads (a Sequential takes it on trust)
          return w.in() == shortcut.out() && shortcut.in() != shortcut.out()
              && (width == shortcut.in() || width == w.in()) ? last : -1;
        }
      }
      return -1;
    }

    /**
     * The index of a fusion printed before the list whose outputs it concatenates, or -1: ultralytics'
     * C2f prints {@code cv1} (c1 to 2c), {@code cv2} ((2 + n)c to c2), then {@code m}, a list of n
     * blocks of width c, and runs cv1, splits its output in two, runs the blocks one after another on
     * the second half, and cv2 on all of them concatenated. So where the child before the last reads
     * what the one before it writes plus every entry of the last, each entry reading and writing half
     * of that, it runs last.
     */
    private int concatPrintedFirst() {
      List<Layer> children = layer.children();
      int fusion = children.size() - 2;
      if (fusion < 1) {
        return -1;
      }
      Layer list = children.get(fusion + 1);
      Widths before = node.kids[fusion - 1].span;
      Widths fused = node.kids[fusion].span;
      if (list.isLeaf() || !before.knownOut() || !fused.knownIn() || before.out() % 2 != 0) {
        return -1;
      }
      long half = before.out() / 2;
      return keptWidth(node.kids[fusion + 1]) == half
          && fused.in() == Saturating.add(before.out(), Saturating.multiply(Streams.entries(list), half)) ? fusion : -1;
    }

    /**
     * A child printed before what it reads, which runs last ({@link #outputPrintedEarly}, {@link
     * #concatBeforeLast}), or -1.
     */
    private int runsAfterLast() {
      int output = outputPrintedEarly();
      return output >= 0 ? output : concatBeforeLast();
    }

    /** What the latest projection of the other stream before this child wrote ({@code add_v_proj}), or {@code null}. */
    private Point otherStreamProjected() {
      List<Layer> children = layer.children();
      for (int i = index - 1; i >= 0; i--) {
        if (outputs[i] != null && ChildRole.projectsOtherStream(children.get(i).name())) {
          return outputs[i];
        }
      }
      return null;
    }

    /**
     * The index of a conv/FC leaf that reads the last child, an attention, concatenated with an
     * earlier sibling's output, printed before that attention, or -1: diffusers' FluxSingleTransformerBlock prints
     * proj_mlp (3,072 to 12,288), proj_out (15,360 to 3,072), then attn (3,072), and runs attn beside
     * proj_mlp, proj_out on both concatenated. It runs last.
     */
    private int concatBeforeLast() {
      List<Layer> children = layer.children();
      int last = children.size() - 1;
      if (last < 2 || children.get(last).isLeaf() || !ATTENTION.contains(children.get(last).name())) {
        return -1; // nearly every module: its last child is no attention
      }
      Widths tail = node.kids[last].span;
      if (!tail.knownOut()) {
        return -1;
      }
      for (int k = 1; k < last; k++) {
        Widths w = node.kids[k].span;
        if (!children.get(k).isLeaf() || node.kids[k].weighted == 0 || !w.knownIn()) {
          continue;
        }
        for (int j = 0; j < k; j++) {
          Widths part = node.kids[j].span;
          if (part.knownOut() && part.out() != w.in() && Saturating.add(part.out(), tail.out()) == w.in()) {
            return k;
          }
        }
      }
      return -1;
    }

    /**
     * An attention's output projection printed before the query, key or value projection it reads
     * the result of, or -1: a module saved and loaded again lists its children in the order of their
     * names (AutoGPTQ's {@code k_proj}, {@code out_proj}, {@code q_proj}, {@code v_proj}); the output
     * projection runs last.
     */
    private int outputPrintedEarly() {
      List<Layer> children = layer.children();
      int last = children.size() - 1;
      if (last < 2 || ChildRole.projected(children.get(last).name()) == 0) {
        return -1; // nearly every module: its last child is no query, key or value projection
      }
      for (int k = 0; k < last; k++) {
        String name = children.get(k).name();
        if (name.equals("out_proj") || name.equals("o_proj")) {
          return k;
        }
      }
      return -1;
    }

    /**
     * In a decoder layer ({@link #memory} known), its cross-attention printed after its feed-forward
     * and where it runs, just before that: {index, place}, or {@code null}. Every transformer
     * decoder layer runs self-attention, cross-attention, feed-forward; T5Gemma's prints {@code
     * self_attn}, {@code mlp}, then {@code cross_attn}.
     */
    private int[] crossPrintedLate() {
      if (memory == null) {
        return null;
      }
      List<Layer> children = layer.children();
      int feedForward = -1;
      for (int k = 0; k < children.size(); k++) {
        String name = children.get(k).name();
        if (feedForward < 0 && FEED_FORWARD.contains(name)) {
          feedForward = k;
        } else if (CROSS_ATTENTION.contains(name)) {
          return feedForward >= 0 ? new int[] {k, feedForward} : null;
        }
      }
      return null;
    }

    /**
     * The index of a child that keeps a width W and runs before the child printed just before it, or
     * -1: that one reads W and writes another width X, an earlier child writes W, and the next child
     * after this one that shows its input reads X. diffusers' VAE decoder prints conv_in (to 512),
     * up_blocks (512 to 128), mid_block (512 to 512), then conv_norm_out (128): it runs conv_in,
     * mid_block, up_blocks. Read in printed order, the mid-block read conv_in's output beside the
     * up-blocks and fell off the path.
     */
    private int keeperPrintedAfter() {
      Facts[] kids = node.kids;
      for (int k = 2; k < kids.length; k++) {
        Widths keeper = kids[k].span;
        Widths before = kids[k - 1].span;
        if (!keeper.knownIn() || keeper.in() != keeper.out() || before.in() != keeper.in() || !before.knownOut()
            || before.out() == keeper.in() || layer.children().get(k).isLeaf() && kids[k].weighted == 0) {
          continue;
        }
        boolean written = false;
        for (int j = 0; j < k - 1 && !written; j++) {
          written = kids[j].span.knownOut() && kids[j].span.out() == keeper.in();
        }
        for (int n = k + 1; n < kids.length && written; n++) {
          if (kids[n].span.knownIn() && !isHeadNorm(layer.children().get(n))) {
            // (a query's or key's per-head norm printed after the output projection reads a head,
            // not the stream: Gemma 3's k_norm reads the width its key projection writes)
            if (kids[n].span.in() == before.out()) {
              return k;
            }
            break;
          }
        }
      }
      return -1;
    }

    private void chooseSource(ChildRole role, Layer childLayer, Widths child) {
      String childName = childLayer.name();
      offAxis = false;
      childMemory = memory;
      Point encoder;
      long width = current.width;
      if (!slices && role != ChildRole.BRANCH && branch != null) {
        joinBranches();
      }
      if (unconfirmed != null && child.knownIn()) {
        confirmShortcut(child.in());
      }
      if (!projections.isEmpty() && (role != ChildRole.SHARED_INPUT || shared == null)
          && (child.knownIn() || child.knownOut())) {
        joinProjections(false);
      }
      branch = null;
      passed = null;
      if (slices) {
        branchSource(new BranchName(Integer.toString(index), 0, ""));
      } else if (summed) {
        source = input;
        sourceKind = Source.BRANCH;
      } else if (gateOf != null && gateOf[index] >= 0 && read[gateOf[index]] != null) {
        // a sibling's gate reads what that sibling read, and scales what it wrote
        source = read[gateOf[index]];
        sourceKind = Source.BRANCH;
      } else if (parallel != null && index == parallel[1] && attentionRead != null) {
        // a parallel block: the feed-forward reads the one norm's output, as the attention did
        source = attentionRead;
        sourceKind = Source.BRANCH;
      } else if (index == runsLast) {
        // it reads what the children before it wrote, concatenated: as deep as the deepest
        Point deepest = deepestOpen();
        source = new Point(deepest.depth, child.in(), deepest, -1);
        sourceKind = Source.STREAM;
        unread = null;
      } else if (!routers.isEmpty() && routers.contains(childLayer)) {
        source = input;
        sourceKind = Source.ROUTER;
      } else if (cross && memory != null && role == ChildRole.SHARED_INPUT) {
        // a cross-attention's query reads the decoder's stream, its keys and values the encoder's output
        source = ChildRole.isQuery(childName) ? input : memory;
        sourceKind = shared == null ? Source.STREAM : Source.SHARED;
      } else if (childName.equals("decoder") && (encoder = encoderOutput()) != null && holdsCrossAttention(childLayer)
          && !queriesFromEncoder(layer, childLayer)) {
        // a decoder reads its own tokens; the encoder's output only its cross-attentions read
        childMemory = encoder;
        source = new Point(input.depth, child.knownIn() ? child.in() : width, input, -1);
        sourceKind = Source.BRANCH;
      } else if (towerBeside(layer.children(), index)) {
        // a second tower of a two-tower model reads its own input (CLIP's image beside its text)
        source = new Point(input.depth, child.knownIn() ? child.in() : width, input, -1);
        sourceKind = Source.BRANCH;
      } else if (readsStreams(childLayer, child) || readsOwnStream(child)) {
        sourceKind = Source.STREAMS;
      } else if (sideBySide) {
        source = input;
        sourceKind = Source.BRANCH;
      } else if (chains) {
        source = new Point(current.depth, child.knownIn() ? child.in() : width, current, -1);
        sourceKind = Source.STREAM;
      } else if (role == ChildRole.BRANCH) {
        branchSource(BranchName.of(childName));
      } else if (role == ChildRole.BYPASS || childName.equals("base_layer") && isLowRankAdapter(layer)) {
        // PEFT's newer wrapper prints the layer it wraps as a child: it reads the input beside the adapters
        source = input;
        sourceKind = Source.BYPASS;
      } else if (role == ChildRole.SHARED_INPUT && shared != null) {
        source = shared;
        sourceKind = Source.SHARED;
      } else if (role == ChildRole.SHARED_INPUT && sharedBefore != null && child.knownIn() && child.knownOut()
          && child.in() != child.out() && child.in() == sharedBefore.width
          && ChildRole.pairsWith(childName, sharedBeforeKey)) {
        // the gated MLP's other projection printed after the one that reads their product: it reads
        // the input its partner read, and what it writes that product has taken in already, so no
        // path runs on from it (its partner's, as long, is the one traced)
        source = sharedBefore;
        sourceKind = Source.LATE_PARTNER;
      } else if (readsTimestep(childLayer) || modulates(layer, childLayer)) {
        source = new Point(0, child.knownIn() ? child.in() : width, null, -1);
        sourceKind = Source.TIMESTEP;
      } else if (ChildRole.biasesScores(childName) && child.knownIn() && child.in() == input.width) {
        // a relative-position bias made from the attention's input (ProphetNet's decoder prints it
        // after out_proj): it joins the scores as the query does, and the output stays out_proj's
        source = input;
        sourceKind = Source.SCORES;
      } else if (isHeadNorm(childLayer)) {
        // a query's or key's per-head norm (Qwen3 and Gemma 3 print q_norm and k_norm after o_proj):
        // on the way to the scores, writing nothing a later sibling reads
        source = input;
        sourceKind = Source.SCORES;
      } else if (ChildRole.projectsPositions(childName)) {
        source = new Point(0, child.knownIn() ? child.in() : width, null, -1);
        sourceKind = Source.SIDE_INPUT;
      } else if (childName.equals("to_add_out") && (encoder = otherStreamProjected()) != null) {
        // the joint attention's output projection of the other stream reads what its projections
        // made of that stream, not what to_out wrote of this one
        source = encoder;
        sourceKind = Source.STREAM;
      } else if ((ChildRole.projectsOtherStream(childName) || ChildRole.isSharedExpert(childName))
          && child.knownIn() && child.in() == input.width) {
        // a joint attention's projections of the other stream (diffusers' add_q_proj beside to_q)
        // read that stream where to_q reads this one, as deep; a mixture's shared expert reads the
        // module's input beside the routed experts, the two summed (DeepSeek's shared_experts,
        // Qwen2-MoE's shared_expert and its gate)
        source = input;
        sourceKind = Source.BRANCH;
      } else if (learnedParallel(childName) && child.in() == input.width) {
        source = input;
        sourceKind = Source.BRANCH;
      } else if (child.knownIn() && width != Widths.UNKNOWN && child.in() == Saturating.multiply(width, 2)
          && (upsampledLast() || upBlockLast(childLayer))) {
        // a U-Net's up block: the map just upsampled, concatenated with the skip of its width that
        // the block was called with beside its input (the input's width is a coincidence here)
        source = new Point(current.depth, child.in(), current, -1);
        sourceKind = Source.STREAM;
      } else if (!child.knownIn() || width == Widths.UNKNOWN || child.in() == width
          || readsChannelSlices(childLayer, childFacts.kids, width)) {
        source = merged(width);
        sourceKind = Source.STREAM;
      } else if (copyBeside && child.in() == Saturating.multiply(width, 2)) {
        // the depthwise convolution's input and output, concatenated, even where an earlier tensor
        // has that width (GhostNet's first block reads 16 = 8 + 8 channels beside its 16-channel input)
        source = new Point(current.depth, child.in(), current, -1);
        sourceKind = Source.STREAM;
      } else if (unread != null && child.in() == Saturating.add(width, unread.width)) {
        // the channels a split left unread are concatenated back (CSP stages, Res2Net, ShuffleNet)
        Point deeper = unread.depth > current.depth ? unread : current;
        source = new Point(deeper.depth, child.in(), deeper, -1);
        (deeper == current ? unread : current).feed(source);
        sourceKind = Source.STREAM;
        unread = null;
      } else {
        boolean split = width % child.in() == 0
            && (width / child.in() == 3 && lastWidened || halfRead(childLayer, child, width));
        Point earlier = split ? null : latestByWidth.get(child.in());
        if (earlier != null && width == 1 && current != input && !spatialHead(child.in())) {
          // a one-channel map (GlobalContext's attention logits, a spatial gate) weighs the tensor it
          // was made from: the next layer reads their product
          Point deeper = current.depth > earlier.depth ? current : earlier;
          source = new Point(deeper.depth, child.in(), deeper, -1);
          (deeper == current ? earlier : current).feed(source);
          sourceKind = Source.STREAM;
        } else if (earlier != null && !(earlier == input && stackReadsOn(child))) {
          source = earlier;
          sourceKind = Source.BRANCH;
          if (earlier == input && role == ChildRole.PLAIN) {
            learn(childName);
          }
        } else if (!split && readsSideInput(childLayer, child, width)) {
          source = new Point(0, child.in(), null, -1);
          sourceKind = Source.SIDE_INPUT;
        } else if (!split && (earlier = concatenatedWith(child.in(), width)) != null) {
          // the stream concatenated with one earlier tensor (a U-Net's skip, YOLOv3's route of an
          // upsampled map and a backbone stage): as deep as the deeper of the two, not as the
          // deepest branch printed before (a detection head the route turned back from)
          Point deeper = earlier.depth > current.depth ? earlier : current;
          source = new Point(deeper.depth, child.in(), deeper, -1);
          (deeper == current ? earlier : current).feed(source);
          sourceKind = Source.STREAM;
        } else if (!split && previousWeightedLeaf && current != input && child.in() < width
            && Saturating.multiply(child.in(), 4) > Saturating.multiply(width, 3) && open.contains(current)) {
          // most of what a conv/FC layer just wrote, which nothing has read, where no earlier tensor
          // has the width read (DeepSeek's MLA: kv_a_proj_with_mqa writes 576, its norm reads the
          // 512-wide latent, the 64 rotary channels split off): a slice of it, not of the deepest
          // branch (a token mixer reading 196 patches of a 384-wide stream reads along another axis)
          source = new Point(current.depth, child.in(), current, -1);
          sourceKind = Source.STREAM;
        } else if (!split && reshaped != null && reshapedBy == index - 1 && reshaped.width == child.in()) {
          // the child before read this width, the stream reshaped, and wrote another: this one reads
          // the same tensor beside it (a VAE's fc_logvar beside fc_mu, both on the flattened map;
          // Tacotron's gate_layer beside linear_projection)
          source = reshaped;
          sourceKind = Source.BRANCH;
        } else {
          offAxis = !split && child.in() == child.out();
          Point deepest = deepestOpen();
          if (!split && deepest.width != child.in() && isVocabulary(deepest.width) && !readsTokens(childLayer)) {
            // a language model's logits (a width some embedding table has rows) are its output,
            // never reshaped into another width: a sibling model printed after it (PI0's action
            // expert after PaliGemma) or a head reading a few features of its own starts elsewhere.
            // A model that embeds tokens may read them picked from the logits (CLVP's speech encoder
            // reads the tokens its speech decoder chose)
            deepest = deepestOpenBesidesLogits();
          }
          source = new Point(deepest.depth, split ? width : child.in(), deepest, -1);
          sourceKind = split ? Source.SPLIT : offAxis ? Source.OFF_AXIS : Source.RESHAPED;
          unread = split ? new Point(deepest.depth, width - child.in(), deepest, -1) : unread;
          if (sourceKind == Source.RESHAPED && child.knownOut() && child.out() != child.in() && singleLinear(childLayer)) {
            // (a head of one fully connected layer; a block's output, an Inception block's
            // concatenation, may be what the next one reads)
            reshaped = source;
            reshapedBy = index;
          }
        }
      }
      if (role == ChildRole.SHARED_INPUT && sourceKind != Source.LATE_PARTNER) {
        sharedKey = shared != null ? sharedKey : childName;
        shared = shared != null ? shared : source;
      } else if (role != ChildRole.SHARED_INPUT) {
        if (shared != null) {
          sharedBefore = shared;
          sharedBeforeKey = sharedKey;
        }
        shared = null;
      }
    }

    /**
     * Whether a child reading half the stream's width reads one half of it (a fused projection's
     * part, a CSP stage's split, ResNeSt's radix groups summed) rather than an earlier tensor of
     * that width. It does right after a conv/FC layer, and where it writes a width the stream does
     * not have (it cannot be a branch summed back into it); a norm never reads half a tensor: a
     * pre-norm block's first norm reads the block input beside a projection shortcut (Hiera).
     */
    private boolean halfRead(Layer childLayer, Widths child, long width) {
      return width / child.in() == 2 && !Widths.isNorm(firstLeafWithWidths(childLayer))
          && (previousWeightedLeaf || child.knownOut() && child.out() != width);
    }

    /**
     * Whether the child, an entry of the main stack of repeated blocks after its first, reads the
     * stream where its width would have it read the stack's input beside the entries before it:
     * the stack was called on the stream reshaped to its first entry's width ({@link
     * Input#reshapedFrom}: no tensor had that width), and the entry writes the width that stream
     * had, so the entries keep the stream's width as a stack of residual blocks does, and what
     * their first readers read shows nothing of it. A Mamba-2 block's first reader, {@code conv1d},
     * reads part of what the {@code in_proj} printed after it writes; its blocks follow one another,
     * as the {@code blocks} convention counts them.
     */
    private boolean stackReadsOn(Widths child) {
      return layer == mainStack && (index > 0 || occurrence > 0) && child.knownOut()
          && child.out() == arrival.reshapedFrom();
    }

    /**
     * A fully connected layer widening a few features (at most {@link #SIDE_INPUT_FEATURES}) into many, where the stream is
     * wider and no tensor of that width exists: the child reads coordinates or another small side
     * input (a relative-position MLP fed 2-d offsets), not the stream, so it starts a path of its own.
     * Convolutions reading one channel read the stream reshaped (a lambda layer's {@code Conv3d(1, 16)}),
     * and a gate reading one channel writes one (ECA's {@code Conv1d(1, 1)}): both stay on the stream.
     */
    private boolean readsSideInput(Layer childLayer, Widths child, long width) {
      return child.in() <= SIDE_INPUT_FEATURES && child.knownOut() && child.out() > child.in()
          && width > child.in() && firstWeightedLeaf(childLayer).arguments().get("in_features") != null;
    }

    /**
     * A child reading several streams is passed this module's tensors of the widths it takes, the one
     * its first layer reads as the main input: in a list of streams, the list's inputs; elsewhere the
     * deepest open tensor of each width (a residual sum). False where only one of them exists: it is
     * an ordinary child. A list whose entries chain through several widths adds each stream in as it
     * passes its width (HRNet's {@code downsamp_modules}), unless the streams last written are one per
     * entry, of the widths they read: then each entry reads its own (HRNet's {@code incre_modules}
     * where block widths double as the streams' do), as a chain would leave all but one unread.
     */
    private boolean readsStreams(Layer childLayer, Widths child) {
      Streams.Shape shape = streams.of(childLayer);
      if (!shape.readsSeveral() && !shape.chained() || !child.knownIn()) {
        return false;
      }
      Map<Long, Point> pool = streamList ? inputs : deepestByWidth(true);
      if (tapped != null && tappedIndex == index - 1) {
        // the child before it wrote, inside, tensors of the widths it reads (a backbone's stages
        // for a feature pyramid): where no tensor here has such a width, it reads that one
        for (long w : shape.wanted()) {
          Point p = tapped.get(w);
          if (p != null && !pool.containsKey(w)) {
            pool = pool instanceof TreeMap ? pool : new TreeMap<>(pool);
            pool.put(w, p);
          }
        }
      }
      if (!streamList && siblingShape != null && siblingStreamsIndex == index - 1 && siblingShape.reads().equals(shape.reads())
          && !siblingShape.writes().equals(siblingShape.reads())) {
        // heads printed one after another that read the same streams (YOLOv8's box and class
        // branches, cv2 and cv3, each a list of one branch per scale): the one before wrote other
        // widths than it read, so what this one reads is what that one read, not what it wrote
        // where a width happens to match (cv2 writes 64 at every scale, the first scale is 64 wide)
        pool = new TreeMap<>(pool);
        pool.putAll(siblingStreams);
      }
      perStream = shape.chained() && (streamList ? inputs.keySet() : lastStreams).equals(shape.reads());
      Map<Long, Point> args = new TreeMap<>();
      long base = Long.MAX_VALUE;
      for (long w : shape.wanted()) {
        Point p = pool.get(w);
        if (p != null) {
          args.put(w, p);
          base = Math.min(base, p.depth);
        }
      }
      if (args.size() < 2 || !args.containsKey(child.in())) {
        return false;
      }
      passed = args;
      passedBase = base;
      source = args.get(child.in());
      siblingStreams = args;
      siblingStreamsIndex = index;
      siblingShape = shape;
      return true;
    }

    /** The output of a child named {@code encoder} that ran before the one running now, or {@code null}. */
    private Point encoderOutput() {
      for (int i = 0; i < index; i++) {
        if (outputs[i] != null && layer.children().get(i).name().equals("encoder")) {
          return outputs[i];
        }
      }
      return null;
    }

    /** An entry of a list of streams reads the list's input of its width, whatever its siblings wrote. */
    private boolean readsOwnStream(Widths child) {
      Point own = streamList && child.knownIn() ? inputs.get(child.in()) : null;
      source = own != null ? own : source;
      return own != null;
    }

    /** The deepest open tensor of each width, widths in order; the module's inputs too if {@code withInputs}. */
    private Map<Long, Point> deepestByWidth(boolean withInputs) {
      Map<Long, Point> best = new TreeMap<>();
      for (Point p : open) {
        if (withInputs || !inputs.containsValue(p)) {
          best.merge(p.width, p, (a, b) -> b.depth > a.depth ? b : a);
        }
      }
      return best;
    }

    /** The input of the child about to run: its main input and, measured from the same depth, its other streams. */
    Input childInput() {
      long memoryIn = NO_MEMORY;
      boolean crossIn = false;
      if (childMemory != null) {
        memoryIn = Saturating.add(childMemory.depth, -(passed == null ? source.depth : passedBase));
        crossIn = cross || CROSS_ATTENTION.contains(layer.children().get(index).name());
      }
      if (passed == null) {
        return sourceKind == Source.RESHAPED
            ? new Input(source.width, 0, List.of(), false, current.width, memoryIn, crossIn)
            : memoryIn == NO_MEMORY ? Input.of(source.width)
            : new Input(source.width, 0, List.of(), false, Widths.UNKNOWN, memoryIn, crossIn);
      }
      List<Lane> lanes = new ArrayList<>();
      passed.forEach((w, p) -> {
        if (p != source) {
          lanes.add(new Lane(w, p.depth - passedBase, Widths.UNKNOWN));
        }
      });
      return new Input(source.width, source.depth - passedBase, lanes, perStream, Widths.UNKNOWN, memoryIn, crossIn);
    }

    /** Records that instances of this class run a child beside its siblings, on the input. */
    private void learn(String childName) {
      boolean added = parallelByClass.computeIfAbsent(layer.typeName(), k -> new HashSet<>()).add(childName);
      if (added) {
        learned++;
      }
      if (added && replayedClasses.contains(layer.typeName()) && besideProjection()) {
        shownLate.computeIfAbsent(layer.typeName(), k -> new HashSet<>()).add(childName);
      }
    }

    /**
     * Whether the stream is one layer's output made from this module's input: a projection shortcut
     * by its shape (RegNet's {@code proj}, DPN's {@code c1x1_w}, MaxViT's {@code proj}), beside which
     * the module's other children run in every instance; layers without weights after it (MaxViT's
     * {@code stochastic_depth}) do not count. A longer sibling (an attention whose printed last layer
     * hides the width it writes) teaches nothing about the instances printed before.
     */
    private boolean besideProjection() {
      Point made = current;
      while (made.previous != null && made.step() == 0) {
        made = made.previous;
      }
      return !GENERIC_CONTAINERS.contains(layer.typeName()) && made.step() == 1 && made.previous.origin() == input;
    }

    private boolean learnedParallel(String childName) {
      return parallelByClass.getOrDefault(layer.typeName(), Set.of()).contains(childName);
    }

    private void branchSource(BranchName name) {
      branch = branches.get(name.branch());
      sourceKind = Source.BRANCH;
      if (branch == null) {
        branch = new BranchState(name.step(), input);
        if (branches.isEmpty()) {
          branches = new LinkedHashMap<>();
        }
        branches.put(name.branch(), branch);
      } else if (name.step() != branch.step) {
        branch.step = name.step();
        branch.reads = branch.end();
        branch.ends.clear();
      }
      source = branch.reads;
    }

    /** The stream at {@code width}: the deepest open tensor of that width (a residual sum). */
    private Point merged(long width) {
      Point best = current;
      for (Point p : open) {
        if (p.width == width && p.depth > best.depth) {
          best = p;
        }
      }
      return new Point(best.depth, width, best, -1);
    }

    /**
     * Whether the one-channel map just written is an output head, not a gate: a convolution with a
     * kernel wider than 1 over all {@code in} channels of the tensor a later sibling reads too
     * (StarGAN's discriminator: a 3x3 real/fake map beside a class head, both on the same features).
     * A gate's logits come from a 1x1 convolution (GlobalContext) or from fewer channels (CBAM's 2).
     */
    private boolean spatialHead(long in) {
      Layer conv = lastWriter();
      if (conv == null || !conv.isLeaf() || conv.arguments().longValue("in_channels", 0, -1) != in) {
        return false;
      }
      long[] kernel = Arguments.tuple(conv.arguments().get("kernel_size"));
      return kernel.length > 0 && java.util.Arrays.stream(kernel).anyMatch(k -> k > 1);
    }

    /** The child whose output the stream is, or {@code null} (the module's input, a merge). */
    private Layer lastWriter() {
      return current.child < 0 ? null : layer.children().get(current.child);
    }

    /** Whether the stream was last written by a child that upsamples (a transposed convolution, Upsample). */
    private boolean upsampledLast() {
      Layer writer = lastWriter();
      if (writer == null) {
        return false;
      }
      return upsamples(writer.typeName());
    }

    /** Whether a layer of class {@code type} upsamples: a transposed convolution, an Upsample. */
    private static boolean upsamples(String type) {
      return type.startsWith("ConvTranspose") || type.equals("Upsample") || type.equals("UpsamplingNearest2d")
          || type.equals("UpsamplingBilinear2d");
    }

    /**
     * Whether the stream was last written by an up block of {@code child}'s class: a block that
     * upsamples first (a U-Net's {@code Up}: upsample the map, concatenate the skip, convolve), so
     * the child, the next up block, reads the map concatenated with the skip of its width.
     */
    private boolean upBlockLast(Layer child) {
      Layer writer = lastWriter();
      if (writer == null || writer.isLeaf() || child.isLeaf() || !writer.typeName().equals(child.typeName())) {
        return false;
      }
      return upsamples(writer.children().get(0).typeName());
    }

    /**
     * The earlier tensor that, concatenated with the stream of {@code width}, makes a reader of
     * {@code in}: the latest of the width missing, or {@code null} where none was written or it is
     * the stream itself.
     */
    private Point concatenatedWith(long in, long width) {
      if (in <= width || width <= 0) {
        return null;
      }
      Point other = latestByWidth.get(in - width);
      return other == current ? null : other;
    }

    private Point deepestOpen() {
      Point best = current;
      for (Point p : open) {
        if (p.depth > best.depth) {
          best = p;
        }
      }
      return best;
    }

    /** The deepest open tensor that is not a vocabulary's logits, or the module's input. */
    private Point deepestOpenBesidesLogits() {
      Point best = input;
      for (Point p : open) {
        if (p.depth > best.depth && !isVocabulary(p.width)) {
          best = p;
        }
      }
      return current.depth > best.depth && !isVocabulary(current.width) ? current : best;
    }

    void accept(Result r) {
      if (!r.taps().isEmpty()) {
        tapped = new TreeMap<>();
        for (Lane lane : r.taps()) {
          tapped.put(lane.width(), new Point(Saturating.add(source.depth, lane.depth()), lane.width(), source, index));
        }
        tappedIndex = index;
      }
      if (passed != null || !r.lanes().isEmpty()) {
        ran(index, sourceKind);
        acceptStreams(r, layer.children().get(index).repeat() - occurrence - 1);
        return;
      }
      accept(r.depth(), r.width(), r.from() == FROM_MEMORY && childMemory != null ? childMemory : source);
    }

    /** As {@link #accept(Result)} for a leaf's result: its conv/FC layers and the width it writes. */
    void acceptLeaf(long depth, long width) {
      if (passed != null) {
        accept(new Result(depth, width));
      } else {
        accept(depth, width, source);
      }
    }

    /**
     * As {@link #accept(Result)} for a result of one tensor, taken from the stream (no streams
     * passed); {@code origin} is the tensor its longest path starts from: its source, or the
     * encoder's output where that path starts at a cross-attention reading it.
     */
    private void accept(long depth, long width, Point origin) {
      Layer child = layer.children().get(index);
      ran(index, sourceKind);
      leftStreams &= !childSpan.knownOut();
      Point out = new Point(Saturating.add(source.depth, depth), offAxis ? current.width : width, origin, index);
      int remaining = child.repeat() - occurrence - 1;
      // a run inside a decoder: the first occurrences may take the encoder's output in, the later not
      boolean chains = sourceKind == Source.STREAM && width == source.width && remaining > 0 && childMemory == null;
      if (sourceKind == Source.TIMESTEP && depth > 0 && conditioning == null) {
        conditioning = child;
      }
      if (sourceKind == Source.SIDE_INPUT || sourceKind == Source.TIMESTEP || sourceKind == Source.LATE_PARTNER
          || sourceKind == Source.ROUTER || sourceKind == Source.SCORES) {
        // what it writes joins the stream later (a bias added to attention scores), but no path
        // from the input runs through it
        occurrence += settled(remaining);
        return;
      }
      if (outputs[index] == null) {
        outputs[index] = out;
      }
      if (sourceKind == Source.BYPASS) {
        // a shortcut joins the block's output, not the stream inside it, even when printed first;
        // what the next layer reads tells whether it was one (see confirmShortcut)
        if (shortcuts == NO_POINTS) {
          shortcuts = new ArrayList<>();
        }
        shortcuts.add(out);
        unconfirmed = out;
        occurrence += settled(remaining);
        return;
      }
      if (!streamList && !Streams.isList(child)) {
        close(source);
      }
      add(out);
      if (branch != null) {
        branch.ends.add(out);
      }
      if (chains) {
        // later occurrences of a run each read the one before: no need to replay them one by one
        close(out);
        out = new Point(Saturating.add(out.depth, Saturating.multiply(remaining, depth)), out.width, out, index);
        add(out);
        occurrence += remaining;
      } else if (occurrence >= REPLAYED_OCCURRENCES && remaining > 0 && out.depth >= current.depth) {
        // identical occurrences that do not chain settle into one pattern after a few: each later one
        // moves the stream as the last did (not at all when they run side by side), so a run of
        // millions is not replayed one by one
        long step = out.depth - current.depth;
        out = new Point(Saturating.add(out.depth, Saturating.multiply(remaining, step)), out.width, out, index);
        add(out);
        occurrence += remaining;
      }
      if (childRole == ChildRole.SHARED_INPUT) {
        if (sourceKind != Source.SHARED) {
          projections = NO_POINTS;
          query = null;
        }
        if (projections == NO_POINTS) {
          projections = new ArrayList<>();
        }
        projections.add(out);
        if (query == null && ChildRole.isQuery(child.name())) {
          query = out;
        }
      }
      current = out;
      copyBeside = copies.endsOnOne(child);
      if (ChildRole.isFusedQkv(child.name())) {
        fusedQkv = true;
      } else if (sourceKind == Source.SPLIT) {
        fusedQkv = false;
      }
      previousWeightedLeaf = child.isLeaf() && childWeighted > 0;
      Widths w = childSpan;
      lastWidened = w.knownIn() && w.knownOut() ? w.out() > w.in() : lastWidened;
      occurrence++;
    }

    /**
     * How many occurrences of a run the one just taken stands for, where each reads what the first
     * read and leaves nothing the next reads (a shortcut, a side input): itself, or, past the first
     * few, every one left. A damaged text can print a run of millions of them (a fuzz case printed
     * {@code (downsample): 351239414 x Sequential(}: a point each, until the heap ran out).
     */
    private int settled(int remaining) {
      return occurrence >= REPLAYED_OCCURRENCES && remaining > 0 ? remaining + 1 : 1;
    }

    private void close(Point consumed) {
      // a fresh merge sums the open tensors of its width: each of them feeds it
      boolean fresh = consumed.child < 0 && consumed.previous != null;
      // in place, in order (ArrayList.removeIf made a bit set and a lambda for every child run)
      int kept = 0;
      for (int i = 0, n = open.size(); i < n; i++) {
        Point p = open.get(i);
        boolean merged = p == consumed || (p.width == consumed.width && p.depth <= consumed.depth);
        if (merged && fresh && p != consumed && p != consumed.previous) {
          p.feed(consumed);
        }
        if (!merged) {
          open.set(kept++, p);
        }
      }
      dropOpenFrom(kept);
    }

    /** Removes the open tensors from index {@code kept} on. */
    private void dropOpenFrom(int kept) {
      for (int i = open.size() - 1; i >= kept; i--) {
        open.remove(i);
      }
    }

    /** Removes the open tensors that are in {@code points} (by identity). */
    private void closeAll(List<Point> points) {
      int kept = 0;
      for (int i = 0, n = open.size(); i < n; i++) {
        Point p = open.get(i);
        if (!containsSame(points, p)) {
          open.set(kept++, p);
        }
      }
      dropOpenFrom(kept);
    }

    /** Records how child {@code i} ran; a child taken again (a run's next occurrence) keeps its first place. */
    private void ran(int i, Source kind) {
      if (sources[i] == null) {
        ran[ranCount++] = i;
      }
      sources[i] = kind;
    }

    private void add(Point p) {
      open.add(p);
      latestByWidth.put(p.width, p);
    }

    Result finish() {
      open.addAll(shortcuts);
      if (ownBeside != null) {
        open.add(ownBeside); // the wrapped weight's output, summed with the adapters'
      }
      if (!projections.isEmpty()) {
        joinProjections(true);
      }
      if (branch != null) {
        joinBranches();
      }
      Point end = deepestOpen();
      List<Lane> lanes = writesSeveral || leftStreams ? lanesOut() : List.of();
      List<Lane> taps = tapWidths == null ? List.of() : tapsOut();
      Result r = new Result(end.depth, fusedQkv ? Widths.UNKNOWN : current.width, originWidth(end), lanes, taps);
      replayedClasses.add(layer.typeName());
      if (memory != null && r.from() != FROM_MEMORY && offPath.containsKey(layer) && !laterOffPath.containsKey(layer)) {
        laterOffPath.put(layer, offPathChildren(end));
      }
      if (!offPath.containsKey(layer)) {
        trace(end);
        if (!lanes.isEmpty() || !taps.isEmpty()) {
          streamReplays.put(layer, this);
          streamEvents++;
        }
      }
      long now = ++clock;
      Answers answers = node.answers;
      if (answers == null) {
        answers = new Answers();
        answers.firstAt = now;
        answers.firstStart = start;
        answers.firstPure = learned == learnedAtStart && streamEvents == streamsAtStart;
        answers.firstLearned = learned;
        answers.firstNamesOwnKey = namesOwnKey;
        node.answers = answers;
      }
      answers.put(arrival, r);
      answers.lastAt = now;
      if (!node.replayed()) {
        node.firstDepth = r.depth();
      }
      return r;
    }

    /**
     * A child of several streams leaves a tensor of each width it writes, each made from the stream
     * its longest path starts from; what it was passed is consumed, unless this is a list of streams.
     * A run of it settles like any run that does not chain (see accept).
     */
    private void acceptStreams(Result r, int remaining) {
      long base = passed == null ? source.depth : passedBase;
      Map<Long, Point> read = passed == null ? Map.of(source.width, source) : passed;
      if (!streamList && !Streams.isList(layer.children().get(index))) {
        read.values().forEach(this::close);
      }
      List<Lane> lanes = r.lanes().isEmpty() ? List.of(new Lane(r.width(), r.depth(), r.from())) : r.lanes();
      long readDepth = read.values().stream().mapToLong(p -> p.depth).max().orElse(base);
      // a later occurrence moves the streams on as the last did, never back: what it read stays held
      long step = Math.max(0, Saturating.add(base, lanes.stream().mapToLong(Lane::depth).max().orElse(0)) - readDepth);
      boolean settle = occurrence >= REPLAYED_OCCURRENCES && remaining > 0;
      Point main = null;
      Point deepest = null;
      for (Lane lane : lanes) {
        Point p = new Point(Saturating.add(base, lane.depth()), lane.width(), read.getOrDefault(lane.from(), source), index);
        if (settle) {
          p = new Point(Saturating.add(p.depth, Saturating.multiply(remaining, step)), p.width, p, index);
        }
        add(p);
        deepest = deepest == null || p.depth > deepest.depth ? p : deepest;
        main = lane.width() == r.width() && (main == null || p.depth > main.depth) ? p : main;
      }
      if (outputs[index] == null) {
        outputs[index] = deepest;
      }
      current = main != null ? main : deepest;
      copyBeside = false;
      leftStreams = !r.lanes().isEmpty();
      if (leftStreams) {
        lastStreams = new HashSet<>();
        r.lanes().forEach(lane -> lastStreams.add(lane.width()));
      }
      previousWeightedLeaf = false;
      lastWidened = false;
      occurrence += settle ? remaining + 1 : 1;
    }

    /**
     * The deepest tensor of each width its children made, for the caller (its inputs the caller still
     * holds); none where there are more than it follows.
     */
    private List<Lane> lanesOut() {
      Map<Long, Point> best = deepestByWidth(false);
      if (best.size() > Streams.MOST) {
        return List.of();
      }
      return lanesOf(best);
    }

    /** A lane of each tensor of {@code best}, its end kept for tracing ({@link #laneEnds}: the streams' before the taps'). */
    private List<Lane> lanesOf(Map<Long, Point> best) {
      List<Lane> lanes = new ArrayList<>();
      if (laneEnds.isEmpty()) {
        laneEnds = new HashMap<>();
      }
      best.forEach((w, p) -> {
        laneEnds.putIfAbsent(w, p);
        lanes.add(new Lane(w, p.depth, originWidth(p)));
      });
      return lanes;
    }

    /**
     * The deepest tensor of each width in {@link #tapWidths} its children wrote, read or not, for a
     * later sibling of this module ({@link Streams#taps}); none unless it has all of them.
     */
    private List<Lane> tapsOut() {
      Map<Long, Point> best = new TreeMap<>();
      for (Point p : outputs) {
        if (p != null && tapWidths.contains(p.width)) {
          best.merge(p.width, p, (a, b) -> b.depth > a.depth ? b : a);
        }
      }
      for (Point p : open) {
        if (tapWidths.contains(p.width)) {
          best.merge(p.width, p, (a, b) -> b.depth > a.depth ? b : a);
        }
      }
      return best.size() < tapWidths.size() ? List.of() : lanesOf(best);
    }

    /** The width of the input a tensor's longest path starts from, or {@link Widths#UNKNOWN} for the main input. */
    private long originWidth(Point p) {
      if (memory != null) {
        Point first = p;
        while (first.previous != null) {
          first = first.previous;
        }
        if (first == memory) {
          return FROM_MEMORY;
        }
      }
      if (inputs.size() < 2) {
        return Widths.UNKNOWN;
      }
      Point first = p;
      while (first.previous != null) {
        first = first.previous;
      }
      for (Map.Entry<Long, Point> e : inputs.entrySet()) {
        if (e.getValue() == first && first != input) {
          return e.getKey();
        }
      }
      return Widths.UNKNOWN;
    }

    /**
     * Lists the children off the path that ends at {@code end}, and the stream the path leaves each
     * child writing several streams by, for tracing inside it (see retraceStreams).
     */
    private void trace(Point end) {
      offPath.put(layer, offPathChildren(end));
      Map<Integer, Long> exit = new HashMap<>();
      for (Point p = end; p != null; p = p.previous) {
        if (p.child >= 0 && streamReplays.containsKey(layer.children().get(p.child))) {
          exit.putIfAbsent(p.child, p.width);
        }
      }
      if (exit.isEmpty() ? exits.remove(layer) != null : exits.put(layer, exit) != exit) {
        streamEvents++;
      }
    }

    /** Traces the path again as it leaves this module by its stream of {@code width}. */
    void retrace(long width) {
      Point end = laneEnds.get(width);
      if (end != null) {
        trace(end);
      }
    }

    /**
     * A child named like a shortcut and printed first is the stream if the next layer reads what it
     * wrote: a stage's {@code downsample} (ConvNeXt, Swin) runs before its blocks. It bypasses them
     * if the next layer reads the block input instead (timm's ByobNet prints {@code shortcut} first);
     * where both widths agree, only a {@code downsample} is taken for the stream.
     */
    private void confirmShortcut(long nextReads) {
      Point candidate = unconfirmed;
      unconfirmed = null;
      boolean readsIt = nextReads == candidate.width;
      boolean readsInput = nextReads == input.width;
      String name = layer.children().get(candidate.child).name();
      if (readsIt && (!readsInput || name.startsWith("downsample"))) {
        shortcuts.remove(candidate);
        ran(candidate.child, Source.STREAM);
        close(candidate.previous);
        add(candidate);
        current = candidate;
      }
    }

    /**
     * Projections of one input combine into one tensor: attention weighs the values by query and
     * key, a gated MLP multiplies gate and up. Before a later layer it is as wide as the query, or
     * as the first projection where none is a query; at the module's end, where projections differ
     * in width (HaloAttn's {@code q} beside a fused {@code kv}), its width is left unstated.
     */
    private void joinProjections(boolean atEnd) {
      Point deepest = projections.get(0);
      for (Point p : projections) {
        // of equally deep projections the last is listed, as the stream reads the latest tensor
        deepest = p.depth >= deepest.depth ? p : deepest;
      }
      long width = (query != null ? query : projections.get(0)).width;
      boolean sameWidths = projections.stream().allMatch(p -> p.width == projections.get(0).width);
      // a module ending on projections of different widths (HaloAttn's q beside a fused kv) writes
      // the values' width, which the text does not state; a layer after it shows what it reads
      Point joined = new Point(deepest.depth, atEnd && !sameWidths ? Widths.UNKNOWN : width, deepest, -1);
      for (Point p : projections) {
        if (p != deepest) {
          p.feed(joined);
        }
      }
      closeAll(projections);
      add(joined);
      current = joined;
      projections = NO_POINTS;
      query = null;
    }

    /** After the last branch, the block concatenates every branch's last step along channels. */
    private void joinBranches() {
      long sum = 0;
      Point deepest = null;
      for (BranchState b : branches.values()) {
        for (Point p : b.ends) {
          sum = sum == Widths.UNKNOWN || p.width == Widths.UNKNOWN ? Widths.UNKNOWN : sum + p.width;
          deepest = deepest == null || p.depth > deepest.depth ? p : deepest;
        }
      }
      if (deepest != null) {
        Point joined = new Point(deepest.depth, sum == Widths.UNKNOWN ? current.width : sum, deepest, -1);
        for (BranchState b : branches.values()) {
          for (Point p : b.ends) {
            if (p != deepest) {
              p.feed(joined);
            }
          }
        }
        List<Point> ends = new ArrayList<>();
        branches.values().forEach(b -> ends.addAll(b.ends));
        closeAll(ends);
        add(joined);
        current = joined;
      }
      branches = Map.of();
      branch = null;
    }

    /**
     * The children off the path ending at {@code end}, with the reason; most modules have none,
     * and then nothing is built.
     */
    private Map<Integer, String> offPathChildren(Point end) {
      boolean[] onPath = new boolean[layer.children().size()];
      for (Point p = end; p != null; p = p.previous) {
        if (p.child >= 0) {
          onPath[p.child] = true;
        }
      }
      Map<Point, Long> onward = null;
      Map<Integer, String> off = null;
      Set<Integer> path = null;
      for (int k = 0; k < ranCount; k++) {
        int i = ran[k];
        if (onPath[i]) {
          continue;
        }
        if (off == null) {
          off = new LinkedHashMap<>();
          onward = new IdentityHashMap<>();
        }
        Point out = outputs[i];
        boolean asLong = out != null && out.depth > 0
            && Saturating.add(out.depth, onward(out, onward)) >= end.depth;
        if (asLong && path == null) {
          path = pathChildren(end);
        }
        off.put(i, asLong ? besideReason(i, out, path) : sources[i].reason);
      }
      if (summed || sideBySide) {
        // a run of summed branches (a mixture's experts), or of entries one per stream: the path
        // runs through its first occurrence
        for (int i = 0; i < onPath.length; i++) {
          if (onPath[i] && layer.children().get(i).repeat() > 1) {
            off = off == null ? new LinkedHashMap<>() : off;
            off.put(laterOccurrences(i), summed ? "beside the first of its run: each reads the module's input and their"
                + " outputs are summed (a mixture's experts, a re-parameterizable block's branches)"
                : "beside the first of its run: one per stream, as many as the list of streams before it wrote");
          }
        }
      }
      if (ownBeside != null && !reaches(end, ownBeside)) {
        off = off == null ? new LinkedHashMap<>() : off;
        off.put(OWN, "the weight this module wraps reads its input beside its low-rank adapters (lora_A, then"
            + " lora_B), whose way is as long or longer");
      }
      return off == null ? Map.of() : off;
    }

    private boolean reaches(Point end, Point target) {
      for (Point p = end; p != null; p = p.previous) {
        if (p == target) {
          return true;
        }
      }
      return false;
    }

    /** The children on the path ending at {@code end}, -1 for merges, in the set the reasons are chosen from. */
    private Set<Integer> pathChildren(Point end) {
      Set<Integer> onPath = new HashSet<>();
      for (Point p = end; p != null; p = p.previous) {
        onPath.add(p.child);
      }
      return onPath;
    }

    /**
     * Why an off-path child whose path is as long as the listed one was left out: only one is listed.
     * It names the nearest listed sibling reading the same tensor, else one as deep.
     */
    private String besideReason(int offChild, Point out, Set<Integer> onPath) {
      Point from = out.previous == null ? null : out.previous.origin();
      int sameInput = -1;
      int asDeep = -1;
      for (int j : onPath) {
        Point other = j < 0 ? null : outputs[j];
        if (other == null) {
          continue;
        }
        if (other.step() == 0) {
          continue;  // a norm or activation: name a sibling with layers of its own
        }
        if (other.previous != null && other.previous.origin() == from) {
          sameInput = nearer(offChild, j, sameInput);
        } else if (other.depth == out.depth) {
          asDeep = nearer(offChild, j, asDeep);
        }
      }
      int beside = sameInput >= 0 ? sameInput : asDeep;
      return beside < 0 ? "as long as the path listed; one path is listed"
          : "runs beside " + siblingName(beside) + ", as long; one path is listed";
    }

    /** A sibling's key; an index says little alone, so it follows the list's key ({@code branches.1}). */
    private String siblingName(int child) {
      String name = layer.children().get(child).name();
      if (isIndex(name) && !layer.name().isEmpty()) {
        namesOwnKey = true;
        return layer.name() + "." + name;
      }
      return name;
    }

    private static int nearer(int to, int candidate, int best) {
      return best < 0 || Math.abs(candidate - to) < Math.abs(best - to) ? candidate : best;
    }

  }

  /**
   * A module writing several streams lists the path to the deepest of them; its caller's path may
   * leave it by another. Top down, each such module on the longest path is traced again from the
   * stream the path leaves it by.
   */
  private void retraceStreams(Layer root) {
    Deque<Layer> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      Layer layer = stack.pop();
      Map<Integer, String> off = offPath(layer);
      Map<Integer, Long> exit = exits.getOrDefault(layer, Map.of());
      List<Layer> children = layer.children();
      for (int i = 0; i < children.size(); i++) {
        if (off.containsKey(i)) {
          continue;
        }
        Replay replay = streamReplays.get(children.get(i));
        if (replay != null && exit.containsKey(i)) {
          replay.retrace(exit.get(i));
        }
        stack.push(children.get(i));
      }
    }
  }

  /**
   * Whether a module holds a cross-attention ({@link #CROSS_ATTENTION}) at any depth whose key or
   * value projection shows by its key ({@code k_proj}, {@code key}, {@code v}: see {@link
   * ChildRole#SHARED_INPUT}), or that projects its input itself (torch's {@code MultiheadAttention}):
   * where none does, what reads the encoder's output is not known, and the decoder is read as
   * running after the encoder, as before.
   */
  private static boolean holdsCrossAttention(Layer layer) {
    return Subtrees.anyBelow(layer, l -> CROSS_ATTENTION.contains(l.name()) && (l.typeName().equals("MultiheadAttention")
        || Subtrees.anyBelow(l, p -> ChildRole.of(p.name()) == ChildRole.SHARED_INPUT && !ChildRole.isQuery(p.name()))));
  }

  /**
   * Whether a decoder's queries are chosen from its encoder's output, as two-stage DETRs' are (RT-DETR,
   * Grounding DINO, OmDet-Turbo): a head on the encoder's output says so, printed after the encoder
   * beside the decoder and keyed {@code enc_...} ({@code enc_output}, {@code enc_score_head}), or as
   * the decoder's own child keyed {@code encoder_...} ({@code encoder_class_head}). Such a decoder runs
   * after its encoder. Other keys say nothing of it: a speech model's CTC head beside its attention
   * decoder ({@code encoder_output_layer}) reads the encoder's output too, but its decoder reads tokens;
   * a cross-attention keyed {@code encoder_attn} sits in a decoder layer, further down.
   */
  private static boolean queriesFromEncoder(Layer parent, Layer decoder) {
    boolean afterEncoder = false;
    for (Layer child : parent.children()) {
      afterEncoder |= child.name().equals("encoder");
      if (afterEncoder && child.name().startsWith("enc_")) {
        return true;
      }
    }
    for (Layer child : decoder.children()) {
      if (child.name().startsWith("encoder_")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a module embeds a diffusion model's timestep, which the model takes beside the data:
   * its key or class names it ({@code timestep_embedder}, diffusers' {@code Timesteps} and {@code
   * TimestepEmbedding}, {@code CombinedTimestepLabelEmbeddings}), or its key is one that names it
   * alone ({@code time_embedding}, {@code time_embed}, {@code time_proj}, {@code t_embedder}).
   */
  static boolean readsTimestep(Layer layer) {
    String key = layer.name();
    // "imestep" finds Timestep and timestep with String.indexOf, which the JIT makes fast: the
    // replay asks about nearly every child it runs
    String type = layer.typeName();
    return key.indexOf("imestep") >= 0 || type.length() >= "Timesteps".length() && type.indexOf("imestep") >= 0
        || TIMESTEP_KEYS.contains(key);
  }

  /**
   * Whether a child of {@code parent} computes an adaptive norm's shift and scale from the
   * conditioning (the timestep's embedding), not from the data: keyed so ({@link #MODULATION_KEYS}),
   * or a conv/FC leaf of diffusers' {@code AdaLayerNorm...} ({@code linear}, beside the {@code norm}
   * the data passes). What it writes scales or shifts the data; no path from the data runs through it.
   */
  static boolean modulates(Layer parent, Layer child) {
    return MODULATION_KEYS.contains(child.name())
        || child.isLeaf() && parent.typeName().startsWith("AdaLayerNorm") && child.arguments().get("in_features") != null;
  }

  /**
   * Keys of modules that project the timestep's embedding for a block: DiT's {@code
   * adaLN_modulation}, diffusers' ResNet block's {@code time_emb_proj}, guided diffusion's {@code
   * emb_layers}.
   */
  private static final Set<String> MODULATION_KEYS = Set.of("adaLN_modulation", "time_emb_proj", "emb_layers");

  private static final Set<String> TIMESTEP_KEYS = Set.of("time_embedding", "time_embed", "time_proj", "t_embedder",
      "time_embedder", "temb", "context_embedder");

  /** The width every child of a module reads and writes, or {@link Widths#UNKNOWN} where there is none such. */
  private static long keptWidth(Facts list) {
    long width = Widths.UNKNOWN;
    for (Facts entry : list.kids) {
      Widths w = entry.span;
      if (!w.knownIn() || w.in() != w.out() || width != Widths.UNKNOWN && w.in() != width) {
        return Widths.UNKNOWN;
      }
      width = w.in();
    }
    return width;
  }

  /**
   * The index of a mixture's router printed after its experts, or -1: a conv/FC leaf reading width
   * W and writing one weight per entry of a {@code ModuleList} printed before it whose entries all
   * read and write W (Phixtral's {@code gate}, 2,560 to 4, after its {@code mlp} list of 4 MLPs).
   * The list is then a mixture's experts whatever its key ({@link #branchesSummed}), and the router
   * reads what they read, its weights scaling their outputs: its width is not the module's output.
   */
  private int findRouter(List<Layer> children, Facts[] kids) {
    for (int j = 0; j < kids.length - 1; j++) {
      Layer list = children.get(j);
      if (list.isLeaf() || !list.typeName().equals("ModuleList")) {
        continue;
      }
      long width = keptWidth(kids[j]);
      long entries = Streams.entries(list);
      if (width == Widths.UNKNOWN || entries < 2) {
        continue;
      }
      for (int i = j + 1; i < kids.length; i++) {
        Widths w = kids[i].span;
        if (children.get(i).isLeaf() && kids[i].weighted > 0 && w.in() == width && w.out() == entries) {
          routers.add(children.get(i));
          routedLists.add(list);
          return i;
        }
      }
    }
    return -1;
  }

  /**
   * The span of a module whose children are conv/FC leaves that cannot chain (one reads a width its
   * predecessor does not write): they read slices of the input side by side (MixedConv2d's 1×1
   * convolutions), so the module reads and writes the sums of their widths. Only children named
   * by position qualify: named ones ({@code qkv}, {@code proj}) are different steps of one forward.
   * {@code null} otherwise.
   */
  private static Widths slicedSpan(Layer layer, Facts[] kids) {
    List<Layer> children = layer.children();
    if (children.size() < 2) {
      return null;
    }
    long in = 0;
    long out = 0;
    boolean chainable = true;
    Widths previous = null;
    for (int i = 0; i < kids.length; i++) {
      Layer child = children.get(i);
      Facts f = kids[i];
      Widths w = f.span;
      if (!child.isLeaf() || f.weighted == 0 || !w.knownIn() || !w.knownOut()
          || !isIndex(child.name())) {
        return null;
      }
      chainable &= previous == null || previous.out() == w.in();
      in += w.in() * child.repeat();
      out += w.out() * child.repeat();
      previous = w;
    }
    return chainable ? null : new Widths(in, out);
  }

  /** Whether a key is a position ({@code 0}, {@code 12}): ASCII digits only, as {@code \d+} matched. */
  private static boolean isIndex(String key) {
    if (key.isEmpty()) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      if (key.charAt(i) < '0' || key.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** The first conv/FC leaf in printed order (the layer itself if it is a leaf); found without recursion. */
  private Layer firstWeightedLeaf(Layer layer) {
    return firstLeaf(layer, leaf -> ownWeighted.applyAsInt(leaf) > 0);
  }

  /** The first leaf whose widths the text states: what reads a module's input. */
  private Layer firstLeafWithWidths(Layer layer) {
    return firstLeaf(layer, leaf -> span(leaf).knownIn());
  }

  private Layer firstLeaf(Layer layer, Predicate<Layer> wanted) {
    Deque<Layer> stack = new ArrayDeque<>();
    stack.push(layer);
    while (!stack.isEmpty()) {
      Layer next = stack.pop();
      if (next.isLeaf() && wanted.test(next)) {
        return next;
      }
      List<Layer> children = next.children();
      for (int i = children.size() - 1; i >= 0; i--) {
        stack.push(children.get(i));
      }
    }
    return layer;
  }

  /**
   * Whether {@code layer} wraps a weight with low-rank adapters: children {@code lora_A} and {@code
   * lora_B} (PEFT's), or a {@code lora_layer} (diffusers' LoRA-compatible layers: its down and up
   * projections).
   */
  private static boolean isLowRankAdapter(Layer layer) {
    boolean a = false;
    boolean b = false;
    for (Layer child : layer.children()) {
      a |= child.name().equals("lora_A");
      b |= child.name().equals("lora_B");
      if (child.name().equals("lora_layer")) {
        return true;
      }
    }
    return a && b;
  }

  /** Whether a child is a leaf keyed as a per-head norm of queries or keys ({@link ChildRole#normsHeads}). */
  private static boolean isHeadNorm(Layer child) {
    return child.isLeaf() && ChildRole.normsHeads(child.name());
  }

  /** Whether two sibling keys name a complex layer's real and imaginary parts ({@code fr}, {@code fi}). */
  private static boolean realAndImaginary(String first, String second) {
    return first.equals("fr") && second.equals("fi") || first.equals("real") && second.equals("imag");
  }

  /** The keys of a mixture of experts' list of experts (Mixtral's, Switch Transformers', DeepSeek's). */
  private static final Set<String> EXPERT_LISTS = Set.of("experts", "local_experts", "expert");

  /**
   * A {@code ModuleList} of experts that keep the width ({@link #EXPERT_LISTS}), or one of single
   * convolutions (each with its norm) that keep the width, differing
   * in kernel size or all strided: branches reading one input whose outputs are summed, as in
   * re-parameterizable blocks (MobileOne's {@code conv_kxk}, LCNetV2's {@code dw_conv_list}).
   * Stacked in a chain, same-width strided convolutions would shrink the map again at each step.
   */
  private boolean branchesSummed(Layer layer, Facts[] kids, long width) {
    List<Layer> children = layer.children();
    if (children.isEmpty() || children.size() == 1 && children.get(0).repeat() < 2) {
      return false;
    }
    if (EXPERT_LISTS.contains(layer.name()) || !routedLists.isEmpty() && routedLists.contains(layer)) {
      // a mixture of experts: a router sends each token to some of them, each reads the block's
      // input, and their outputs are summed; chained by their widths, 8 experts read as 8 steps.
      // Whatever holds them: a ModuleList, a ModuleDict of expert_0, expert_1, ... (Switch
      // Transformers), a class of its own with a dropout beside them (NLLB-MoE's 128 experts read
      // 1,642 deep)
      long experts = 0;
      for (int i = 0; i < kids.length; i++) {
        Widths w = kids[i].span;
        if (!w.knownIn() && children.get(i).isLeaf() && kids[i].weighted == 0) {
          continue;
        }
        if (!w.knownIn() || w.in() != w.out() || width != Widths.UNKNOWN && width != w.in()) {
          return false;
        }
        experts = Saturating.add(experts, children.get(i).repeat());
      }
      return experts >= 2;
    }
    if (children.size() == 2 && realAndImaginary(children.get(0).name(), children.get(1).name())) {
      // a complex-valued layer's real and imaginary parts (neuralop's ComplexValued: fr and fi):
      // each reads the input's parts, and their outputs are summed into the result's
      Widths a = kids[0].span;
      Widths b = kids[1].span;
      return a.knownIn() && b.knownIn() && a.in() == b.in() && a.out() == b.out();
    }
    if (!layer.typeName().equals("ModuleList")) {
      return false;
    }
    Set<String> kernels = new HashSet<>();
    boolean allStrided = true;
    for (int i = 0; i < kids.length; i++) {
      Layer child = children.get(i);
      Widths w = kids[i].span;
      Layer conv = onlyWeightedLeaf(child);
      if (conv == null || !w.knownIn() || w.in() != w.out() || width != Widths.UNKNOWN && width != w.in()) {
        return false;
      }
      kernels.add(String.valueOf(conv.arguments().get("kernel_size")));
      long[] stride = Arguments.tuple(conv.arguments().get("stride"));
      allStrided &= stride.length > 0 && java.util.Arrays.stream(stride).anyMatch(v -> v > 1);
    }
    return kernels.size() > 1 || allStrided;
  }

  /** The one conv/FC leaf under {@code layer}, or {@code null} where there are none or several. */
  private Layer onlyWeightedLeaf(Layer layer) {
    Layer found = null;
    Deque<Layer> stack = new ArrayDeque<>();
    stack.push(layer);
    while (!stack.isEmpty()) {
      Layer next = stack.pop();
      if (next.isLeaf() && ownWeighted.applyAsInt(next) > 0) {
        if (found != null || next != layer && next.repeat() > 1 || ownWeighted.applyAsInt(next) > 1) {
          return null;
        }
        found = next;
      }
      next.children().forEach(stack::push);
    }
    return found;
  }

  private static boolean readsChannelSlices(Layer layer, Facts[] kids, long inputWidth) {
    List<Layer> children = layer.children();
    if (inputWidth == Widths.UNKNOWN || children.size() < 2) {
      return false;
    }
    long sum = 0;
    for (int i = 0; i < kids.length; i++) {
      Layer child = children.get(i);
      Facts f = kids[i];
      Widths w = f.span;
      if (!child.isLeaf() || f.weighted == 0 || !w.knownIn()) {
        return false;
      }
      sum += w.in() * child.repeat();
    }
    return sum == inputWidth;
  }

  /**
   * Whether {@code width} is the number of rows of an embedding table in the tree: a Linear writing
   * it writes a vocabulary's logits ({@code lm_head} beside {@code Embedding(257152, 2048)}).
   */
  private boolean isVocabulary(long width) {
    if (vocabularies == null) {
      long[] found = new long[4];
      int n = 0;
      Deque<Layer> pending = new ArrayDeque<>();
      pending.push(root);
      while (!pending.isEmpty()) {
        Layer layer = pending.pop();
        long dim = Widths.embeddingWidth(layer);
        long rows = dim == Widths.UNKNOWN ? Widths.UNKNOWN : layer.arguments().longValue("num_embeddings", 0, Widths.UNKNOWN);
        if (rows > dim) {
          // more rows than columns: a vocabulary's table (a position table has about as many
          // positions as its width, or fewer)
          found = n == found.length ? Arrays.copyOf(found, 2 * n) : found;
          found[n++] = rows;
        }
        layer.children().forEach(pending::push);
      }
      vocabularies = Arrays.copyOf(found, n);
      Arrays.sort(vocabularies);
    }
    return width != Widths.UNKNOWN && Arrays.binarySearch(vocabularies, width) >= 0;
  }

  /** Whether {@code layer} is one fully connected layer, or holds one alone (Tacotron's LinearNorm). */
  private static boolean singleLinear(Layer layer) {
    while (!layer.isLeaf() && layer.children().size() == 1) {
      layer = layer.children().get(0);
    }
    return layer.isLeaf() && layer.arguments().get("in_features") != null;
  }

  /**
   * Whether {@code layer} embeds tokens: its first leaf, in print order, or a leaf among its children
   * is an embedding table (a vocoder's {@code unit_embedding}, printed after its duration predictor).
   */
  private static boolean readsTokens(Layer layer) {
    for (Layer child : layer.children()) {
      if (Widths.embeddingWidth(child) != Widths.UNKNOWN) {
        return true;
      }
    }
    while (!layer.isLeaf()) {
      layer = layer.children().get(0);
    }
    return Widths.embeddingWidth(layer) != Widths.UNKNOWN;
  }

  private static boolean containsSame(List<Point> points, Point p) {
    for (int i = 0, n = points.size(); i < n; i++) {
      if (points.get(i) == p) {
        return true;
      }
    }
    return false;
  }

  /**
   * The conv/FC layers on the longest way on from {@code from} through the tensors made from it,
   * each point's answer kept in {@code onward}. A depth-first walk with the points on its way
   * marked: a damaged text can make a tensor that feeds one it was made from, and a walk that
   * pushed every unfinished successor again went round such a loop until the heap ran out (fuzz
   * seed 1, cases 9603 and 36978); an edge back to a point on the way counts for nothing.
   */
  private static long onward(Point from, Map<Point, Long> onward) {
    if (onward.containsKey(from)) {
      return onward.get(from);
    }
    Set<Point> onTheWay = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Point> path = new ArrayDeque<>();
    Deque<List<Point>> feeds = new ArrayDeque<>();
    Deque<int[]> next = new ArrayDeque<>();
    path.push(from);
    feeds.push(from.feeds());
    next.push(new int[] {0});
    onTheWay.add(from);
    while (!path.isEmpty()) {
      Point p = path.peek();
      List<Point> made = feeds.peek();
      int[] i = next.peek();
      if (i[0] < made.size()) {
        Point q = made.get(i[0]++);
        if (!onward.containsKey(q) && onTheWay.add(q)) {
          path.push(q);
          feeds.push(q.feeds());
          next.push(new int[] {0});
        }
        continue;
      }
      long best = 0;
      for (Point q : made) {
        Long after = onward.get(q);
        if (after != null) {
          best = Math.max(best, Saturating.add(q.step(), after));
        }
      }
      onward.put(p, best);
      onTheWay.remove(p);
      path.pop();
      feeds.pop();
      next.pop();
    }
    return onward.get(from);
  }

  /** One Inception branch inside a block: the step it is at, what that step reads and wrote. */
  private static final class BranchState {
    int step;
    Point reads;
    final List<Point> ends = new ArrayList<>();

    BranchState(int step, Point reads) {
      this.step = step;
      this.reads = reads;
    }

    /** What the next step reads: the last step's output, its lanes concatenated. */
    Point end() {
      Point deepest = ends.isEmpty() ? reads : ends.get(0);
      long width = 0;
      for (Point p : ends) {
        deepest = p.depth > deepest.depth ? p : deepest;
        width = width == Widths.UNKNOWN || p.width == Widths.UNKNOWN ? Widths.UNKNOWN : width + p.width;
      }
      if (ends.size() <= 1) {
        return deepest;
      }
      Point concatenated = new Point(deepest.depth, width, deepest, -1);
      for (Point p : ends) {
        if (p != deepest) {
          p.feed(concatenated);
        }
      }
      return concatenated;
    }
  }
}
