package io.layercount.core.spi;

import java.util.List;

/**
 * A prefix on every line, put there by the tool the text went through: a logger
 * ({@code INFO:root:}, {@code 2024-03-01 12:00:01,123 - INFO - }, a Keras summary printed with
 * {@code print_fn=logging.info}), torchrun ({@code [rank0]: }), {@code cat -n} or {@code nl}
 * ({@code "     1\t"}), an editor's line numbers, a CI job's log or {@code docker logs -t} (a time
 * stamp). Found by its shape: every non-blank line starts with text as wide as the first's, the
 * same character for character but for its digits (a right-aligned number's padding read as
 * digits), ending where a separator ends (a space, {@code :}, {@code |}, {@code ]} or {@code )}),
 * with a character that shows in it, and the numbers it holds never go down from one line to the
 * next (a line number counts up, a time goes on). Text the same on every line must also end as a
 * logger's or a launcher's does ({@code :}, {@code ]}, {@code -}, {@code >}, or {@code )} and a
 * space; not {@code |}, which starts a Markdown table's rows). One line that does not fit, and
 * there is no such prefix: the lines of a summary start differently (a printout's root and its
 * children, a table's title, rules and rows).
 *
 * <p>Numbers that go down are two processes' lines interleaved ({@code [rank0]} and {@code [rank1]}),
 * not one text's prefix: left as they are.
 */
final class LinePrefix {
  /** The fewest non-blank lines a prefix is looked for in: fewer cannot show that it is one. */
  static final int FEWEST_LINES = 3;
  /** The widest prefix read as one: a line number, or a log's time stamp, level and source, is narrower. */
  static final int WIDEST = 64;

  private LinePrefix() {}

  /** The width of the prefix on every non-blank line of {@code lines}, or 0 where there is none. */
  static int width(List<String> lines) {
    return width(lines, WIDEST);
  }

  /** As {@link #width(List)}, the prefix no wider than {@code limit}. */
  private static int width(List<String> lines, int limit) {
    int first = nextNonBlank(lines, 0);
    int second = first < 0 ? -1 : nextNonBlank(lines, first + 1);
    if (second < 0) {
      return 0;
    }
    // the prefix is compared with the widest line seen so far that has it all: a numbered blank
    // line is all prefix, and maybe narrower than the prefix with the space after it
    String head = lines.get(first);
    int width = Math.min(limit, WIDEST);
    int nonBlank = 1;
    for (int i = second; i >= 0; i = nextNonBlank(lines, i + 1)) {
      String line = lines.get(i);
      int same = alike(head, line, width);
      if (same < Math.min(width, Math.min(head.length(), line.length()))) {
        width = same;
      } else if (line.length() > head.length() && head.length() < width) {
        head = line;
      }
      // most texts show at once that they have none: their first two lines start differently
      if (width == 0) {
        return 0;
      }
      nonBlank++;
    }
    width = Math.min(width, head.length());
    int end = separatorEnd(head, width);
    // a cut that splits a number (a time stamp whose fraction is printed at varying widths) is no prefix
    if (nonBlank < FEWEST_LINES || end == 0 || !visible(head, end) || hasDigit(head, end, width)
        || startsWithDigit(lines, first, end) || !counts(lines, first, end)) {
      return 0;
    }
    // the same text on every line is a prefix only where it ends as a logger's or a launcher's does
    // ("INFO:root:", "[rank0]: ", "(pid=123) ", "root - INFO - "), not in the middle of a summary's text
    return varies(lines, end) || endsAsALogPrefix(head, end) ? end : 0;
  }

  /**
   * The lines around {@code at} that start with a prefix of one shape, as {@link #width} finds it
   * among them, ending before {@code before} on line {@code at} (where a summary's own text starts
   * there): first line, last line and the prefix's width; {@code null} where there is none. The
   * lines taken are those next to {@code at}, up and down, alike to it over the text before a
   * separator that comes before {@code before}; an empty line ends them.
   */
  static int[] around(List<String> lines, int at, int before) {
    String anchor = lines.get(at);
    int cut = separatorEnd(anchor, Math.min(before, Math.min(WIDEST, anchor.length())));
    if (cut == 0 || !visible(anchor, cut)) {
      return null;
    }
    // the lines are compared over the prefix's text, its spaces aside: a table's own indent
    // (torchsummary's title line) may follow it, which its rules do not have
    int shown = cut;
    while (anchor.charAt(shown - 1) == ' ') {
      shown--;
    }
    int first = at;
    while (first > 0 && fits(anchor, lines.get(first - 1), shown)) {
      first--;
    }
    int last = at;
    while (last + 1 < lines.size() && fits(anchor, lines.get(last + 1), shown)) {
      last++;
    }
    // the prefix may take the spaces after it (every line of the run has them), never text of the summary's
    int most = Math.min(before, anchor.length());
    while (most < anchor.length() && anchor.charAt(most) == ' ') {
      most++;
    }
    int width = width(lines.subList(first, last + 1), most);
    return width == 0 ? null : new int[] {first, last, width};
  }

  /** Whether {@code line} is not blank and starts as {@code anchor} does over {@code cut} characters (or is all of it). */
  private static boolean fits(String anchor, String line, int cut) {
    return !line.isBlank() && alike(anchor, line, cut) >= Math.min(cut, line.length());
  }

