package io.layercount.pytorch;

import io.layercount.core.testing.HardWrap;

/** Applies the damage copying does to a text, for tests that must read through it. */
public final class CopyDamage {
  private CopyDamage() {}

  /** Each two leading spaces a tab: a printout whose indent an editor turned into a tab per level. */
  static String tabPerLevel(String text) {
    return perLevel(text, "\t");
  }

  /** Each two leading spaces {@code width} spaces: a printout an editor indented by 4, or a copy that widened it. */
  static String widened(String text, int width) {
    return perLevel(text, " ".repeat(width));
  }

  /** Each two leading spaces of every line {@code level}, an odd space left as it is. */
  private static String perLevel(String text, String level) {
    StringBuilder out = new StringBuilder(text.length());
    for (String line : text.split("\n", -1)) {
      int spaces = 0;
      while (spaces < line.length() && line.charAt(spaces) == ' ') {
        spaces++;
      }
      out.append(level.repeat(spaces / 2)).append(" ".repeat(spaces % 2)).append(line, spaces, line.length()).append('\n');
    }
    out.setLength(out.length() - 1);
    return out.toString();
  }

  /** As {@link HardWrap#hardWrapped}: a hard wrap at {@code width} columns. */
  public static String hardWrapped(String text, int width) {
    return HardWrap.hardWrapped(text, width);
  }

  /**
   * Every line numbered as {@code cat -n} numbers it: the number right-aligned in 6 columns, then a
   * tab (a blank line numbered too).
   */
  public static String numbered(String text) {
    StringBuilder out = new StringBuilder(text.length() + text.length() / 4);
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      out.append(String.format("%6d\t", i + 1)).append(lines[i]).append('\n');
    }
    out.setLength(out.length() - 1);
    return out.toString();
  }

  /**
   * Every line stamped with the time it was logged, as a CI runner's log or {@code docker logs -t}
   * shows it ({@code 2024-01-15T10:23:45.1234567Z }): a second and a bit apart, the minutes going on.
   */
  public static String timeStamped(String text) {
    StringBuilder out = new StringBuilder(text.length() + text.length() / 2);
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      long tenthsOfMicros = 12_345_678L * (i + 1);
      long seconds = tenthsOfMicros / 10_000_000L;
      out.append(String.format("2024-01-15T%02d:%02d:%02d.%07dZ ", 10 + seconds / 3600 % 14, seconds / 60 % 60,
          seconds % 60, tenthsOfMicros % 10_000_000L)).append(lines[i]).append('\n');
    }
    out.setLength(out.length() - 1);
    return out.toString();
  }

  /** Every leading space a no-break space, as a page or a chat that shows the text copies it. */
  static String noBreakIndent(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (String line : text.split("\n", -1)) {
      int spaces = 0;
      while (spaces < line.length() && line.charAt(spaces) == ' ') {
        spaces++;
      }
      out.append("\u00A0".repeat(spaces)).append(line, spaces, line.length()).append('\n');
    }
    out.setLength(out.length() - 1);
    return out.toString();
  }

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
