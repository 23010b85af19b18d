package io.layercount.core.internal.depth;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a child's key alone says about where it reads from. Widths decide most of the dataflow;
 * names settle what widths cannot: a shortcut whose width fits the stream, projections that share
 * one input, heads that forward never calls.
 *
 * <p>Keys are compared as sets and prefixes, not regular expressions: the replay asks about every
 * child occurrence, and matching a pattern each time was a tenth of the whole analysis.
 */
public enum ChildRole {
  /** {@code downsample}, {@code shortcut}, {@code skip}, {@code sc}: reads the block's input, bypassing its siblings. */
  BYPASS(Set.of("downsample", "shortcut", "skip", "residual", "conv_skip", "short", "shortcut_conv", "proj_shortcut",
      "sc"),
      null),
  /**
   * {@code q}/{@code k}/{@code v} and gated-MLP {@code gate_proj}/{@code up_proj} projections: each
   * reads the same input as the previous sibling of this role. Attention projections keyed by their
   * part ({@code query_proj}, {@code q_content_proj}, {@code linear_k}) are read by {@link #projected}.
   */
  SHARED_INPUT(Set.of("q", "k", "v", "kv", "query", "key", "value", "q_proj", "k_proj", "v_proj", "to_q", "to_k", "to_v",
      "to_query", "to_key", "to_value", "wq", "wk", "wv", "receptance", "gate_proj", "up_proj", "w1", "w3", "fc1_g",
      "fc1_x"), null),
  /**
   * Inception {@code branch*} children: {@code branch5x5_1} then {@code branch5x5_2} chain, the first
   * of a branch reads the block's input, {@code _2a}/{@code _2b} read the same step side by side, and
   * the block writes all branch ends concatenated.
   */
  BRANCH(Set.of(), "branch"),
  /** {@code aux*}, {@code AuxLogits}: a training-time classifier off the main path. */
  AUXILIARY(Set.of(), "aux"),
  /** Anything else: placed by its widths. */
  PLAIN(Set.of(), null);

  private static final List<String> QUERY = List.of("q", "query", "q_proj", "to_q", "to_query", "wq", "query_proj");
  private static final List<String> FUSED = List.of("qkv", "to_qkv", "qkv_proj", "to_qkv_proj");
  /** Every exact key, with its role: no key of one role is a key or a prefix of another's. */
  private static final Map<String, ChildRole> BY_KEY = byKey(BYPASS, SHARED_INPUT);

  /** Keys of this role, matched exactly. */
  private final Set<String> keys;
  /** A prefix of this role's keys, matched ignoring ASCII case, or {@code null}. */
  private final String prefix;

  ChildRole(Set<String> keys, String prefix) {
    this.keys = keys;
    this.prefix = prefix;
  }

  /** Whether a child is a fused query-key-value projection, whose output attention reads in parts. */
  static boolean isFusedQkv(String name) {
    return equalsOneIgnoringAsciiCase(name, FUSED);
  }

  /** Whether a {@link #SHARED_INPUT} projection is the query, whose width attention's result has. */
  static boolean isQuery(String name) {
    return equalsOneIgnoringAsciiCase(name, QUERY) || projected(name) == 'q';
  }

