package io.layercount.pytorch;

/**
 * Strings and a value for each, found by a part of a line ({@code s[from, to)}) equal to the
 * string, with no substring cut to look it up: a printout repeats the same keys, class names and
 * arguments on most of its lines, and a copy of each part cut out only to find the one kept was an
 * eighth of what reading a large printout allocated. Holds at most {@code bound} strings, the first
 * met; open addressing on {@link String#hashCode()}. Not thread-safe.
 *
 * <p>A string is looked for, and kept, only within {@value #PROBES} slots of its own: a text of many
 * keys of one hash (easily made: {@code Aa} and {@code BB} share one) would otherwise make every
 * lookup walk all of them. Past that, a part is simply not found, and the caller cuts it out.
 */
final class RegionTable<V> {
  /** Slots tried from a hash's own before a part is taken as absent (a table at most 2/3 full needs few). */
  static final int PROBES = 16;

  private final int bound;
  private String[] keys = new String[64];
  private Object[] values = new Object[64];
  /** 32 less the bits of a slot index: the slot is the top bits of the hash times the golden ratio. */
  private int shift = 32 - 6;
  private int size;

  RegionTable(int bound) {
    this.bound = bound;
  }

  /** The hash {@link String#hashCode()} gives the part {@code s[from, to)}. */
  static int hash(String s, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + s.charAt(i);
    }
    return h;
  }

  /** The hash {@link String#hashCode()} gives the ASCII bytes {@code b[from, to)} as a string. */
  static int hash(byte[] b, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + b[i];
    }
    return h;
  }

  /**
   * The value kept for the string equal to the ASCII bytes {@code b[from, to)}, whose hash is
   * {@code hash}, or {@code null}.
   */
  @SuppressWarnings("unchecked")
  V get(byte[] b, int from, int to, int hash) {
    int length = to - from;
    int mask = keys.length - 1;
    int i = slot(hash);
    for (int probe = 0; probe < PROBES && keys[i] != null; probe++, i = (i + 1) & mask) {
      String k = keys[i];
      if (k.hashCode() == hash && k.length() == length && sameText(k, b, from)) {
        return (V) values[i];
      }
    }
    return null;
  }

  private static boolean sameText(String k, byte[] b, int from) {
    for (int j = 0; j < k.length(); j++) {
      if (k.charAt(j) != b[from + j]) {
        return false;
      }
    }
    return true;
  }

  /** The value kept for the string equal to {@code s[from, to)}, whose hash is {@code hash}, or {@code null}. */
  @SuppressWarnings("unchecked")
  V get(String s, int from, int to, int hash) {
    int length = to - from;
    int mask = keys.length - 1;
    int i = slot(hash);
    for (int probe = 0; probe < PROBES && keys[i] != null; probe++, i = (i + 1) & mask) {
      String k = keys[i];
      if (k.hashCode() == hash && k.length() == length && s.regionMatches(from, k, 0, length)) {
        return (V) values[i];
      }
    }
    return null;
  }

  /**
   * Keeps {@code value} for {@code key} (not kept before), unless {@code bound} strings are kept or
   * no slot within {@link #PROBES} of its own is free.
   */
  void put(String key, V value) {
    if (size >= bound) {
      return;
    }
    if (3 * (size + 1) > 2 * keys.length) {
      grow();
    }
    if (insert(key, value)) {
      size++;
    }
  }

  private boolean insert(String key, Object value) {
    int mask = keys.length - 1;
    int i = slot(key.hashCode());
    for (int probe = 0; probe < PROBES; probe++, i = (i + 1) & mask) {
      if (keys[i] == null) {
        keys[i] = key;
        values[i] = value;
        return true;
      }
    }
    return false;
  }

  private void grow() {
    String[] oldKeys = keys;
    Object[] oldValues = values;
    keys = new String[oldKeys.length * 2];
    values = new Object[oldKeys.length * 2];
    shift--;
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null && insert(oldKeys[i], oldValues[i])) {
        size++;
      }
    }
  }

  /** Fibonacci hashing: consecutive hashes ({@code key1}, {@code key2}, ...) land far apart. */
  private int slot(int hash) {
    return (hash * 0x9E3779B9) >>> shift;
  }
}
