/**
 * The framework-neutral model a parser recovers from text: a {@link io.layercount.core.model.Network}
 * holding a tree of {@link io.layercount.core.model.Layer}s with their printed
 * {@link io.layercount.core.model.Arguments}. All values are immutable.
 */
package io.layercount.core.model;
