package io.layercount.core.internal.depth;

import io.layercount.core.internal.count.Saturating;
import io.layercount.core.model.Layer;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Which modules read or write several tensors of different widths side by side, as HRNet keeps one
 * stream per resolution. A {@code ModuleList} has no forward of its own: its caller applies each
 * entry to a tensor it holds. Entries that cannot chain (one reads a width the entry before it does
 * not write) yet read or write several widths are therefore one module per stream ({@code branches},
 * {@code transition}), and a list of lists is a matrix whose row {@code i} sums what its entries
 * make of each stream into stream {@code i} ({@code fuse_layers}). A module whose first reader reads
 * several streams does too, and one whose last writer writes several writes them all. Entries whose
 * widths chain may still read one stream each, or add each stream in as they pass its width: only
 * the caller's tensors can tell (see {@code chained}).
 */
final class Streams {
  /** The most streams followed side by side; a module with more widths is an ordinary one. */
  static final int MOST = 16;

  /**
   * How one module takes part in several streams.
   *
   * @param list a {@code ModuleList} whose entries do not chain: each reads the caller's tensor of
   *     its width and consumes nothing
   * @param chained a {@code ModuleList} whose entries chain through several widths, as many entries
   *     as widths read
   * @param readsSeveral it needs the caller's tensors of the widths in {@code reads}
   * @param writesSeveral it leaves one tensor per width for its caller
   * @param reads the widths its entries read from its input
   * @param writes the widths it writes
   */
  record Shape(boolean list, boolean chained, boolean readsSeveral, boolean writesSeveral, Set<Long> reads,
      Set<Long> writes) {
    static final Shape NONE = new Shape(false, false, false, false, Set.of(), Set.of());

    /** The caller's widths it takes: what it reads, and what it writes (a row adds into its own stream). */
    Set<Long> wanted() {
      Set<Long> all = new TreeSet<>(reads);
      if (list || writesSeveral) {
        all.addAll(writes);
      }
      return all;
    }
  }

  private final Map<Layer, Shape> shapes = new IdentityHashMap<>();
  /** Modules whose children's outputs of these widths a later sibling reads (see {@link #taps}). */
  private final Map<Layer, Set<Long>> taps = new IdentityHashMap<>();
  /** Lists whose entries run side by side, one per stream (see {@link #sideBySide}). */
  private final Set<Layer> sideBySide = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Function<Layer, Widths> spans;

  Streams(Function<Layer, Widths> spans) {
    this.spans = spans;
  }

  Shape of(Layer layer) {
    // most trees hold no module of several streams: nothing to look up (each lookup hashes the layer)
    return shapes.isEmpty() ? Shape.NONE : shapes.getOrDefault(layer, Shape.NONE);
  }

  /**
   * The widths a later sibling reads of what this module's children wrote, or {@code null}: a
   * backbone's stages, whose outputs a feature pyramid printed after it reads, one per scale
   * (torchvision's {@code body} then {@code fpn}, whose {@code inner_blocks} read 512, 1,024 and
   * 2,048 channels: the outputs of {@code layer2}, {@code layer3} and {@code layer4}).
   */
  Set<Long> taps(Layer layer) {
    return taps.isEmpty() ? null : taps.get(layer);
  }

  /**
   * Whether the entries of a list run side by side, each on one stream of the same width, rather
   * than one after another: the list follows a list of streams ({@link Shape#list}, reading several
   * widths and writing one) with as many entries, and each entry reads the width that one writes
   * (a feature pyramid's {@code layer_blocks}, one 3x3 convolution per scale, after its {@code
   * inner_blocks}). Streams are followed by width, so the scales, all of one width, are one tensor
   * here: the deepest.
   */
  boolean sideBySide(Layer layer) {
    return !sideBySide.isEmpty() && sideBySide.contains(layer);
  }

  /** Measures a container whose children are measured (their spans and shapes are known). */
  void measure(Layer layer) {
    Shape shape = isList(layer) ? listShape(layer) : containerShape(layer);
    if (shape != Shape.NONE) {
      shapes.put(layer, shape);
    }
    if (!shapes.isEmpty()) {
      linkSiblings(layer);
    }
  }

