package io.layercount.core.model;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The immutable child list of every {@link Layer}: one class, so that the calls the counting makes
 * on children lists all see the same receiver (the JDK's immutable lists come in two classes, by
 * size, and a call site that sees both dispatches through a table in the JIT's first tier, as the
 * command line runs). Equal to, and hashed as, any list of the same layers.
 */
final class LayerList extends AbstractList<Layer> implements RandomAccess {
  static final LayerList EMPTY = new LayerList(new Layer[0]);

  private final Layer[] layers;

  private LayerList(Layer[] layers) {
    this.layers = layers;
  }

  /** {@code children} as a layer list: the same instance when it is one; no nulls allowed. */
  static LayerList of(List<Layer> children) {
    if (children instanceof LayerList) {
      return (LayerList) children;
    }
    if (children.isEmpty()) {
      return EMPTY;
    }
    Layer[] copy = children.toArray(new Layer[0]);
    for (Layer layer : copy) {
      Objects.requireNonNull(layer, "child");
    }
    return new LayerList(copy);
  }

  @Override
  public Layer get(int index) {
    return layers[index];
  }

  @Override
  public int size() {
    return layers.length;
  }

  @Override
  public boolean isEmpty() {
    return layers.length == 0;
  }
}
