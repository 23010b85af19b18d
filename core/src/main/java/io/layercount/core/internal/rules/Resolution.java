package io.layercount.core.internal.rules;

import io.layercount.core.model.LayerKind;

/**
 * What the rules say about one printed layer.
 *
 * @param kind what the layer does
 * @param ownParameters parameters the layer owns itself (its children not included); a lower bound
 *     (usually 0) when {@code known} is false
 * @param known whether {@code ownParameters} follows from a rule or from the text's own count
 * @param exact whether a known count is exact (false for rules the table marks approximate)
 * @param weighted how many convolution/FC layers the layer itself is (MultiheadAttention: 1 for its
 *     hidden input projection; its out_proj child counts apart)
 * @param basis where the answer came from: {@code table}, {@code corpus},
 *     {@code stated}, {@code unknown}, {@link #UNREADABLE}, {@link #MISSING},
 *     {@link #NEEDS_INPUT} or {@link #GIVEN_INPUT}
 * @param note a caveat to report with the count, or {@code null}
 */
public record Resolution(
    LayerKind kind, long ownParameters, boolean known, boolean exact, int weighted, String basis, String note) {

  /** The basis of a layer of no known class counted as torch.nn.Linear, whose arguments it prints. */
  public static final String AS_LINEAR = "as Linear";

  /** The basis of a layer whose rule exists but whose printed arguments do not give its size. */
  public static final String UNREADABLE = "unreadable";

  /** The basis of a LayerNorm whose bias is not printed and not known from its owner. */
  public static final String BIAS_UNKNOWN = "bias-unknown";

  /** The basis of a layer whose rule names tensors it owns that no text shows (a lower bound). */
  public static final String MISSING = "missing";

  /** The basis of a leaf printed unlike the class of its name always prints (another class); the note says how. */
  public static final String OTHER_CLASS = "other-class";

  /** The basis of a layer owning tensors sized by the input image, which was not stated. */
  public static final String NEEDS_INPUT = "needs-input";

  /** The basis of a count exact for the input size the user stated; the note says what it assumed. */
  public static final String GIVEN_INPUT = "given-input";

  /** A layer no rule covers: it may own parameters the text does not show. */
  public static Resolution unknown(LayerKind kind, String note) {
    return unknown(kind, "unknown", note);
  }

  /** As {@link #unknown(LayerKind, String)}, on another basis than {@code unknown}. */
  public static Resolution unknown(LayerKind kind, String basis, String note) {
    return new Resolution(kind, 0, false, false, kind.isWeighted() ? 1 : 0, basis, note);
  }
}
