package io.layercount.core.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * A map whose keys compare by identity, as {@link java.util.IdentityHashMap}, kept in segments of
 * at most {@value #SEGMENT_SLOTS} slots each (a full one splits the segments in two): no array of
 * it ever grows to the size the G1 collector allocates as a humongous object (half a region: 512 KB at a 1 GB heap). The counting
 * keeps a map over every node of a tree; at 100,000 nodes a single table is 2 MB, and each such
 * table started a concurrent collection cycle and the mixed collections after it (a 100k-module
 * analysis took twice as long under G1 as under the parallel collector).
 *
 * <p>Open addressing with linear probing over key-value pairs per segment; the segment is chosen by
 * the upper half of the mixed identity hash, the slot by the lower. No {@code null} keys or
 * values. Iteration order is unspecified. Not thread-safe.
 */
public final class IdentityTable<K, V> extends AbstractMap<K, V> {
  /** Key and value slots a segment holds when it may no longer double (64 K references: 256 KB). */
  static final int SEGMENT_SLOTS = 1 << 16;
  /** The entries a segment is planned for: a third of its pairs, so that it stays under two thirds full. */
  private static final int SEGMENT_ENTRIES = SEGMENT_SLOTS / 2 / 3;
  private static final int MAX_SEGMENT_BITS = 12;
  private static final int MIN_PAIRS = 4;

  private Object[][] segments;
  private int[] counts;
  /** Which bits of the hash, above the 16 the slot is taken from, choose the segment. */
  private int segmentMask;
  private int size;

  /** A map planned for about {@code expected} entries (0 or less: few). */
  public IdentityTable(int expected) {
    int bits = 0;
    while (bits < MAX_SEGMENT_BITS && (long) SEGMENT_ENTRIES << bits < expected) {
      bits++;
    }
    segmentMask = (1 << bits) - 1;
    int perSegment = Math.max(0, expected) >> bits;
    int pairs = MIN_PAIRS;
    while (pairs * 2 < SEGMENT_SLOTS && pairs * 2 < perSegment * 3) {
      pairs <<= 1;
    }
    segments = new Object[1 << bits][];
    counts = new int[1 << bits];
    for (int s = 0; s < segments.length; s++) {
      segments[s] = new Object[pairs * 2];
    }
  }

  private static int hash(Object key) {
    return System.identityHashCode(key) * 0x9E3779B9;
  }

  /** The segment of a hash: bits 16 and up (a segment has at most 2^15 pairs, found by bits 0 to 14). */
  private int segment(int h) {
    return (h >>> 16) & segmentMask;
  }

  private static int firstSlot(int h, int length) {
    return (h << 1) & (length - 1);
  }

  @Override
  @SuppressWarnings("unchecked")
  public V get(Object key) {
    int h = hash(key);
    Object[] table = segments[segment(h)];
    for (int i = firstSlot(h, table.length); table[i] != null; i = (i + 2) & (table.length - 1)) {
      if (table[i] == key) {
        return (V) table[i + 1];
      }
    }
    return null;
  }

  @Override
  public boolean containsKey(Object key) {
    return get(key) != null;
  }

  @Override
  public V getOrDefault(Object key, V defaultValue) {
    V v = get(key);
    return v != null ? v : defaultValue;
  }

  @Override
  @SuppressWarnings("unchecked")
  public V put(K key, V value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    int h = hash(key);
    int s = segment(h);
    Object[] table = segments[s];
    int i = firstSlot(h, table.length);
    for (; table[i] != null; i = (i + 2) & (table.length - 1)) {
      if (table[i] == key) {
        V old = (V) table[i + 1];
        table[i + 1] = value;
        return old;
      }
    }
    table[i] = key;
    table[i + 1] = value;
    size++;
    if (++counts[s] * 3 > table.length) { // more than two thirds of the pairs used
      if (table.length < SEGMENT_SLOTS || segmentMask == (1 << MAX_SEGMENT_BITS) - 1) {
        segments[s] = grown(table);
      } else {
        split();
      }
    }
    return null;
  }

  /**
   * Doubles the segments, each entry moving to the one the next bit of its hash names: a table
   * planned too small grows by more segments rather than by larger ones.
   */
  private void split() {
    int old = segments.length;
    Object[][] more = new Object[old * 2][];
    int[] moreCounts = new int[old * 2];
    int mask = old * 2 - 1;
    for (int s = 0; s < old; s++) {
      Object[] table = segments[s];
      more[s] = new Object[table.length];
      more[s + old] = new Object[table.length];
      for (int j = 0; j < table.length; j += 2) {
        Object key = table[j];
        if (key != null) {
          int h = hash(key);
          int to = (h >>> 16) & mask;
          place(more[to], h, key, table[j + 1]);
          moreCounts[to]++;
        }
      }
    }
    segments = more;
    counts = moreCounts;
    segmentMask = mask;
  }

  @Override
  public V putIfAbsent(K key, V value) {
    V v = get(key);
    return v != null ? v : put(key, value);
  }

  @Override
  @SuppressWarnings("unchecked")
  public V remove(Object key) {
    int h = hash(key);
    int s = segment(h);
    Object[] table = segments[s];
    int mask = table.length - 1;
    for (int i = firstSlot(h, table.length); table[i] != null; i = (i + 2) & mask) {
      if (table[i] == key) {
        V old = (V) table[i + 1];
        table[i] = null;
        table[i + 1] = null;
        size--;
        counts[s]--;
        closeGap(table, i);
        return old;
      }
    }
    return null;
  }

  /** Moves back the entries after a freed slot that would no longer be found past it. */
  private static void closeGap(Object[] table, int freed) {
    int mask = table.length - 1;
    int gap = freed;
    for (int i = (gap + 2) & mask; table[i] != null; i = (i + 2) & mask) {
      int home = firstSlot(hash(table[i]), table.length);
      // the entry at i may move to the gap when its home does not lie cyclically in (gap, i]
      boolean stays = gap < i ? home > gap && home <= i : home > gap || home <= i;
      if (!stays) {
        table[gap] = table[i];
        table[gap + 1] = table[i + 1];
        table[i] = null;
        table[i + 1] = null;
        gap = i;
      }
    }
  }

  private static Object[] grown(Object[] table) {
    Object[] bigger = new Object[table.length * 2];
    for (int j = 0; j < table.length; j += 2) {
      Object key = table[j];
      if (key != null) {
        place(bigger, hash(key), key, table[j + 1]);
      }
    }
    return bigger;
  }

  /** Puts a key known to be absent from {@code table} (which has room) in the first free slot from its home. */
  private static void place(Object[] table, int h, Object key, Object value) {
    int i = firstSlot(h, table.length);
    while (table[i] != null) {
      i = (i + 2) & (table.length - 1);
    }
    table[i] = key;
    table[i + 1] = value;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean isEmpty() {
    return size == 0;
  }

  @Override
  public void clear() {
    for (int s = 0; s < segments.length; s++) {
      Arrays.fill(segments[s], null);
      counts[s] = 0;
    }
    size = 0;
  }

  /** The entries, read-only (neither the set nor its iterator removes). */
  @Override
  public Set<Entry<K, V>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<K, V>> iterator() {
        return new Entries();
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  private final class Entries implements Iterator<Entry<K, V>> {
    private int segment;
    private int slot = -2;

    Entries() {
      advance();
    }

    private void advance() {
      slot += 2;
      while (segment < segments.length) {
        Object[] table = segments[segment];
        while (slot < table.length && table[slot] == null) {
          slot += 2;
        }
        if (slot < table.length) {
          return;
        }
        segment++;
        slot = 0;
      }
    }

    @Override
    public boolean hasNext() {
      return segment < segments.length;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Entry<K, V> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Object[] table = segments[segment];
      Entry<K, V> e = new SimpleImmutableEntry<>((K) table[slot], (V) table[slot + 1]);
      advance();
      return e;
    }
  }
}
