package io.layercount.core.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The named arguments of a layer: an unmodifiable map in printed order, kept as one array. A
 * layer prints a handful of named arguments, and a model a million layers: a linked hash map per
 * layer cost more memory than the rest of the layer, and a lookup among a handful of keys is a
 * scan. Behaves as {@code Collections.unmodifiableMap(new LinkedHashMap<>(...))} did.
 */
final class NamedArguments extends AbstractMap<String, String> {
  static final NamedArguments EMPTY = new NamedArguments(new String[0]);

  /**
   * Key {@code i} at {@code 2 i}, its value at {@code 2 i + 1}: one array of the exact size (two
   * arrays were 16 bytes more per layer, and a layer's keys and values are read together).
   */
  private final String[] entries;

  private NamedArguments(String[] entries) {
    this.entries = entries;
  }

  /** {@code map}'s entries in its iteration order; the same instance when it is one already. */
  static Map<String, String> copyOf(Map<String, String> map) {
    if (map instanceof NamedArguments named) {
      return named;
    }
    Builder builder = new Builder();
    map.forEach(builder::putIfAbsent);
    return builder.build();
  }

  /** Key {@code i} in printed order. */
  String key(int i) {
    return entries[2 * i];
  }

  /** The value of key {@code i}. */
  String value(int i) {
    return entries[2 * i + 1];
  }

  @Override
  public String get(Object key) {
    int i = indexOf(key);
    return i < 0 ? null : entries[2 * i + 1];
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  /** Half the array's length: no field of its own (with it, every layer's map took 8 bytes more). */
  @Override
  public int size() {
    return entries.length / 2;
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super String> action) {
    for (int i = 0; i < size(); i++) {
      action.accept(entries[2 * i], entries[2 * i + 1]);
    }
  }

  /** As {@link AbstractMap#hashCode()} gives it, with no entry made per key. */
  @Override
  public int hashCode() {
    int h = 0;
    for (int i = 0; i < size(); i++) {
      h += Objects.hashCode(entries[2 * i]) ^ Objects.hashCode(entries[2 * i + 1]);
    }
    return h;
  }

  /** As {@link AbstractMap#equals(Object)} gives it; compared in place with another of these. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof NamedArguments other)) {
      return super.equals(o);
    }
    if (other.entries.length != entries.length) {
      return false;
    }
    for (int i = 0; i < size(); i++) {
      int j = other.indexOf(entries[2 * i]);
      if (j < 0 || !Objects.equals(entries[2 * i + 1], other.entries[2 * j + 1])) {
        return false;
      }
    }
    return true;
  }

  private int indexOf(Object key) {
    for (int i = 0; i < size(); i++) {
      if (Objects.equals(entries[2 * i], key)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, String>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < entries.length / 2;
          }

          @Override
          public Entry<String, String> next() {
            if (next >= entries.length / 2) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new SimpleImmutableEntry<>(entries[2 * i], entries[2 * i + 1]);
          }
        };
      }

      @Override
      public int size() {
        return entries.length / 2;
      }
    };
  }

  /**
   * Collects entries in order, the first of a key winning. Keys are compared by scanning while
   * there are few, by a hash set past {@link #SCAN}: a damaged line may hold thousands.
   */
  static final class Builder {
    private static final int SCAN = 8;
    /** As {@link NamedArguments#entries}: key {@code i} at {@code 2 i}, its value after it. */
    private String[] entries = new String[8];
    private int size;
    private Set<String> seen;

    void putIfAbsent(String key, String value) {
      if (seen != null ? !seen.add(key) : contains(key)) {
        return;
      }
      if (2 * size == entries.length) {
        entries = Arrays.copyOf(entries, 4 * size);
      }
      entries[2 * size] = key;
      entries[2 * size + 1] = value;
      size++;
      if (seen == null && size > SCAN) {
        seen = new HashSet<>();
        for (int i = 0; i < size; i++) {
          seen.add(entries[2 * i]);
        }
      }
    }

    private boolean contains(String key) {
      for (int i = 0; i < size; i++) {
        if (Objects.equals(entries[2 * i], key)) {
          return true;
        }
      }
      return false;
    }

    boolean isEmpty() {
      return size == 0;
    }

    Map<String, String> build() {
      // four pairs fill the first array exactly, as a convolution's and a batch norm's do: no copy then
      return size == 0 ? EMPTY : new NamedArguments(2 * size == entries.length ? entries : Arrays.copyOf(entries, 2 * size));
    }

    /**
     * The arguments put so far, in an array of their own, and the builder emptied for the next
     * layer's: one builder per thread serves every layer parsed on it ({@link Arguments#parse}).
     */
    Map<String, String> buildAndReset() {
      Map<String, String> built = size == 0 ? EMPTY : new NamedArguments(Arrays.copyOf(entries, 2 * size));
      Arrays.fill(entries, 0, 2 * size, null);
      size = 0;
      seen = null;
      return built;
    }
  }
}
