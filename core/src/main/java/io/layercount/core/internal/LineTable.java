package io.layercount.core.internal;

import io.layercount.core.model.Layer;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A map over the layers of one tree in which every layer stands on a line of its own, as a parsed
 * printout's do: the slot of a layer is its line, so that no hash is made and the slots of layers
 * walked in printed order follow one another in memory. {@link IdentityTable} keeps a map over a
 * tree whose lines say nothing (a layer at several places, layers a program made); at 100,000
 * modules each of its lookups was a cache miss, its slots scattered by identity hashes.
 *
 * <p>Keys compare by identity: a layer of another tree on a line in range is not found. Lines
 * {@code first} to {@code last}, in chunks of {@value #CHUNK} made when first written (no array of
 * the size the G1 collector allocates apart). A layer on a line another layer holds is kept beside,
 * by identity: the modules a class hides ({@code HiddenChildren}) stand on their parent's line, a
 * few in a tree. No {@code null} values. Not thread-safe.
 */
public final class LineTable<V> extends AbstractMap<Layer, V> {
  private static final int SHIFT = 12;
  private static final int CHUNK = 1 << SHIFT;

  private final int first;
  private final int span;
  /** Per chunk: layer and value of each line, side by side. */
  private final Object[][] chunks;
  /** The layers on a line another layer held first, or {@code null} while there are none. */
  private Map<Layer, V> beside;
  private int size;

  /** A table for layers on lines {@code first} to {@code last} (at least {@code first}). */
  public LineTable(int first, int last) {
    if (last < first) {
      throw new IllegalArgumentException("no lines: " + first + " to " + last);
    }
    this.first = first;
    this.span = last - first + 1;
    this.chunks = new Object[(span + CHUNK - 1) >>> SHIFT][];
  }

  /**
   * Whether a tree of {@code nodes} layers on lines {@code first} to {@code last} is dense enough
   * for a table (a program may number its layers sparsely; a printout's lines are nearly all layers).
   */
  public static boolean fits(int first, int last, int nodes) {
    long span = (long) last - first + 1;
    return span >= 1 && span <= 4L * nodes + 1024 && span < Integer.MAX_VALUE - CHUNK;
  }

  @Override
  @SuppressWarnings("unchecked")
  public V get(Object key) {
    if (!(key instanceof Layer layer)) {
      return null;
    }
    int i = layer.line() - first;
    if (i < 0 || i >= span) {
      return null;
    }
    Object[] chunk = chunks[i >>> SHIFT];
    if (chunk == null) {
      return null;
    }
    int at = 2 * (i & (CHUNK - 1));
    return chunk[at] == layer ? (V) chunk[at + 1] : beside == null ? null : beside.get(layer);
  }

  @Override
  public boolean containsKey(Object key) {
    return get(key) != null;
  }

  /**
   * Keeps {@code value} for {@code layer}, whose line must lie in the table's: on its line, or
   * beside where another layer holds that line.
   *
   * @throws IllegalArgumentException for a line outside
   */
  @Override
  @SuppressWarnings("unchecked")
  public V put(Layer layer, V value) {
    if (value == null) {
      throw new NullPointerException("value");
    }
    int i = layer.line() - first;
    if (i < 0 || i >= span) {
      throw new IllegalArgumentException("line " + layer.line() + " outside " + first + " to " + (first + span - 1));
    }
    Object[] chunk = chunks[i >>> SHIFT];
    if (chunk == null) {
      chunk = new Object[2 * Math.min(CHUNK, span - (i & ~(CHUNK - 1)))];
      chunks[i >>> SHIFT] = chunk;
    }
    int at = 2 * (i & (CHUNK - 1));
    if (chunk[at] != null && chunk[at] != layer) {
      if (beside == null) {
        beside = new IdentityHashMap<>();
      }
      V old = beside.put(layer, value);
      if (old == null) {
        size++;
      }
      return old;
    }
    V old = (V) chunk[at + 1];
    if (old == null) {
      size++;
    }
    chunk[at] = layer;
    chunk[at + 1] = value;
    return old;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public void clear() {
    java.util.Arrays.fill(chunks, null);
    beside = null;
    size = 0;
  }

  @Override
  public Set<Entry<Layer, V>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public Iterator<Entry<Layer, V>> iterator() {
        Iterator<Entry<Layer, V>> lines = byLine();
        if (beside == null) {
          return lines;
        }
        Iterator<Entry<Layer, V>> others = beside.entrySet().iterator();
        return new Iterator<>() {
          @Override
          public boolean hasNext() {
            return lines.hasNext() || others.hasNext();
          }

          @Override
          public Entry<Layer, V> next() {
            if (lines.hasNext()) {
              return lines.next();
            }
            Entry<Layer, V> e = others.next();
            return new SimpleImmutableEntry<>(e.getKey(), e.getValue());
          }
        };
      }

      private Iterator<Entry<Layer, V>> byLine() {
        return new Iterator<>() {
          private int next = advance(0);

          private int advance(int from) {
            int i = from;
            while (i < span) {
              Object[] chunk = chunks[i >>> SHIFT];
              if (chunk == null) {
                i = ((i >>> SHIFT) + 1) << SHIFT;
              } else if (chunk[2 * (i & (CHUNK - 1))] == null) {
                i++;
              } else {
                return i;
              }
            }
            return span;
          }

          @Override
          public boolean hasNext() {
            return next < span;
          }

          @Override
          @SuppressWarnings("unchecked")
          public Entry<Layer, V> next() {
            if (next >= span) {
              throw new NoSuchElementException();
            }
            Object[] chunk = chunks[next >>> SHIFT];
            int at = 2 * (next & (CHUNK - 1));
            Entry<Layer, V> e = new SimpleImmutableEntry<>((Layer) chunk[at], (V) chunk[at + 1]);
            next = advance(next + 1);
            return e;
          }
        };
      }
    };
  }
}
