package io.layercount.core.testing;

/** What a terminal of a fixed width, or {@code fold -w}, does to a text: for the tests of every parser. */
public final class HardWrap {
  private HardWrap() {}

  /**
   * Every line longer than {@code width} cut into pieces of {@code width} characters, the last
   * shorter, as a terminal of that width or {@code fold -w} leaves it: a hard wrap.
   */
  public static String hardWrapped(String text, int width) {
    StringBuilder out = new StringBuilder(text.length() + text.length() / width);
    for (String line : text.split("\n", -1)) {
      int at = 0;
      while (line.length() - at > width) {
        out.append(line, at, at + width).append('\n');
        at += width;
      }
      out.append(line, at, line.length()).append('\n');
    }
    out.setLength(out.length() - 1);
    return out.toString();
  }
}
