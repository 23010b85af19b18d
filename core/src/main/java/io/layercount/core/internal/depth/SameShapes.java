package io.layercount.core.internal.depth;

import io.layercount.core.model.Layer;
import java.util.List;

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
   * At most this many distinct shapes are kept (a table of 2K slots); the corpus's printouts have at
   * most 185. A tree of more distinct modules (the synthetic printouts of the benchmarks, with a
   * width of their own in every block) gains little from the lookups, each a few cache misses at
   * 100,000 modules: modules measured after the table is full are looked up no more, and are replayed.
   */
  static final int MOST = 1_024;

  private Dataflow.Facts[] table = new Dataflow.Facts[64];
  private int size;

  /**
   * Sets {@code f}'s shape hash and the first facts of its shape, {@code f} itself if it is the first;
   * leaves them unset (no facts alike) once the table is full.
   */
  void intern(Dataflow.Facts f) {
    if (size == MOST) {
      return;
    }
    int h = hash(f);
    f.shape = h;
    int mask = table.length - 1;
    for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
      Dataflow.Facts known = table[i];
      if (known == null) {
        f.canonical = f;
        table[i] = f;
        if (++size * 2 > table.length) {
          grow();
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

  /**
   * A hash of the facts just measured (own and children's counts and widths, children's shapes),
   * not of the text: those objects were made a moment ago and are at hand, where the children's
   * keys, classes and argument texts lie apart in memory (a cache miss each at 100,000 modules).
   * Modules that differ only in those share a hash and are told apart by {@link #alike}.
   */
  private static int hash(Dataflow.Facts f) {
    int h = 31 * f.kids.length + f.weighted;
    h = 31 * h + widths(f.span);
    for (Dataflow.Facts kid : f.kids) {
      h = 31 * h + kid.weighted;
      h = 31 * h + (kid.kids.length == 0 ? widths(kid.span) : kid.shape);
    }
    return h;
  }

  private static int widths(Widths w) {
    return 31 * Long.hashCode(w.in()) + Long.hashCode(w.out());
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
