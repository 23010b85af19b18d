package io.layercount.core.internal.count;

import io.layercount.core.internal.rules.Resolution;
import io.layercount.core.model.Layer;
import io.layercount.core.model.LayerKind;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Every count that is a sum over module occurrences, in one pass: each node is visited once with
 * its multiplicity (the product of the run lengths above and at it), so collapsed runs are expanded
 * without being enumerated. A row that shows a module again ({@link Layer.Stated#repeated()}) is a
 * second call, not a module occurrence: it counts nowhere.
 */
public final class Tally {
  long parameters;
  long weighted;
  long parameterized;
  long leaves;
  long modules;
  boolean exact = true;
  /** Unknown type name → the first line it appears on. */
  final Map<String, Integer> unknownTypes = new LinkedHashMap<>();
  /** Leaves per type name, in order of first appearance: a mutable count each, so that adding one boxes nothing. */
  final Map<String, long[]> byType = new LinkedHashMap<>();
  /** What counts exact only given the stated input size rather than the text, in order. */
  final Set<String> assumptions = new LinkedHashSet<>();
  /** Type name → why the first layer of that type has no exact count. */
  final Map<String, Resolution> why = new LinkedHashMap<>();
  /** The first module keyed {@code experts} of a class no rule covers (see {@link Counting}), or {@code null}. */
  Layer unknownExperts;

  Tally(Layer root, Resolved resolved) {
    resolved.walk(root, (layer, r, n) -> {
      add(layer, r, n);
      return true;
    });
  }

  /** Nothing added yet: {@link #add} is called in printed order by a walk that answers the nodes ({@link Resolved}). */
  Tally() {}

  /** Adds one node standing for {@code n} occurrences, with its answer; nodes come in printed pre-order. */
  void add(Layer layer, Resolution r, long n) {
    if (layer.stated().repeated()) {
      return;
    }
    modules = Saturating.add(modules, n);
    parameters = Saturating.add(parameters, Saturating.multiply(n, r.ownParameters()));
    weighted = Saturating.add(weighted, Saturating.multiply(n, r.weighted()));
    if (Resolution.GIVEN_INPUT.equals(r.basis())) {
      assumptions.add(r.note());
    }
    if (!r.known()) {
      exact = false;
      unknownTypes.putIfAbsent(layer.typeName(), layer.line());
      why.putIfAbsent(layer.typeName(), r);
      if (unknownExperts == null && layer.name().equals("experts")) {
        unknownExperts = layer;
      }
    } else if (!r.exact()) {
      exact = false;
    }
    if (layer.isLeaf()) {
      leaves = Saturating.add(leaves, n);
      long[] count = byType.get(layer.typeName());
      if (count == null) {
        byType.put(layer.typeName(), new long[] {n});
      } else {
        count[0] = Saturating.add(count[0], n);
      }
      // a convolution, fully-connected, recurrent, embedding or attention layer owns weights even
      // where its size is unknown (a TorchScript module prints none)
      if (r.ownParameters() > 0 || (!r.known() && ownsWeights(r.kind()))) {
        parameterized = Saturating.add(parameterized, n);
      }
    } else if (r.kind().isWeighted() && (r.ownParameters() > 0 || !r.known())) {
      // a convolution or fully-connected layer printed with children is still a layer with weights:
      // detectron2's Conv2d with its norm inside, a conv whose weight a parametrization holds
      parameterized = Saturating.add(parameterized, n);
    }
  }

  /** Whether every layer of {@code kind} owns weights, whatever its arguments (a norm may be affine or not). */
  private static boolean ownsWeights(LayerKind kind) {
    return kind.isWeighted() || kind == LayerKind.RECURRENT || kind == LayerKind.EMBEDDING || kind == LayerKind.ATTENTION;
  }
}
