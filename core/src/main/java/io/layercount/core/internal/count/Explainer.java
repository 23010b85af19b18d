package io.layercount.core.internal.count;

import io.layercount.core.Analysis.Explanation;
import io.layercount.core.Analysis.Explanation.Exclusion;
import io.layercount.core.Convention;
import io.layercount.core.internal.depth.Dataflow;
import io.layercount.core.internal.rules.Resolution;
import io.layercount.core.model.Layer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Lists, per convention, the module paths it counted, in PyTorch {@code named_modules()} style
 * ({@code layer2.0.downsample.0}, runs expanded), and for {@code depth} what it left out and why.
 * Enumerating occurrences can explode with nested runs, and paths grow with depth (a chain 100,000
 * deep has paths of quadratic total length), so it stops after {@link #LIMIT} occurrences or
 * {@link #PATH_CHARS} characters of path: ten times the 4,296 module occurrences of the largest
 * real model we know, and enough for their paths, while a damaged text claiming a run of half a
 * billion costs milliseconds, not seconds.
 */
final class Explainer {
  static final int LIMIT = 50_000;
  static final long PATH_CHARS = 4_000_000;

  private final Map<Convention, List<String>> counted = new EnumMap<>(Convention.class);
  private final Map<Convention, List<Exclusion>> excluded = new EnumMap<>(Convention.class);
  boolean truncated;

  private record Visit(Layer layer, String path, String offPath, boolean firstOccurrence) {}

  /**
   * @param graphOffPaths where depth was traced on a stated graph ({@link GraphDepth}), the children
   *     off its longest paths; {@code null} where the structure gave it ({@code depth}'s)
   */
  Explainer(Layer root, Resolved resolved, StructureDepth depth, Blocks blocks,
      Map<Layer, Map<Integer, String>> graphOffPaths) {
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
      if (++visited > LIMIT) {
        truncated = true;
        break;
      }
      Map<Integer, String> off = graphOffPaths != null ? graphOffPaths.getOrDefault(v.layer(), Map.of())
          : depth.excludedChildren(v.layer(), v.firstOccurrence());
      record(v, resolved.of(v.layer()), off);
      List<Layer> children = v.layer().children();
      // Only the occurrences the limits can show are created: a run of a billion, or a wide run
      // under a long path, must not be pushed at once. The first ones are kept.
      int[] shown = new int[children.size()];
      long room = LIMIT - visited - (long) stack.size();
      for (int i = 0; i < children.size(); i++) {
        Layer child = children.get(i);
        long each = v.path().length() + child.name().length() + 12L;
        long n = Math.max(0, Math.min(Math.min(child.repeat(), room), (PATH_CHARS - chars) / each));
        shown[i] = (int) n;
        room -= n;
        chars += n * each;
        truncated |= n < child.repeat();
      }
      push(v, children, shown, off, stack, v.layer() == blocks.container);
    }
  }

  /** What {@link #fit} can tell before an explanation is made. */
  enum Fit {
    /** It surely stays within the limits: it is never cut. */
    WHOLE,
    /** It surely is cut: the tree has more module occurrences than {@link #LIMIT}. */
    CUT,
    /** The path lengths, counted from above, may pass {@link #PATH_CHARS}: only making it tells. */
    UNSURE
  }

  /**
   * Whether the explanation of the tree at {@code root} stays within {@link #LIMIT} and
   * {@link #PATH_CHARS}, so that it is made (whole or cut, as told) only when first asked for.
   * Occurrences are counted exactly: past {@link #LIMIT} of them the explanation is cut, as it
   * shows no more. Path lengths are counted from above: an occurrence's key is at most its name,
   * a separator and the digits of its run length longer. Stops at {@link #LIMIT} occurrences, so
   * it looks at no more nodes than that.
   */
  static Fit fit(Layer root) {
    // a stack of nodes and, beside it, of their occurrence counts and path lengths, unboxed
    Layer[] layers = new Layer[16];
    long[] counts = new long[32];
    int top = 0;
    layers[0] = root;
    counts[0] = 1;
    counts[1] = 0;
    long visits = 1;
    long chars = 0;
    while (top >= 0) {
      Layer layer = layers[top];
      long occurrences = counts[2 * top];
      long pathLength = counts[2 * top + 1];
      top--;
      List<Layer> children = layer.children();
      if (top + 1 + children.size() >= layers.length) {
        layers = Arrays.copyOf(layers, Math.max(layers.length * 2, top + 2 + children.size()));
        counts = Arrays.copyOf(counts, 2 * layers.length);
      }
      for (int i = 0; i < children.size(); i++) {
        Layer child = children.get(i);
        long n = Saturating.multiply(occurrences, child.repeat());
        visits = Saturating.add(visits, n);
        if (visits > LIMIT) {
          return Fit.CUT;
        }
        // past the bound on paths, the walk goes on only to tell whether the occurrences are too many
        chars = Saturating.add(chars, Saturating.multiply(n, pathLength + child.name().length() + 12L));
        long key = child.name().length() + (child.repeat() > 1 ? 1 + Long.toString(child.repeat()).length() : 0);
        top++;
        layers[top] = child;
        counts[2 * top] = n;
        counts[2 * top + 1] = (pathLength == 0 ? 0 : pathLength + 1) + key;
      }
    }
    return chars > PATH_CHARS ? Fit.UNSURE : Fit.WHOLE;
  }

  private void push(Visit v, List<Layer> children, int[] shown, Map<Integer, String> off, Deque<Visit> stack,
      boolean blockContainer) {
    boolean blockList = blockContainer && v.firstOccurrence();
    List<String> blockPaths = new ArrayList<>();
    for (int i = children.size() - 1; i >= 0; i--) {
      Layer child = children.get(i);
      String reason = v.offPath() != null ? v.offPath() : off.get(i);
      String laterReason = reason != null ? reason : off.get(Dataflow.laterOccurrences(i));
      for (int k = shown[i] - 1; k >= 0; k--) {
        String name = child.occurrenceName(k);
        String path = v.path().isEmpty() ? name : v.path() + "." + name;
        stack.push(new Visit(child, path, k == 0 ? reason : laterReason, v.firstOccurrence() && k == 0));
        if (blockList) {
          blockPaths.add(path);
        }
      }
    }
    // gathered last to first; adding at the front one by one would be quadratic
    for (int k = blockPaths.size() - 1; k >= 0; k--) {
      counted.get(Convention.BLOCKS).add(blockPaths.get(k));
    }
  }

  /** Counts {@code v}'s layer; {@code off} holds why its children, and its own weight ({@link Dataflow#OWN}), are off the path. */
  private void record(Visit v, Resolution r, Map<Integer, String> off) {
    Layer layer = v.layer();
    if (layer.stated().repeated()) {
      return;
    }
    counted.get(Convention.MODULES).add(v.path());
    for (int w = 0; w < r.weighted(); w++) {
      counted.get(Convention.WEIGHTED).add(v.path());
      String ownOff = v.offPath() == null ? off.get(Dataflow.OWN) : v.offPath();
      if (ownOff == null) {
        counted.get(Convention.DEPTH).add(v.path());
      } else {
        excluded.get(Convention.DEPTH).add(new Exclusion(v.path(), ownOff));
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
