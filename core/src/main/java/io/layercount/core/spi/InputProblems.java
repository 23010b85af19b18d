package io.layercount.core.spi;

import io.layercount.core.Diagnostic;
import io.layercount.core.Limits;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Looks at each raw line once, before any repair, for what no parser can read: lines past
 * {@link Limits#maxLineChars()}, NUL and control characters (a binary file), and numbers too long
 * to be a count. Over-long lines are left out; everything else is only reported, once per kind with
 * its first place, so that a binary file gives a handful of diagnostics rather than one per byte.
 */
final class InputProblems {
  /** {@code Long.MAX_VALUE} has 19 digits: a count of 20 or more cannot be held in 64 bits. */
  private static final int LONG_DIGITS = 19;

  private final Limits limits;
  private final List<Diagnostic> longLines = new ArrayList<>();
  private final Occurrences control = new Occurrences();
  private final Occurrences beyond64Bits = new Occurrences();
  private final Occurrences beyondLimit = new Occurrences();
  /** Whether the line {@link #check} scanned last holds an escape (a colour code) or a tab: the repairs' cue. */
  boolean escape;
  boolean tab;
  /** The largest character of every line scanned. */
  char max;

  InputProblems(Limits limits) {
    this.limits = limits;
  }

  /**
   * The line to keep: {@code raw}, or an empty line when it is past the length limit. A line within
   * the limit is copied into {@code buffer} (at least as long) and scanned there: the caller reads
   * the same characters from it.
   */
  String check(int number, String raw, char[] buffer) {
    escape = false;
    tab = false;
    if (raw.length() > limits.maxLineChars()) {
      longLines.add(Diagnostic.error(number, 1, Limits.exceeded(
          String.format(Locale.ROOT, "line %d has %,d characters", number, raw.length()),
          "maxLineChars", limits.maxLineChars()) + "; the line was left out, so a count may be missing"));
      return "";
    }
    raw.getChars(0, raw.length(), buffer, 0);
    if (!plain(buffer, raw.length())) {
      scan(number, buffer, raw.length());
    }
    return raw;
  }

  /**
   * Whether the line has nothing {@link #scan} would report or flag: no control character, tab or
   * escape, and no run of digits and commas longer than any number allowed; if so its largest
   * character is taken in. Two passes that are cheaper than scan's one: every character through a
   * few arithmetic steps without a branch, then only every (allowed + 1)th character for numbers. A
   * line it refuses is scanned again exactly. (Half the time of repairing a text was scan's.)
   */
  private boolean plain(char[] raw, int n) {
    int top = max;
    int low = 0;
    for (int i = 0; i < n; i++) {
      int c = raw[i];
      // as scan takes it: of the characters past the digits only (the mask is zero for the others)
      top = Math.max(top, c & (('9' - c) >> 31));
      // negative where c is below a space or is DEL: the sign bit is all that is kept
      low |= (c - 0x20) | ((c ^ 0x7F) - 1);
    }
    if (low < 0) {
      return false;
    }
    // a run of digits and commas longer than any number allowed holds a character at every
    // (allowed + 1)th place: only runs through those places need measuring
    int stride = Math.min(LONG_DIGITS, limits.maxNumberDigits()) + 1;
    for (int i = stride - 1; i < n; i += stride) {
      if (inNumber(raw[i])) {
        int from = i;
        while (from > 0 && inNumber(raw[from - 1])) {
          from--;
        }
        int to = i + 1;
        while (to < n && inNumber(raw[to])) {
          to++;
        }
        if (to - from >= stride) {
          return false;
        }
        i = to - 1; // the next place to look is past this run (a run that long would hold it)
      }
    }
    max = (char) top;
    return true;
  }

  /**
   * {@link #plain}'s second pass for ASCII bytes ({@code raw[from, to)}) that its first would pass:
   * no control character, DEL or byte past ASCII, {@code top} the largest. Whether no run of digits
   * and commas is longer than any number allowed; if so, the line's largest character is taken in.
   */
  boolean plainNumbers(byte[] raw, int from, int to, int top) {
    int stride = Math.min(LONG_DIGITS, limits.maxNumberDigits()) + 1;
    for (int i = from + stride - 1; i < to; i += stride) {
      if (inNumber((char) raw[i])) {
        int start = i;
        while (start > from && inNumber((char) raw[start - 1])) {
          start--;
        }
        int end = i + 1;
        while (end < to && inNumber((char) raw[end])) {
          end++;
        }
        if (end - start >= stride) {
          return false;
        }
        i = end - 1; // the next place to look is past this run (a run that long would hold it)
      }
    }
    if (top > '9' && top > max) {
      max = (char) top;
    }
    return true;
  }

  private static boolean inNumber(char c) {
    return isDigit(c) || c == ',';
  }

  private void scan(int number, char[] raw, int n) {
    int i = 0;
    while (i < n) {
      char c = raw[i];
      if (c > '9' && c != 0x7F) {
        if (c > max) {
          max = c;
        }
        i++; // letters and most punctuation: neither a digit nor a control, a test or two each
        continue;
      }
      if (isDigit(c)) {
        int start = i;
        int digits = 0;
        while (i < n && isDigit(raw[i])) {
          i++;
          digits++;
          // a thousands separator continues the number only before exactly three digits
          if (i + 4 <= n && raw[i] == ',' && isDigit(raw[i + 1]) && isDigit(raw[i + 2])
              && isDigit(raw[i + 3]) && (i + 4 == n || !isDigit(raw[i + 4]))) {
            i++;
          }
        }
        if (digits > limits.maxNumberDigits()) {
          beyondLimit.add(number, start + 1, digits);
        } else if (digits > LONG_DIGITS && !partOfDecimal(raw, n, start, i)) {
          beyond64Bits.add(number, start + 1, digits);
        }
        continue;
      }
      if (c < 0x20) {
        // one pass for the repairs too: they look for escapes and tabs only where this saw one
        escape |= c == 0x1B;
        tab |= c == '\t';
      }
      if (isControl(c)) {
        control.add(number, i + 1, c);
      }
      i++;
    }
  }

  /**
   * Adds what was found to {@code out}, in the order of the lines, kinds after long lines; the
   * numbers not read as counts are also given as {@link Source.UnreadNumbers}, or {@code null} where
   * there are none.
   */
  Source.UnreadNumbers report(List<Diagnostic> out) {
    out.addAll(longLines);
    List<Diagnostic> numbers = new ArrayList<>(2);
    if (beyondLimit.count > 0) {
      numbers.add(Diagnostic.error(beyondLimit.line, beyondLimit.column, Limits.exceeded(
          "a number of " + String.format(Locale.ROOT, "%,d", beyondLimit.value) + " digits" + beyondLimit.more(),
          "maxNumberDigits", limits.maxNumberDigits()) + "; it is not read, so a count may be missing"));
    }
    if (beyond64Bits.count > 0) {
      // an error: if the number was a count, a count is missing, and nothing may be called exact
      numbers.add(Diagnostic.error(beyond64Bits.line, beyond64Bits.column, "a number of " + beyond64Bits.value
          + " digits" + beyond64Bits.more() + ": too large for a 64-bit count, so it is not read as one"));
    }
    out.addAll(numbers);
    Source.UnreadNumbers unread = null;
    if (!numbers.isEmpty()) {
      int first = Integer.MAX_VALUE;
      for (Occurrences kind : List.of(beyondLimit, beyond64Bits)) {
        first = kind.count > 0 ? Math.min(first, kind.line) : first;
      }
      // a kind that did not occur has its last line 0
      int last = Math.max(beyondLimit.lastLine, beyond64Bits.lastLine);
      unread = new Source.UnreadNumbers(List.copyOf(numbers), first, last);
    }
    if (control.count > 0) {
      String what = control.value == 0 ? "a NUL character" : String.format(Locale.ROOT,
          "a control character (U+%04X)", control.value);
      out.add(Diagnostic.warning(control.line, control.column, what + control.more()
          + ": this looks like a binary file or a text in another encoding, not a printed summary"));
    }
    return unread;
  }

  /**
   * Whether the digits from {@code start} to {@code end} are part of a decimal such as a momentum
   * of {@code 0.00029999999999996696}: a count is never written with a point or an exponent.
   */
  private static boolean partOfDecimal(char[] raw, int n, int start, int end) {
    boolean fraction = start > 0 && raw[start - 1] == '.';
    boolean integerPart = end < n && (raw[end] == '.' || raw[end] == 'e' || raw[end] == 'E');
    return fraction || integerPart;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** C0 controls and DEL, except tab, form feed and escape (ANSI colours), which repairs handle. */
  private static boolean isControl(char c) {
    return (c < 0x20 && c != '\t' && c != '\f' && c != 0x1B) || c == 0x7F;
  }

  /** The first place of one kind of problem and how often it occurs. */
  private static final class Occurrences {
    int count;
    int line;
    int column;
    long value;
    /** The line of the last occurrence. */
    int lastLine;

    void add(int atLine, int atColumn, long what) {
      if (count++ == 0) {
        line = atLine;
        column = atColumn;
        value = what;
      }
      lastLine = atLine;
    }

    String more() {
      return count == 1 ? "" : String.format(Locale.ROOT, " (and %,d more in the text)", count - 1);
    }
  }
}
