package io.layercount.pytorch;

/** Applies the damage copying does to a text, for tests that must read through it. */
final class CopyDamage {
  private CopyDamage() {}

  /** CRLF line ends, runs of 8 leading spaces as tabs, and a {@code > } quote before every line. */
  static String crlfTabsQuote(String text) {
    StringBuilder out = new StringBuilder(text.length() + text.length() / 8);
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      out.append("> ");
      int i = start;
      // "> " takes 2 columns, so the first tab stop (8) is 6 spaces of the original away
      int column = 2;
      while (i < end && text.charAt(i) == ' ') {
        int toStop = 8 - column % 8;
        if (i + toStop <= end && text.startsWith(" ".repeat(toStop), i)) {
          out.append('\t');
          i += toStop;
          column += toStop;
        } else {
          break;
        }
      }
      out.append(text, i, end).append("\r\n");
      start = end + 1;
    }
    return out.toString();
  }
}