  /** Finds the {@link #taps} and {@link #sideBySide} lists among a module's children. */
  private void linkSiblings(Layer layer) {
    List<Layer> children = layer.children();
    for (int i = 1; i < children.size(); i++) {
      Layer before = children.get(i - 1);
      Layer reader = children.get(i);
      Shape read = of(reader);
      Shape wrote = of(before);
      if (read.readsSeveral() && !before.isLeaf() && !isList(before) && wrote == Shape.NONE) {
        Set<Long> written = new TreeSet<>();
        for (Layer stage : before.children()) {
          Widths w = spans.apply(stage);
          if (w.knownOut()) {
            written.add(w.out());
          }
        }
        if (written.containsAll(read.reads())) {
          taps.put(before, read.reads());
        }
      }
      long entries = isList(reader) ? entries(reader) : 0;
      if (entries >= 2 && read == Shape.NONE && wrote.list() && wrote.readsSeveral() && wrote.writes().size() == 1
          && entries == entries(before)) {
        long width = wrote.writes().iterator().next();
        boolean each = true;
        for (Layer entry : reader.children()) {
          Widths w = spans.apply(entry);
          each &= w.knownIn() && w.in() == width;
        }
        if (each) {
          sideBySide.add(reader);
        }
      }
    }
  }

  /** How many entries a list holds, runs expanded. */
  static long entries(Layer list) {
    long n = 0;
    for (Layer entry : list.children()) {
      n = Saturating.add(n, entry.repeat());
    }
    return n;
  }

  /** A {@code ModuleList}: no forward of its own, its caller applies each entry to a tensor it holds. */
  static boolean isList(Layer layer) {
    return !layer.isLeaf() && layer.typeName().equals("ModuleList");
  }

  private Shape listShape(Layer layer) {
    List<Layer> children = layer.children();
    boolean rows = children.stream().allMatch(Streams::isList)
        && children.stream().mapToLong(Layer::repeat).sum() >= 2;
    if (!rows && children.stream().map(this::of).anyMatch(c -> c.readsSeveral() || c.writesSeveral())) {
      // modules of several streams, each called on what the one before left (CrossViT's blocks)
      return containerShape(layer);
    }
    Set<Long> reads = new TreeSet<>();
    Set<Long> writes = new TreeSet<>();
    boolean chains = false;
    long occurrences = 0;
    Widths previous = null;
    for (Layer child : children) {
      Shape entry = rows ? row(child) : of(child);
      Widths w = spans.apply(child);
      occurrences += child.repeat();
      if (entry.readsSeveral()) {
        reads.addAll(entry.reads());
      } else if (w.knownIn()) {
        reads.add(w.in());
      }
      if (entry.writesSeveral()) {
        writes.addAll(entry.writes());
      } else if (w.knownOut()) {
        writes.add(w.out());
      }
      if (!rows && (reads.size() > MOST || writes.size() > MOST)) {
        // more widths than streams are followed: it neither reads nor writes several (see fits)
        return Shape.NONE;
      }
      if (rows || !w.knownIn()) {
        continue;
      }
      chains |= previous != null && previous.knownOut() && previous.out() == w.in()
          || child.repeat() > 1 && w.in() == w.out();
      previous = w;
    }
    boolean list = !chains && occurrences >= 2;
    boolean fits = fits(reads, writes);
    boolean chained = chains && reads.size() >= 2 && occurrences == reads.size() && fits;
    boolean readsSeveral = list && (reads.size() >= 2 || rows) && fits;
    boolean writesSeveral = list && writes.size() >= 2 && fits;
    return chained || readsSeveral || writesSeveral || rows
        ? new Shape(list, chained, readsSeveral, writesSeveral, reads, writes) : Shape.NONE;
  }

  /** A list inside a list of lists: a row of the matrix, reading the streams and writing one. */
  private Shape row(Layer row) {
    Shape own = of(row);
    Set<Long> reads = new TreeSet<>();
    Set<Long> writes = new TreeSet<>();
    for (Layer entry : row.children()) {
      Widths w = spans.apply(entry);
      if (w.knownIn()) {
        reads.add(w.in());
      }
      if (w.knownOut()) {
        writes.add(w.out());
      }
    }
    Shape shape = fits(reads, writes) ? new Shape(true, false, true, false, reads, writes) : own;
    shapes.put(row, shape);
    return shape;
  }

  /** A module whose first reader reads several streams reads them; whose last writer writes several writes them. */
  private Shape containerShape(Layer layer) {
    if (shapes.isEmpty()) {
      return Shape.NONE; // no child has a shape: none reads or writes several streams
    }
    Shape first = Shape.NONE;
    Shape last = Shape.NONE;
    boolean found = false;
    for (Layer child : layer.children()) {
      Widths w = spans.apply(child);
      if (!found && w.knownIn()) {
        first = of(child);
        found = true;
      }
      if (w.knownOut()) {
        last = of(child);
      }
    }
    if (!first.readsSeveral() && !last.writesSeveral()) {
      return Shape.NONE;
    }
    return new Shape(false, false, first.readsSeveral(), last.writesSeveral(),
        first.readsSeveral() ? first.reads() : Set.of(), last.writesSeveral() ? last.writes() : Set.of());
  }

  private static boolean fits(Set<Long> reads, Set<Long> writes) {
    Set<Long> all = new TreeSet<>(reads);
    all.addAll(writes);
    return all.size() <= MOST;
  }
}