  /**
   * What an attention's projection keyed by its part projects: {@code 'q'}, {@code 'k'} or {@code
   * 'v'} ({@code 'p'} for a relative position's), 0 for any other key. The keys are {@code q},
   * {@code k}, {@code v}, {@code query}, {@code key} or {@code value}, then {@code _content}, {@code
   * _pos} or {@code _pos_sine} or nothing, then {@code _proj} or {@code _projection}, after {@code
   * self_attn_} or {@code cross_attn_} or nothing (Conditional DETR's {@code q_content_proj} and
   * {@code k_pos_proj}, DAB-DETR's {@code cross_attn_key_content_proj}, Informer's {@code
   * query_projection}); or {@code linear_} then {@code q}, {@code k}, {@code v} or {@code pos}
   * (ESPnet's and NeMo's {@code linear_q} ... {@code linear_pos}, the last reading the position
   * table). The parts of a query sum or stand side by side, each reading its own input, so none runs
   * after another. DeepSeek's {@code q_a_proj} and {@code q_b_proj}, which run one after the other,
   * are not such keys. Compared in place: the replay asks about every child it runs.
   */
  static char projected(String name) {
    if (name.startsWith("linear_")) {
      int at = "linear_".length();
      for (String part : LINEAR_PARTS) {
        if (name.length() == at + part.length() && name.startsWith(part, at)) {
          return part.charAt(0);
        }
      }
      return 0;
    }
    int end = name.endsWith("_proj") ? name.length() - "_proj".length()
        : name.endsWith("_projection") ? name.length() - "_projection".length() : -1;
    if (end <= 0) {
      return 0;
    }
    int at = name.startsWith("self_attn_") ? "self_attn_".length()
        : name.startsWith("cross_attn_") ? "cross_attn_".length() : 0;
    char part = 0;
    for (String stem : PARTS) {
      if (name.startsWith(stem, at)) {
        part = stem.charAt(0);
        at += stem.length();
        break;
      }
    }
    if (part == 0) {
      return 0;
    }
    for (String middle : MIDDLES) {
      if (at + middle.length() == end && name.startsWith(middle, at)) {
        return part;
      }
    }
    return 0;
  }

  /**
   * Whether a child projects a relative position table, not the data ({@code linear_pos}): what it
   * writes joins attention's scores, and no path from the data runs through it.
   */
  static boolean projectsPositions(String name) {
    return name.startsWith("linear_p") && projected(name) == 'p';
  }

  /**
   * Whether a child is keyed as a relative-position bias of attention's scores ({@code
   * relative_pos_embeddings}, {@code rel_pos_bias}): what it writes is added to the scores, so it
   * is not the attention's output even where it is printed last.
   */
  static boolean biasesScores(String name) {
    return name.startsWith("relative_pos") || name.startsWith("rel_pos");
  }

  /**
   * Whether a child is keyed as a per-head norm of attention's queries or keys ({@code q_norm},
   * {@code k_norm} in Qwen3, Gemma 3 and OLMo 2; {@code q_layernorm}; diffusers' {@code norm_q},
   * {@code norm_added_k}): it normalises a projection's heads on their way to the scores, so what it
   * writes is not the attention's output even where it is printed last, and no later projection
   * reads it (its width is a head's, which a key or value projection may write too).
   */
  static boolean normsHeads(String name) {
    // no substring made: the depth inference asks this of nearly every child it measures
    if (name.startsWith("norm_")) {
      int at = name.startsWith("norm_added_") ? "norm_added_".length() : "norm_".length();
      return name.length() == at + 1 && (name.charAt(at) == 'q' || name.charAt(at) == 'k');
    }
    int cut = name.indexOf('_');
    boolean part = cut == 1 && (name.charAt(0) == 'q' || name.charAt(0) == 'k')
        || cut == 5 && name.startsWith("query") || cut == 3 && name.startsWith("key");
    if (!part) {
      return false;
    }
    int rest = name.length() - cut - 1;
    return rest == 4 && name.endsWith("norm") || rest == 9 && name.endsWith("layernorm")
        || rest == 2 && name.endsWith("ln");
  }

  /**
   * Whether a child is keyed as a joint attention's projection of the other stream (diffusers'
   * {@code add_q_proj}, {@code add_k_proj}, {@code add_v_proj} in SD3's and Flux's attention).
   */
  static boolean projectsOtherStream(String name) {
    return name.startsWith("add_") && name.endsWith("_proj") && name.length() == "add_q_proj".length()
        && "qkv".indexOf(name.charAt(4)) >= 0;
  }