  /** Whether the numbers of the prefix of {@code width} characters differ between non-blank lines of {@code lines}. */
  static boolean varies(List<String> lines, int width) {
    int first = nextNonBlank(lines, 0);
    for (int i = first < 0 ? -1 : nextNonBlank(lines, first + 1); i >= 0; i = nextNonBlank(lines, i + 1)) {
      if (compareNumbers(lines.get(first), lines.get(i), width) != 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * How far {@code a} and {@code b} start alike (at most {@code limit} characters): equal
   * characters, or digits in both, a run of spaces before a digit counting as digits.
   */
  private static int alike(String a, String b, int limit) {
    int n = Math.min(limit, Math.min(a.length(), b.length()));
    for (int i = 0; i < n; i++) {
      if (a.charAt(i) != b.charAt(i) && !(isNumeral(a, i) && isNumeral(b, i))) {
        return i;
      }
    }
    return n;
  }

  /** Whether {@code s.charAt(i)} is a digit, or a space in a run that a digit ends (a right-aligned number's padding). */
  private static boolean isNumeral(String s, int i) {
    // padding within a prefix's width: a run of spaces longer than that pads no number of a prefix
    int k = i;
    int end = Math.min(s.length(), i + WIDEST);
    while (k < end && s.charAt(k) == ' ') {
      k++;
    }
    return k < end && isDigit(s.charAt(k));
  }

  /**
   * {@code width}, or less, to end where a separator of {@code head} does: after a space (and any
   * spaces before it), {@code :}, {@code |}, {@code ]} or {@code )}; 0 where none does.
   */
  private static int separatorEnd(String head, int width) {
    int end = Math.min(width, head.length());
    while (end > 0) {
      char c = head.charAt(end - 1);
      if ((c == ' ' || c == ':' || c == '|' || c == ']' || c == ')') && !digitsAround(head, end)) {
        return end;
      }
      end--;
    }
    return 0;
  }

  /** Whether {@code s} has, before {@code end}, a character that shows: not a space, nor a control character. */
  private static boolean visible(String s, int end) {
    for (int i = 0; i < end; i++) {
      char c = s.charAt(i);
      if (c > ' ' && !Character.isISOControl(c)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code head[0, end)}, its trailing spaces aside, ends with {@code :}, {@code ]},
   * {@code -} or {@code >}, or with {@code )} and a space after it.
   */
  private static boolean endsAsALogPrefix(String head, int end) {
    int last = end - 1;
    while (last >= 0 && head.charAt(last) == ' ') {
      last--;
    }
    if (last < 0) {
      return false;
    }
    char c = head.charAt(last);
    // not '|': a Markdown table's rows all start with one, and it is the table's
    return c == ':' || c == ']' || c == '-' || c == '>' || c == ')' && last < end - 1;
  }

  /** Whether a cut at {@code end} would split a number of {@code s} (padding included). */
  private static boolean digitsAround(String s, int end) {
    return end < s.length() && s.charAt(end - 1) == ' ' && isNumeral(s, end - 1) && isNumeral(s, end);
  }

  /** Whether {@code s} has a digit in {@code [from, to)}. */
  private static boolean hasDigit(String s, int from, int to) {
    for (int i = from; i < to && i < s.length(); i++) {
      if (isDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Whether some non-blank line from {@code first} on goes on with a digit after {@code width} characters. */
  private static boolean startsWithDigit(List<String> lines, int first, int width) {
    for (int i = first; i >= 0; i = nextNonBlank(lines, i + 1)) {
      String line = lines.get(i);
      if (line.length() > width && isDigit(line.charAt(width))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the numbers of the prefixes never go down from one non-blank line to the next (compared as a list, the first number first). */
  private static boolean counts(List<String> lines, int first, int width) {
    String before = lines.get(first);
    for (int i = nextNonBlank(lines, first + 1); i >= 0; i = nextNonBlank(lines, i + 1)) {
      String line = lines.get(i);
      if (compareNumbers(before, line, width) > 0) {
        return false;
      }
      before = line;
    }
    return true;
  }

  /** The numbers of {@code a} against those of {@code b} within {@code width}, in turn: negative, 0 or positive. */
  private static int compareNumbers(String a, String b, int width) {
    int i = 0;
    int j = 0;
    int na = Math.min(width, a.length());
    int nb = Math.min(width, b.length());
    while (true) {
      while (i < na && !isDigit(a.charAt(i))) {
        i++;
      }
      while (j < nb && !isDigit(b.charAt(j))) {
        j++;
      }
      if (i >= na || j >= nb) {
        return Boolean.compare(i < na, j < nb);
      }
      int ea = i;
      while (ea < na && isDigit(a.charAt(ea))) {
        ea++;
      }
      int eb = j;
      while (eb < nb && isDigit(b.charAt(eb))) {
        eb++;
      }
      int order = compareDigits(a, i, ea, b, j, eb);
      if (order != 0) {
        return order;
      }
      i = ea;
      j = eb;
    }
  }

  /** Two runs of digits compared as numbers, of any length. */
  private static int compareDigits(String a, int i, int ea, String b, int j, int eb) {
    while (i < ea - 1 && a.charAt(i) == '0') {
      i++;
    }
    while (j < eb - 1 && b.charAt(j) == '0') {
      j++;
    }
    if (ea - i != eb - j) {
      return Integer.compare(ea - i, eb - j);
    }
    for (; i < ea; i++, j++) {
      if (a.charAt(i) != b.charAt(j)) {
        return Character.compare(a.charAt(i), b.charAt(j));
      }
    }
    return 0;
  }

  private static int nextNonBlank(List<String> lines, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
