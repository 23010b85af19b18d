package io.layercount.core.internal.rules;

import io.layercount.core.model.Layer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The child-key sets under which the corpus shows one class owning nothing ({@code
 * ownsNothingByChildren} of {@code torch-corpus.json}), each as {@link RuleTable#childKeys} joins
 * them: asked for every printed module of such a class, so a module's keys are matched as a set of
 * bits, one per key the sets name, with no sorting and no joined string (that was 2.4 % of reading
 * the corpus). The answer is the joined string's: a key the sets never name leaves no set to match,
 * while keys holding the separator, a module without children, or sets of more than 64 keys in all
 * are joined as before.
 */
final class ChildKeySets {
  private final Set<String> joined;
  /** Each key the sets name, and its bit; {@code null} where they name more than 64. */
  private final Map<String, Long> bits;
  /** The bits of each set, sorted. */
  private final long[] masks;

  ChildKeySets(Set<String> joined) {
    this.joined = Set.copyOf(joined);
    Map<String, Long> bits = new HashMap<>();
    long[] masks = new long[joined.size()];
    int n = 0;
    for (String set : joined) {
      String[] keys = set.split(",", -1);
      if (!RuleTable.sortedDistinct(keys.clone()).equals(set)) {
        continue; // not as childKeys joins keys: no module matches it
      }
      long mask = 0;
      for (String key : keys) {
        if (!bits.containsKey(key)) {
          if (bits.size() == Long.SIZE) {
            bits = null;
            break;
          }
          bits.put(key, 1L << bits.size());
        }
        mask |= bits.get(key);
      }
      if (bits == null) {
        break;
      }
      masks[n++] = mask;
    }
    this.bits = bits;
    this.masks = bits == null ? null : Arrays.copyOf(masks, n);
    if (this.masks != null) {
      Arrays.sort(this.masks);
    }
  }

  /** Whether {@code RuleTable.childKeys(layer)} is one of the sets. */
  boolean contains(Layer layer) {
    List<Layer> children = layer.children();
    if (bits == null || children.isEmpty()) {
      return joined.contains(RuleTable.childKeys(layer));
    }
    long mask = 0;
    for (int i = 0, n = children.size(); i < n; i++) {
      String key = RuleTable.keyOf(children.get(i));
      Long bit = bits.get(key);
      if (bit == null) {
        // a key no set names matches none, unless some key holds a comma: joined, it reads as several
        return anyComma(children) && joined.contains(RuleTable.childKeys(layer));
      }
      mask |= bit;
    }
    return Arrays.binarySearch(masks, mask) >= 0;
  }

  private static boolean anyComma(List<Layer> children) {
    for (Layer child : children) {
      if (child.name().indexOf(',') >= 0) {
        return true;
      }
    }
    return false;
  }
}
