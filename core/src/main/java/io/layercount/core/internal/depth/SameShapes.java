package io.layercount.core.internal.depth;

import io.layercount.core.model.Arguments;
import io.layercount.core.model.Layer;
import java.util.List;
import java.util.Objects;

/**
 * Finds modules printed alike: the same class, arguments and own conv/FC count, and children of the
 * same keys, run lengths, classes, arguments and counts, down to the leaves (a stage's blocks, an
 * encoder's layers, printed one by one). What a replay reads of a module is all in these, but for
 * its own key and what the replay has learned so far; so a module printed like one replayed before
 * may take that replay's answer where the replay may stand for it (see {@code Dataflow.sameShape}).
 *
 * <p>Each module measured is looked up once, children before parents, so a child's facts already
 * point at the first of their shape ({@link Dataflow.Facts#canonical}) and a parent compares its
 * children by that alone. Leaves are compared where they stand, without a table entry of their own.
 */
final class SameShapes {
  /**
   * At most this many distinct shapes are kept (a table of 32K slots): a printout of more distinct
   * modules (the synthetic ones of the benchmarks) is not made to grow a large array, and a module
   * printed like one past them is just replayed.
   */
  static final int MOST = 16_384;

  private Dataflow.Facts[] table = new Dataflow.Facts[64];
  private int size;

  /** Sets {@code f}'s shape hash and the first facts of its shape, {@code f} itself if it is the first. */
  void intern(Dataflow.Facts f) {
    int h = hash(f);
    f.shape = h;
    int mask = table.length - 1;
    for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
      Dataflow.Facts known = table[i];
      if (known == null) {
        f.canonical = f;
        if (size < MOST) {
          table[i] = f;
          if (++size * 2 > table.length) {
            grow();
          }
        }
        return;
      }
      if (known.shape == h && alike(known, f)) {
        f.canonical = known;
        return;
      }
    }
  }

  private void grow() {
    Dataflow.Facts[] old = table;
    table = new Dataflow.Facts[old.length * 2];
    int mask = table.length - 1;
    for (Dataflow.Facts f : old) {
      if (f != null) {
        int i = spread(f.shape) & mask;
        while (table[i] != null) {
          i = (i + 1) & mask;
        }
        table[i] = f;
      }
    }
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }

  private static int hash(Dataflow.Facts f) {
    Layer layer = f.layer;
    int h = 31 * layer.typeName().hashCode() + arguments(layer.arguments());
    h = 31 * h + f.weighted;
    List<Layer> children = layer.children();
    for (int i = 0; i < f.kids.length; i++) {
      Layer child = children.get(i);
      Dataflow.Facts kid = f.kids[i];
      h = 31 * h + child.name().hashCode();
      h = 31 * h + child.repeat();
      h = 31 * h + (kid.kids.length == 0 ? leaf(child, kid.weighted) : kid.shape);
    }
    return h;
  }

  private static int leaf(Layer layer, int weighted) {
    return 31 * (31 * layer.typeName().hashCode() + arguments(layer.arguments())) + weighted;
  }

  /** The arguments' hash by their text: a printout's equal texts share one string, whose hash is kept. */
  private static int arguments(Arguments a) {
    return Objects.hashCode(a.raw());
  }

  /** Whether two measured modules are printed alike, their children's facts already interned. */
  static boolean alike(Dataflow.Facts a, Dataflow.Facts b) {
    if (a == b) {
      return true;
    }
    if (a.kids.length != b.kids.length || !sameOwn(a.layer, b.layer, a.weighted, b.weighted)) {
      return false;
    }
    List<Layer> as = a.layer.children();
    List<Layer> bs = b.layer.children();
    for (int i = 0; i < a.kids.length; i++) {
      Layer x = as.get(i);
      Layer y = bs.get(i);
      Dataflow.Facts fx = a.kids[i];
      Dataflow.Facts fy = b.kids[i];
      if (x.repeat() != y.repeat() || !x.name().equals(y.name()) || (fx.kids.length == 0) != (fy.kids.length == 0)) {
        return false;
      }
      boolean same = fx.kids.length == 0
          ? sameOwn(x, y, fx.weighted, fy.weighted)
          : fx == fy || fx.canonical != null && fx.canonical == fy.canonical;
      if (!same) {
        return false;
      }
    }
    return true;
  }

  /** The same class, arguments, statements and own conv/FC count. */
  private static boolean sameOwn(Layer x, Layer y, int wx, int wy) {
    return wx == wy && x.typeName().equals(y.typeName())
        && (x.arguments() == y.arguments() || x.arguments().equals(y.arguments()))
        && (x.stated() == y.stated() || x.stated().equals(y.stated()));
  }
}
