package io.layercount.core.spi;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds where a line of ASCII bytes ends and whether it holds anything {@link Source} must look at
 * closely, eight bytes at a time: each word is tested as a whole for a line feed, for a byte below
 * a space, DEL or past ASCII, and for a byte above the largest character seen so far (the
 * word-at-a-time tests of "Bit Twiddling Hacks": {@code haszero}, {@code hasless}, {@code hasmore}),
 * where a byte at a time took three steps per byte (5 % of reading the corpus).
 */
final class AsciiLine {
  /** A byte array read eight bytes at a time, the first the lowest ({@link ByteSearch} reads so too). */
  static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  static final long ONES = 0x0101010101010101L;
  static final long HIGHS = 0x8080808080808080L;
  private static final long LINE_FEEDS = ONES * '\n';
  private static final long DELS = ONES * 0x7F;
  private static final long SPACES = ONES * ' ';

  /** Whether the line {@link #end} scanned last holds no control character, DEL or byte past ASCII. */
  boolean plain;
  /**
   * Where {@link #plain}: the line's largest byte where that is above the floor {@link #end} was
   * given, else the floor.
   */
  int top;

  /**
   * The end of the line starting at {@code start}: the index of its line feed, or {@code end}
   * where none comes before. Sets {@link #plain} and {@link #top}; {@code floor} is from a space to 127.
   */
  int end(byte[] bytes, int start, int end, int floor) {
    long bad = 0;
    int top = floor;
    int i = start;
    for (; i <= end - Long.BYTES; i += Long.BYTES) {
      long x = (long) WORDS.get(bytes, i);
      long feeds = zeroBytes(x ^ LINE_FEEDS); // exact up to the first line feed, the lowest byte set
      if (feeds != 0) {
        int before = Long.numberOfTrailingZeros(feeds) >>> 3;
        long kept = (1L << (8 * before)) - 1; // the bytes before it
        x = (x & kept) | (SPACES & ~kept); // the rest made spaces: plain, and below any floor
        bad |= bad(x);
        this.plain = bad == 0;
        this.top = bad == 0 ? raise(top, x) : top;
        return i + before;
      }
      bad |= bad(x);
      if (bad == 0) {
        top = raise(top, x);
      }
    }
    int low = 0;
    for (; i < end; i++) {
      int b = bytes[i];
      if (b == '\n') {
        break;
      }
      // negative where b is below a space, DEL, or past ASCII (a negative byte)
      low |= (b - 0x20) | ((b ^ 0x7F) - 1);
      top = Math.max(top, b);
    }
    this.plain = bad == 0 && low >= 0;
    this.top = top;
    return i;
  }

  /**
   * The high bit of each zero byte of {@code x} ({@code haszero}): the lowest is exact, those above
   * it may be set falsely by the borrow; zero exactly where no byte is zero.
   */
  static long zeroBytes(long x) {
    return (x - ONES) & ~x & HIGHS;
  }

  /**
   * Nonzero where a byte of {@code x} is past ASCII, below a space or DEL: exact as to whether any
   * is, the borrow of a subtraction running only from a byte that is.
   */
  private static long bad(long x) {
    long del = x ^ DELS;
    return (x | ((x - SPACES) & ~x) | ((del - ONES) & ~del)) & HIGHS;
  }

  /** {@code top}, or the largest byte of {@code x} where one is larger; every byte of {@code x} and {@code top} below 128. */
  private static int raise(int top, long x) {
    if ((((x + ONES * (127 - top)) | x) & HIGHS) == 0) {
      return top;
    }
    for (int k = 0; k < Long.BYTES; k++) {
      top = Math.max(top, (int) (x >>> (8 * k)) & 0xFF);
    }
    return top;
  }
}
