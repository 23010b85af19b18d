package io.layercount.core.internal.rules;

import io.layercount.core.model.LayerKind;
import java.util.List;

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
 */
record TypeRule(LayerKind kind, Formulas.Named formula, boolean exact, int weighted, String note, String basis,
    boolean biasHidden, List<HiddenChild> hidden) {

  public TypeRule {
    hidden = List.copyOf(hidden);
  }
}
