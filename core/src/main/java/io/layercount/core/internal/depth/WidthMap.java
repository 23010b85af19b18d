package io.layercount.core.internal.depth;

/**
 * A map from a tensor width (any {@code long}, {@link Widths#UNKNOWN} included) to a value, without
 * boxing: a replay puts a width for every tensor it makes, and a boxed {@code HashMap} made that one
 * of the costliest lines of the depth inference. Open addressing with linear probing; no removal.
 */
final class WidthMap<V> {
  private long[] keys = new long[8];
  private Object[] values = new Object[8];
  private int size;

  /** The value of {@code width}, or {@code null}. */
  @SuppressWarnings("unchecked")
  V get(long width) {
    int mask = keys.length - 1;
    for (int i = slot(width, mask); values[i] != null; i = (i + 1) & mask) {
      if (keys[i] == width) {
        return (V) values[i];
      }
    }
    return null;
  }

  /** Maps {@code width} to {@code value} (not {@code null}), replacing what it held. */
  void put(long width, V value) {
    int mask = keys.length - 1;
    int i = slot(width, mask);
    for (; values[i] != null; i = (i + 1) & mask) {
      if (keys[i] == width) {
        values[i] = value;
        return;
      }
    }
    keys[i] = width;
    values[i] = value;
    if (++size * 2 > keys.length) {
      grow();
    }
  }

  private void grow() {
    long[] oldKeys = keys;
    Object[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new Object[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldValues[j] != null) {
        int i = slot(oldKeys[j], mask);
        while (values[i] != null) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        values[i] = oldValues[j];
      }
    }
  }

  private static int slot(long width, int mask) {
    long h = width * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
