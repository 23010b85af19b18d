package io.layercount.core.spi;

/**
 * A line that says text was left out there, as whoever pasted a summary writes it: a run of 3 to 20
 * dots ({@code ...}, {@code ......}) or of 1 to 6 ellipses ({@code …}). For every parser: a
 * summary's own lines are never one.
 */
public final class ElisionMark {
  private ElisionMark() {}

  /** Whether {@code line}, white space at either end aside, is only dots or ellipses. */
  public static boolean isDots(String line) {
    String t = line.strip();
    if (t.isEmpty() || t.length() > 20) {
      return false;
    }
    char c = t.charAt(0);
    if (c != '.' && c != '…' || c == '.' && t.length() < 3 || c == '…' && t.length() > 6) {
      return false;
    }
    for (int i = 1; i < t.length(); i++) {
      if (t.charAt(i) != c) {
        return false;
      }
    }
    return true;
  }
}
