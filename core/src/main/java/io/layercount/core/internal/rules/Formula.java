package io.layercount.core.internal.rules;

import io.layercount.core.model.Layer;
import java.util.OptionalLong;

/**
 * A named way of computing the parameters a layer owns itself (not its children) from what its
 * printout shows. Empty when the printed arguments do not give the count.
 */
@FunctionalInterface
interface Formula {
  OptionalLong ownParameters(Layer layer);
}
