package io.layercount.core.internal.rules;

import io.layercount.core.model.Layer;
import io.layercount.core.model.LayerKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * Tensors the text suggests are one tensor printed at several places: token embeddings of one
 * shape under the usual names (a {@code shared} embedding beside encoder and decoder
 * {@code embed_tokens}, the shared one above the others), and a language-model head ({@link #HEADS})
 * whose weight has a token embedding's shape; and a block under a key that says it is shared
 * ({@code shared_transformer}) printed in full at several places with the same text (a module
 * registered under several parents prints at each: Zamba's one transformer block, called between
 * its Mamba layers); and a head printed again with the same text under the key of the layer it is
 * reused as ({@link #HEAD_TWINS}). The text cannot prove a tie (Llama-2 prints the same head untied), so the
 * result is an assumption, reported as such, and only where such a pattern is printed.
 */
public final class TiedWeights {
  private static final Set<String> TOKEN_EMBEDDINGS =
      Set.of("shared", "embed_tokens", "word_embeddings", "wte", "tok_embeddings", "token_embedding", "embed_in",
          "embeddings", "embedding");
  /**
   * Keys of output projections that Hugging Face ties to the token embedding by default: a causal or
   * seq2seq model's {@code lm_head}, Whisper's {@code proj_out}, a masked-LM head's {@code decoder}
   * (BERT's {@code cls.predictions.decoder}, RoBERTa's {@code lm_head.decoder}). A leaf so named is
   * taken as tied only where its weight has a token embedding's shape (vocabulary × width).
   */
  private static final Set<String> HEADS = Set.of("lm_head", "proj_out", "decoder");
  /**
   * Keys of blocks registered once and called at several places. Not {@code shared_expert(s)} or
   * {@code shared_mlp}: a mixture-of-experts layer's always-active experts, one per layer.
   */
  private static final Set<String> SHARED_BLOCKS = Set.of("shared_transformer", "shared_transf");
  /**
   * Keys of heads → the key of the layer they are one tensor with when both print the same text:
   * a two-stage detector's proposal heads reused by its decoder (RT-DETR-style {@code enc_score_head}
   * as {@code decoder.class_embed}, {@code enc_bbox_head} as {@code decoder.bbox_embed}), a CTC
   * head that is its encoder's vocabulary projection ({@code ctc_head} as {@code encoder.out}), a
   * policy's actor and critic feature extractors that are its one extractor (Stable-Baselines3's
   * {@code pi_features_extractor} and {@code vf_features_extractor} as {@code features_extractor},
   * printed three times when shared, its default). Printed differently (a decoder's {@code
   * class_embed} holding a head per layer) they are not.
   */
  private static final Map<String, String> HEAD_TWINS =
      Map.of("enc_score_head", "class_embed", "enc_bbox_head", "bbox_embed", "ctc_head", "out",
          "pi_features_extractor", "features_extractor", "vf_features_extractor", "features_extractor");
  /** The values of {@link #HEAD_TWINS}, to test a name by hash rather than by a scan of the map. */
  private static final Set<String> HEAD_TWIN_VALUES = Set.copyOf(HEAD_TWINS.values());
  /** Every key a pattern above names: a node under any other key is passed over with one lookup. */
  private static final Set<String> PATTERN_KEYS = patternKeys();

  private static Set<String> patternKeys() {
    Set<String> keys = new HashSet<>(TOKEN_EMBEDDINGS);
    keys.addAll(HEADS);
    keys.addAll(SHARED_BLOCKS);
    keys.addAll(HEAD_TWINS.keySet());
    keys.addAll(HEAD_TWIN_VALUES);
    return Set.copyOf(keys);
  }

  /** Parameters counted more than once under the assumption, 0 when no pattern is printed. */
  public final long saved;
  /** One line per group of tensors assumed tied, for a diagnostic. */
  public final List<String> groups = new ArrayList<>();

  /** Looks for tie patterns in the tree; {@code resolution} gives what the rules say about each node. */
  public TiedWeights(Layer root, Function<Layer, Resolution> resolution) {
    Function<Layer, LayerKind> kindOf = layer -> resolution.apply(layer).kind();
    Map<String, List<String>> embeddings = new LinkedHashMap<>();
    Map<String, List<String>> heads = new LinkedHashMap<>();
    Map<String, List<Step>> sharedBlocks = new LinkedHashMap<>();
    List<Step> headSteps = new ArrayList<>();
    Map<String, List<Step>> twinsByKey = new LinkedHashMap<>();
    // the layers to visit, each beside the step of its parent: a node's own step is made only for
    // a node with children (theirs name it) or one a pattern names, not for every leaf
    Layer[] layers = new Layer[16];
    Step[] parents = new Step[16];
    layers[0] = root;
    int top = 1;
    while (top > 0) {
      top--;
      Layer layer = layers[top];
      Step parent = parents[top];
      List<Layer> children = layer.children();
      Step own = null;
      if (!children.isEmpty()) {
        own = new Step(layer, parent);
        if (top + children.size() > layers.length) {
          int size = Math.max(2 * layers.length, top + children.size());
          layers = Arrays.copyOf(layers, size);
          parents = Arrays.copyOf(parents, size);
        }
        // pushed in printed order, so visited last to first, as before
        for (int i = 0; i < children.size(); i++) {
          Layer child = children.get(i);
          if (child.repeat() == 1) { // a tensor inside a run would be tied once per occurrence: not a pattern we read
            layers[top] = child;
            parents[top++] = own;
          }
        }
      }
      if (parent == null || !PATTERN_KEYS.contains(layer.name())) {
        continue; // the root, and nearly every node: no pattern names its key
      }
      Step step = own != null ? own : new Step(layer, parent);
      if (!layer.isLeaf() && SHARED_BLOCKS.contains(layer.name())) {
        sharedBlocks.computeIfAbsent(canonicalText(layer), k -> new ArrayList<>()).add(step);
      }
      if (HEAD_TWINS.containsKey(layer.name())) {
        headSteps.add(step);
      }
      if (HEAD_TWIN_VALUES.contains(layer.name())) {
        twinsByKey.computeIfAbsent(layer.name(), k -> new ArrayList<>()).add(step);
      }
      if (!layer.isLeaf()) {
        continue;
      }
      if (TOKEN_EMBEDDINGS.contains(layer.name()) && kindOf.apply(layer) == LayerKind.EMBEDDING) {
        shape(layer, "num_embeddings", "embedding_dim")
            .ifPresent(s -> embeddings.computeIfAbsent(s, k -> new ArrayList<>()).add(step.path()));
      } else if (HEADS.contains(layer.name()) && kindOf.apply(layer) == LayerKind.FULLY_CONNECTED) {
        shape(layer, "out_features", "in_features")
            .ifPresent(s -> heads.computeIfAbsent(s, k -> new ArrayList<>()).add(step.path()));
      }
    }
    long total = 0;
    for (Map.Entry<String, List<String>> e : embeddings.entrySet()) {
      List<String> tied = new ArrayList<>(hasAnchor(e.getValue()) ? e.getValue() : e.getValue().subList(0, 1));
      tied.addAll(heads.getOrDefault(e.getKey(), List.of()));
      if (tied.size() < 2) {
        continue;
      }
      Collections.sort(tied);
      total = saturatingAdd(total, saturatingMultiply(tied.size() - 1, size(e.getKey())));
      groups.add(String.join(", ", tied) + " (" + e.getKey() + " each)");
    }
    for (List<Step> copies : sharedBlocks.values()) {
      long each = copies.size() < 2 ? -1 : subtreeParameters(copies.get(0).layer(), resolution);
      if (each <= 0) {
        continue;
      }
      total = saturatingAdd(total, saturatingMultiply(copies.size() - 1, each));
      groups.add(copies.get(0).path() + " and " + (copies.size() - 1) + " more printed the same under the same key (one "
          + copies.get(0).layer().typeName() + " of " + each + " parameters, registered at " + copies.size() + " places)");
    }
    for (Step head : headSteps) {
      String text = canonicalText(head.layer()).substring(head.layer().name().length());
      List<Step> twins = new ArrayList<>();
      for (Step twin : twinsByKey.getOrDefault(HEAD_TWINS.get(head.layer().name()), List.of())) {
        if (canonicalText(twin.layer()).substring(twin.layer().name().length()).equals(text)) {
          twins.add(twin);
        }
      }
      // what the text shows of it twice (a class of no rule inside may hold more, in both places)
      long each = twins.size() == 1 ? shownParameters(head.layer(), resolution) : -1;
      if (each <= 0) {
        continue;
      }
      total = saturatingAdd(total, each);
      List<String> tied = new ArrayList<>(List.of(head.path(), twins.get(0).path()));
      Collections.sort(tied);
      groups.add(String.join(", ", tied) + " (" + head.layer().typeName() + ", " + each + " parameters each)");
    }
    saved = total;
  }

  /**
   * The printed text of a subtree in one canonical form (classes, arguments, keys and runs), built
   * without recursion; two blocks of equal text may be one module printed twice.
   */
  private static String canonicalText(Layer block) {
    StringBuilder out = new StringBuilder();
    Deque<Object> stack = new ArrayDeque<>();
    stack.push(block);
    while (!stack.isEmpty()) {
      Object top = stack.pop();
      if (top instanceof String close) {
        out.append(close);
        continue;
      }
      Layer l = (Layer) top;
      out.append(l.name()).append('*').append(l.repeat()).append(':').append(l.typeName())
          .append('(').append(l.arguments().raw()).append(")[");
      stack.push("]");
      for (int i = l.children().size() - 1; i >= 0; i--) {
        stack.push(l.children().get(i));
      }
    }
    return out.toString();
  }

  /** What a subtree owns, or -1 when some part of it is not known exactly. */
  private static long subtreeParameters(Layer block, Function<Layer, Resolution> resolution) {
    return parameters(block, resolution, true);
  }

  /** What the known layers of a subtree own (a layer of unknown size adds nothing), or -1 for none. */
  private static long shownParameters(Layer block, Function<Layer, Resolution> resolution) {
    long sum = parameters(block, resolution, false);
    return sum > 0 ? sum : -1;
  }

  /**
   * What the layers of a subtree own, runs expanded: with {@code exactOnly}, -1 as soon as one is not
   * known exactly; else what the known ones own.
   */
  private static long parameters(Layer block, Function<Layer, Resolution> resolution, boolean exactOnly) {
    long sum = 0;
    Deque<Layer> layers = new ArrayDeque<>();
    Deque<Long> counts = new ArrayDeque<>();
    layers.push(block);
    counts.push(1L);
    while (!layers.isEmpty()) {
      Layer l = layers.pop();
      long n = counts.pop();
      Resolution r = resolution.apply(l);
      boolean counted = r != null && r.known() && (r.exact() || !exactOnly);
      if (!counted && exactOnly) {
        return -1;
      }
      if (counted) {
        sum = saturatingAdd(sum, saturatingMultiply(n, r.ownParameters()));
      }
      for (Layer child : l.children()) {
        layers.push(child);
        counts.push(saturatingMultiply(n, child.repeat()));
      }
    }
    return sum;
  }

  /**
   * Whether one embedding sits above all the others (a {@code shared} embedding beside the
   * encoder and decoder that hold the others): a model built to share them. Two same-shaped
   * embeddings side by side (a translation model's two vocabularies) are not read as a tie.
   */
  private static boolean hasAnchor(List<String> paths) {
    if (paths.size() < 2) {
      return false;
    }
    for (String anchor : paths) {
      String scope = parent(anchor);
      boolean above = true;
      for (String other : paths) {
        if (!other.equals(anchor) && !(parent(other).length() > scope.length()
            && (scope.isEmpty() || parent(other).startsWith(scope + ".")))) {
          above = false;
          break;
        }
      }
      if (above) {
        return true;
      }
    }
    return false;
  }

  /** A node reached from its parent; the dotted path is built only for the few that match a pattern. */
  private record Step(Layer layer, Step parent) {
    String path() {
      Deque<String> keys = new ArrayDeque<>();
      for (Step s = this; s.parent() != null; s = s.parent()) {
        keys.push(s.layer().name());
      }
      return String.join(".", keys);
    }
  }

  private static String parent(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? "" : path.substring(0, dot);
  }

  /** {@code "rows×columns"} of a printed weight, read by name or else by position. */
  private static Optional<String> shape(Layer layer, String rows, String columns) {
    boolean embedding = rows.startsWith("num");
    OptionalLong r = layer.arguments().longValue(rows, embedding ? 0 : 1);
    OptionalLong c = layer.arguments().longValue(columns, embedding ? 1 : 0);
    return r.isPresent() && c.isPresent() ? Optional.of(r.getAsLong() + "×" + c.getAsLong()) : Optional.empty();
  }

  private static long size(String shape) {
    String[] rc = shape.split("×");
    return saturatingMultiply(Long.parseLong(rc[0]), Long.parseLong(rc[1]));
  }

  private static long saturatingMultiply(long a, long b) {
    return Sizes.product(a, b).orElse(Long.MAX_VALUE);
  }

  private static long saturatingAdd(long a, long b) {
    return Sizes.plus(OptionalLong.of(a), OptionalLong.of(b)).orElse(Long.MAX_VALUE);
  }
}
