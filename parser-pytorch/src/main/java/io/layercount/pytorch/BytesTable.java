package io.layercount.pytorch;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Values found by a part of a byte array ({@code b[from, to)}) equal to a part kept before, with no
 * string made to look it up: a printout prints the same argument texts on most of its lines, and
 * each was cut out as a string and hashed a character at a time only to find the one parsed before.
 * The parts are hashed eight bytes at a time and compared as arrays. Holds at most {@code bound}
 * parts, the first met; open addressing. Not thread-safe.
 *
 * <p>A part is looked for, and kept, only within {@value #PROBES} slots of its own hash's: past
 * that, a part is simply not found (parts of one hash are easily made), and the caller reads it
 * the long way.
 */
final class BytesTable<V> {
  static final int PROBES = 16;
  private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long MIX = 0x9E3779B97F4A7C15L;

  private final int bound;
  private byte[][] keys = new byte[64][];
  private int[] hashes = new int[64];
  private Object[] values = new Object[64];
  private int size;

  BytesTable(int bound) {
    this.bound = bound;
  }

  /** The hash of {@code b[from, to)}: its words, then the bytes after the last whole word, each step mixed. */
  static int hash(byte[] b, int from, int to) {
    long h = to - from;
    int i = from;
    for (; i <= to - Long.BYTES; i += Long.BYTES) {
      h = (h ^ (long) WORDS.get(b, i)) * MIX;
    }
    long tail = 0;
    for (; i < to; i++) {
      tail = tail << 8 | b[i] & 0xFF;
    }
    h = (h ^ tail) * MIX;
    return (int) (h ^ h >>> 32);
  }

  /** The value kept for the part equal to {@code b[from, to)}, whose {@link #hash} is {@code hash}, or {@code null}. */
  @SuppressWarnings("unchecked")
  V get(byte[] b, int from, int to, int hash) {
    int mask = keys.length - 1;
    int i = hash & mask;
    for (int probe = 0; probe < PROBES && keys[i] != null; probe++, i = (i + 1) & mask) {
      if (hashes[i] == hash && Arrays.equals(keys[i], 0, keys[i].length, b, from, to)) {
        return (V) values[i];
      }
    }
    return null;
  }

  /**
   * Keeps {@code value} for a copy of {@code b[from, to)} (not kept before), unless {@code bound}
   * parts are kept or no slot within {@link #PROBES} of its own is free.
   */
  void put(byte[] b, int from, int to, int hash, V value) {
    if (size >= bound) {
      return;
    }
    if (3 * (size + 1) > 2 * keys.length) {
      grow();
    }
    if (insert(Arrays.copyOfRange(b, from, to), hash, value)) {
      size++;
    }
  }

  private boolean insert(byte[] key, int hash, Object value) {
    int mask = keys.length - 1;
    int i = hash & mask;
    for (int probe = 0; probe < PROBES; probe++, i = (i + 1) & mask) {
      if (keys[i] == null) {
        keys[i] = key;
        hashes[i] = hash;
        values[i] = value;
        return true;
      }
    }
    return false;
  }

  private void grow() {
    byte[][] oldKeys = keys;
    int[] oldHashes = hashes;
    Object[] oldValues = values;
    keys = new byte[oldKeys.length * 2][];
    hashes = new int[oldKeys.length * 2];
    values = new Object[oldKeys.length * 2];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null && insert(oldKeys[i], oldHashes[i], oldValues[i])) {
        size++;
      }
    }
  }
}
