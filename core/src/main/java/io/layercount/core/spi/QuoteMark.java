package io.layercount.core.spi;

import java.util.List;

/**
 * The mark that quoting or commenting out a pasted text puts before each of its lines: {@code >}
 * (mail, Markdown; {@code > >} when quoted twice), {@code #} or {@code ##} (a summary kept as a comment
 * in a Python file, R Markdown's output), {@code //}. No summary format starts a line with one of
 * these, so a mark on every non-blank line is copy damage, not content.
 */
final class QuoteMark {
  private QuoteMark() {}

  /**
   * The mark, with the one space after it where every line that goes on has that space, on every
   * non-blank line of {@code lines}; the empty string where there is none.
   */
  static String common(List<String> lines) {
    String mark = null;
    boolean spaced = true;
    for (String l : lines) {
      if (l.isBlank() || isBanner(l)) {
        continue;
      }
      if (mark == null) {
        mark = markOf(l);
        if (mark.isEmpty()) {
          return "";
        }
      } else if (!l.startsWith(mark) || markOf(l).length() != mark.length()) {
        return "";
      }
      if (l.length() > mark.length() && l.charAt(mark.length()) != ' ') {
        spaced = false;
      }
    }
    return mark == null ? "" : spaced ? mark + " " : mark;
  }

  /**
   * Whether a line is a banner of {@code #} alone ({@code ##########} above a commented summary in a
   * log): a line of the commented block that is longer than its mark says nothing of the mark, and is
   * read, as before, as text that is not part of the summary.
   */
  private static boolean isBanner(String line) {
    String s = line.strip();
    if (s.length() < 3) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) != '#') {
        return false;
      }
    }
    return true;
  }

  /** What the mark is, for the diagnostic that says it was removed. */
  static String what(String mark) {
    return mark.charAt(0) == '>' ? "quote" : "comment mark";
  }

  /** The quote or comment mark {@code line} starts with: {@code >} runs (spaces between allowed), {@code #} runs or {@code //}. */
  private static String markOf(String line) {
    char c = line.charAt(0);
    if (c == '>') {
      int end = 1;
      // "> > text" is a quote of a quote: take every '>' with the single spaces between them
      while (end + 1 < line.length() && line.charAt(end) == ' ' && line.charAt(end + 1) == '>') {
        end += 2;
      }
      while (end < line.length() && line.charAt(end) == '>') {
        end++;
      }
      return line.substring(0, end);
    }
    if (c == '#') {
      int end = 1;
      while (end < line.length() && line.charAt(end) == '#') {
        end++;
      }
      return line.substring(0, end);
    }
    return line.startsWith("//") ? "//" : "";
  }
}
