package io.layercount.core.internal.depth;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a child's key alone says about where it reads from. Widths decide most of the dataflow;
 * names settle what widths cannot: a shortcut whose width fits the stream, projections that share
 * one input, heads that forward never calls.
 */
enum ChildRole {
  /** {@code downsample}, {@code shortcut}, {@code skip}: reads the block's input, bypassing its siblings. */
  BYPASS("(downsample|shortcut|skip|residual|conv_skip|short|shortcut_conv|proj_shortcut)"),
  /**
   * {@code q}/{@code k}/{@code v} and gated-MLP {@code gate_proj}/{@code up_proj} projections: each
   * reads the same input as the previous sibling of this role.
   */
  SHARED_INPUT("(q|k|v|kv|query|key|value|q_proj|k_proj|v_proj|to_q|to_k|to_v|to_query|to_key|to_value|wq|wk|wv|gate_proj|up_proj|w1|w3"
      + "|fc1_g|fc1_x)"),
  /**
   * Inception {@code branch*} children: {@code branch5x5_1} then {@code branch5x5_2} chain, the first
   * of a branch reads the block's input, {@code _2a}/{@code _2b} read the same step side by side, and
   * the block writes all branch ends concatenated.
   */
  BRANCH("(?i)branch.*"),
  /** {@code aux*}, {@code AuxLogits}: a training-time classifier off the main path. */
  AUXILIARY("(?i)aux.*"),
  /** Anything else: placed by its widths. */
  PLAIN(null);

  private static final Pattern QUERY = Pattern.compile("(?i)(q|query|q_proj|to_q|to_query|wq|query_proj)");
  private static final List<ChildRole> NAMED = List.of(BYPASS, SHARED_INPUT, BRANCH, AUXILIARY);
  private final Pattern key;

  ChildRole(String key) {
    this.key = key == null ? null : Pattern.compile(key);
  }

  private static final Pattern FUSED = Pattern.compile("(?i)(to_)?qkv(_proj)?");

  /** Whether a child is a fused query-key-value projection, whose output attention reads in parts. */
  static boolean isFusedQkv(String name) {
    return FUSED.matcher(name).matches();
  }

  /** Whether a {@link #SHARED_INPUT} projection is the query, whose width attention's result has. */
  static boolean isQuery(String name) {
    return QUERY.matcher(name).matches();
  }

  static ChildRole of(String name) {
    for (ChildRole role : NAMED) {
      if (role.key.matcher(name).matches()) {
        return role;
      }
    }
    return PLAIN;
  }
}
