package io.layercount.core;

import io.layercount.core.internal.Analyzer;
import io.layercount.core.model.Layer;
import io.layercount.core.model.LayerKind;
import io.layercount.core.model.Network;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What the parameter rules say about each module of a network, for renderers that draw the tree:
 * its kind and the parameters it owns itself. The tree is the one the conventions count, with the
 * child modules a class's text hides added, so every path of {@link Analysis#explanation()} names
 * a node of {@link #root()}. Immutable.
 */
public final class LayerFacts {
  private final Layer root;
  private final Map<Layer, Fact> byLayer;

  /**
   * What is known about one module.
   *
   * @param kind what the layer does
   * @param ownParameters parameters it owns itself, children not included (a lower bound when not
   *     {@code known})
   * @param known whether the count follows from a rule or the text's own count
   * @param exact whether a known count is exact
   */
  public record Fact(LayerKind kind, long ownParameters, boolean known, boolean exact) {}

  /** For library internals; use {@link #of(Network)}. */
  public LayerFacts(Layer root, Map<Layer, Fact> byLayer) {
    this.root = root;
    Map<Layer, Fact> copy = new IdentityHashMap<>(byLayer);
    this.byLayer = Collections.unmodifiableMap(copy);
  }

  /** The facts of every module of {@code network}, by the built-in rules. */
  public static LayerFacts of(Network network) {
    return Analyzer.standard().facts(network);
  }

  /** The module tree the conventions count. */
  public Layer root() {
    return root;
  }

  /** The facts of {@code layer}, a node of {@link #root()} (by identity), or {@code null}. */
  public Fact of(Layer layer) {
    return byLayer.get(layer);
  }
}
