package io.layercount.core.internal.rules;

import io.layercount.core.model.Layer;
import io.layercount.core.model.LayerKind;
import java.util.List;
import java.util.Set;

/**
 * One row of a rule table: the kind of a class and the formula for what it owns.
 *
 * @param kind what the layer does
 * @param formula the named formula
 * @param exact whether the formula is exact for every printout of the class
 * @param weighted how many conv/FC layers the class itself counts as
 * @param note a caveat, or {@code null}
 * @param basis {@code table} (hand-written) or {@code corpus} (generated from corpus truth)
 * @param biasHidden whether a bias the class may lack goes unprinted (LayerNorm), so its count
 *     depends on the owning class
 * @param hidden child modules the class's printed text does not show
 * @param onlyChildren the only child keys a printout of the class shows, or empty for any: a module of
 *     that name printing others is another class (fairseq's {@code MultiheadAttention} prints its own
 *     {@code q_proj}, {@code k_proj} and {@code v_proj}, and hides no input projection)
 * @param printsArguments whether every printout of the class shows arguments: a leaf of that name
 *     printed with none is another class (torch.nn's {@code GLU} always prints {@code dim=}; a
 *     {@code GLU()} is a gated MLP of some library, holding its weights as tensors it does not print)
 */
record TypeRule(LayerKind kind, Formulas.Named formula, boolean exact, int weighted, String note, String basis,
    boolean biasHidden, List<HiddenChild> hidden, Set<String> onlyChildren, boolean printsArguments) {

  public TypeRule {
    hidden = List.copyOf(hidden);
    onlyChildren = Set.copyOf(onlyChildren);
  }

  /** Whether {@code layer} prints arguments where the class always does (see {@link #printsArguments}). */
  boolean fitsArguments(Layer layer) {
    return !printsArguments || !layer.isLeaf() || !layer.arguments().positional().isEmpty()
        || !layer.arguments().named().isEmpty();
  }

  /** Whether {@code layer}'s printed children are all ones the class prints (see {@link #onlyChildren}). */
  boolean fitsChildren(Layer layer) {
    if (onlyChildren.isEmpty()) {
      return true;
    }
    for (Layer child : layer.children()) {
      if (!onlyChildren.contains(child.name())) {
        return false;
      }
    }
    return true;
  }
}
