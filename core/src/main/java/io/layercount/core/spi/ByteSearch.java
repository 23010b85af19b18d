package io.layercount.core.spi;

/**
 * Finds one byte value in a part of a byte array eight bytes at a time ({@code haszero} of "Bit
 * Twiddling Hacks" on the word XORed with the value), for a search of a text's lines for a word
 * without a string made of each line: the places of the needle's rarest byte are found this way,
 * and the needle compared there.
 */
final class ByteSearch {

  private final byte[] bytes;
  private final long pattern;
  private final byte value;
  private final int end;
  /** Where the next word to look at starts. */
  private int at;

  /** A search of {@code bytes[from, to)} for {@code value}. */
  ByteSearch(byte[] bytes, byte value, int from, int to) {
    this.bytes = bytes;
    this.value = value;
    this.pattern = AsciiLine.ONES * (value & 0xFF);
    this.at = from;
    this.end = to;
  }

  /**
   * Puts the next places of the value, in order, into {@code into} (of at least 8) and says how
   * many; 0 once the part is searched.
   */
  int next(int[] into) {
    int count = 0;
    int room = into.length - Long.BYTES;
    int i = at;
    for (; i <= end - Long.BYTES && count <= room; i += Long.BYTES) {
      // four words at a time, tested together, while four are left: most have no such byte
      while (i <= end - 4 * Long.BYTES && none(i)) {
        i += 4 * Long.BYTES;
      }
      if (i > end - Long.BYTES) {
        break;
      }
      // a byte equal to the value is zero in the word XORed with it: the lowest such byte is flagged
      // exactly, the ones above it may be flagged falsely (a borrow), so each flagged byte is checked
      long zeros = AsciiLine.zeroBytes((long) AsciiLine.WORDS.get(bytes, i) ^ pattern);
      while (zeros != 0) {
        int k = i + (Long.numberOfTrailingZeros(zeros) >>> 3);
        if (bytes[k] == value) {
          into[count++] = k;
        }
        zeros &= zeros - 1;
      }
    }
    if (i > end - Long.BYTES) {
      for (; i < end && count < into.length; i++) {
        if (bytes[i] == value) {
          into[count++] = i;
        }
      }
    }
    at = i;
    return count;
  }

  /** Whether none of the four words from {@code i} holds the value. */
  private boolean none(int i) {
    return (AsciiLine.zeroBytes((long) AsciiLine.WORDS.get(bytes, i) ^ pattern)
        | AsciiLine.zeroBytes((long) AsciiLine.WORDS.get(bytes, i + Long.BYTES) ^ pattern)
        | AsciiLine.zeroBytes((long) AsciiLine.WORDS.get(bytes, i + 2 * Long.BYTES) ^ pattern)
        | AsciiLine.zeroBytes((long) AsciiLine.WORDS.get(bytes, i + 3 * Long.BYTES) ^ pattern)) == 0;
  }

  /** Whether {@code bytes} holds {@code needle} at {@code from} (which leaves room for it). */
  static boolean matches(byte[] bytes, int from, byte[] needle) {
    for (int k = 0; k < needle.length; k++) {
      if (bytes[from + k] != needle[k]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The index of the byte of {@code needle} to look for: the rarest in printouts and tables by a
   * rough ranking (other signs, then capitals, then {@code _} and {@code .}, then lower case letters,
   * digits, spaces and the punctuation of arguments), the first of equal rank.
   */
  static int anchor(byte[] needle) {
    int best = 0;
    for (int k = 1; k < needle.length; k++) {
      if (commonness(needle[k]) < commonness(needle[best])) {
        best = k;
      }
    }
    return best;
  }

  private static int commonness(byte b) {
    if (b == ' ' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '(' || b == ')' || b == ',' || b == '='
        || b == ':') {
      return 3;
    }
    if (b == '_' || b == '.') {
      return 2;
    }
    return b >= 'A' && b <= 'Z' ? 1 : 0;
  }
}
