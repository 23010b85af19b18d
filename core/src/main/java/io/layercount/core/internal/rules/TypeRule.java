package io.layercount.core.internal.rules;

import io.layercount.core.model.LayerKind;

/**
 * One row of a rule table: the kind of a class and the formula for what it owns.
 *
 * @param kind what the layer does
 * @param formula the named formula
 * @param exact whether the formula is exact for every printout of the class
 * @param weighted how many conv/FC layers the class itself counts as
 * @param note a caveat, or {@code null}
 * @param basis {@code table} (hand-written) or {@code corpus} (generated from corpus truth)
 */
record TypeRule(LayerKind kind, Formulas.Named formula, boolean exact, int weighted, String note, String basis) {}
