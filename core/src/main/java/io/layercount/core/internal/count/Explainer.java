package io.layercount.core.internal.count;

import io.layercount.core.Analysis.Explanation;
import io.layercount.core.Analysis.Explanation.Exclusion;
import io.layercount.core.Convention;
import io.layercount.core.internal.rules.Resolution;
import io.layercount.core.model.Layer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Lists, per convention, the module paths it counted, in PyTorch {@code named_modules()} style
 * ({@code layer2.0.downsample.0}, runs expanded), and for {@code depth} what it left out and why.
 * Enumerating occurrences can explode with nested runs, and paths grow with depth (a chain 100,000
 * deep has paths of quadratic total length), so it stops after {@link #LIMIT} occurrences or
 * {@link #PATH_CHARS} characters of path.
 */
final class Explainer {
  static final int LIMIT = 200_000;
  static final long PATH_CHARS = 16_000_000;

  private final Map<Convention, List<String>> counted = new EnumMap<>(Convention.class);
  private final Map<Convention, List<Exclusion>> excluded = new EnumMap<>(Convention.class);
  boolean truncated;

  private record Visit(Layer layer, String path, String offPath, boolean firstOccurrence) {}

  Explainer(Layer root, Resolved resolved, StructureDepth depth, Blocks blocks, boolean structureDepth) {
    for (Convention c : List.of(Convention.DEPTH, Convention.WEIGHTED, Convention.PARAMETERIZED,
        Convention.LEAVES, Convention.MODULES, Convention.BLOCKS)) {
      counted.put(c, new ArrayList<>());
    }
    excluded.put(Convention.DEPTH, new ArrayList<>());
    Deque<Visit> stack = new ArrayDeque<>();
    stack.push(new Visit(root, "", null, true));
    int visited = 0;
    long chars = 0;
    while (!stack.isEmpty()) {
      Visit v = stack.pop();
      chars += v.path().length();
      if (++visited > LIMIT || chars > PATH_CHARS) {
        truncated = true;
        break;
      }
      record(v, resolved.of(v.layer()), structureDepth);
      Map<Integer, String> off = depth.excludedChildren(v.layer());
      List<Layer> children = v.layer().children();
      for (int i = children.size() - 1; i >= 0; i--) {
        Layer child = children.get(i);
        String reason = v.offPath() != null ? v.offPath() : off.get(i);
        for (int k = child.repeat() - 1; k >= 0; k--) {
          String name = child.occurrenceName(k);
          String path = v.path().isEmpty() ? name : v.path() + "." + name;
          stack.push(new Visit(child, path, reason, v.firstOccurrence() && k == 0));
          if (v.layer() == blocks.container && v.firstOccurrence()) {
            counted.get(Convention.BLOCKS).add(0, path);
          }
        }
      }
    }
  }

  private void record(Visit v, Resolution r, boolean structureDepth) {
    Layer layer = v.layer();
    if (layer.stated().repeated()) {
      return;
    }
    counted.get(Convention.MODULES).add(v.path());
    for (int w = 0; w < r.weighted(); w++) {
      counted.get(Convention.WEIGHTED).add(v.path());
      if (!structureDepth) {
        continue;
      }
      if (v.offPath() == null) {
        counted.get(Convention.DEPTH).add(v.path());
      } else {
        excluded.get(Convention.DEPTH).add(new Exclusion(v.path(), v.offPath()));
      }
    }
    if (layer.isLeaf()) {
      counted.get(Convention.LEAVES).add(v.path());
      if (r.ownParameters() > 0) {
        counted.get(Convention.PARAMETERIZED).add(v.path());
      }
    }
  }

  Explanation explanation() {
    return new Explanation(copy(counted), copy(excluded));
  }

  private static <T> Map<Convention, List<T>> copy(Map<Convention, List<T>> map) {
    Map<Convention, List<T>> out = new EnumMap<>(Convention.class);
    map.forEach((k, v) -> out.put(k, List.copyOf(v)));
    return java.util.Collections.unmodifiableMap(out);
  }
}