  /**
   * Whether a child is keyed as a mixture's shared expert ({@code shared_experts} in DeepSeek,
   * {@code shared_expert} and {@code shared_expert_gate} in Qwen2-MoE): it runs on the module's
   * input beside the routed experts, its output added to theirs.
   */
  static boolean isSharedExpert(String name) {
    return name.startsWith("shared_expert");
  }

  /** The parts {@link #projected} knows, longer before shorter where one starts another. */
  private static final List<String> PARTS = List.of("query", "key", "value", "q", "k", "v");
  private static final List<String> MIDDLES = List.of("", "_content", "_pos", "_pos_sine");
  private static final List<String> LINEAR_PARTS = List.of("q", "k", "v", "pos");

  /**
   * Whether child {@code k} of {@code children} is a gated MLP's projection whose partner is printed
   * before it ({@code up_proj} after {@code gate_proj}, {@code w3} after {@code w1}): what it writes
   * their product is made of, which a third projection reads, so it is not the module's output even
   * where it is printed last (an old LLaMA prints {@code gate_proj}, {@code down_proj}, {@code up_proj}).
   */
  public static boolean isLatePartner(List<io.layercount.core.model.Layer> children, int k) {
    String partner = GATED_PAIRS.get(children.get(k).name());
    if (partner == null) {
      return false;
    }
    for (int i = 0; i < k; i++) {
      if (partner.equals(children.get(i).name())) {
        return true;
      }
    }
    return false;
  }

  /** The two projections of a gated MLP, each reading its input: their product is what the third reads. */
  private static final Map<String, String> GATED_PAIRS = Map.of("gate_proj", "up_proj", "up_proj", "gate_proj",
      "w1", "w3", "w3", "w1", "fc1_g", "fc1_x", "fc1_x", "fc1_g");

  /** Whether {@code name} is a gated MLP's projection whose partner is {@code key} ({@code up_proj}, {@code gate_proj}). */
  static boolean pairsWith(String name, String key) {
    return key != null && key.equals(GATED_PAIRS.get(name));
  }

  static ChildRole of(String name) {
    if (name.isEmpty() || name.charAt(0) <= '9') {
      return PLAIN; // positions ("0", "12") and the root: no key of a role starts so
    }
    ChildRole role = BY_KEY.get(name);
    if (role != null) {
      return role;
    }
    char part = projected(name);
    if (part != 0 && part != 'p') {
      return SHARED_INPUT;
    }
    return startsWithIgnoringAsciiCase(name, BRANCH.prefix) ? BRANCH
        : startsWithIgnoringAsciiCase(name, AUXILIARY.prefix) ? AUXILIARY
        : PLAIN;
  }

  private static Map<String, ChildRole> byKey(ChildRole... roles) {
    Map<String, ChildRole> map = new HashMap<>();
    for (ChildRole role : roles) {
      role.keys.forEach(k -> map.put(k, role));
    }
    return map;
  }

  /**
   * What the patterns {@code (?i)branch.*} and {@code (?i)aux.*} matched: the prefix in any ASCII
   * case, then anything but a line end.
   */
  private static boolean startsWithIgnoringAsciiCase(String name, String lowerPrefix) {
    if (name.length() < lowerPrefix.length()) {
      return false;
    }
    for (int i = 0; i < lowerPrefix.length(); i++) {
      if (asciiLower(name.charAt(i)) != lowerPrefix.charAt(i)) {
        return false;
      }
    }
    for (int i = lowerPrefix.length(); i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return false;
      }
    }
    return true;
  }

  private static boolean equalsOneIgnoringAsciiCase(String name, List<String> lowerKeys) {
    if (name.isEmpty() || name.charAt(0) <= '9') {
      return false; // positions: no key starts so (most children are numbered)
    }
    for (String key : lowerKeys) {
      if (key.length() == name.length() && startsWithIgnoringAsciiCase(name, key)) {
        return true;
      }
    }
    return false;
  }

  private static char asciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }
}
