package io.layercount.pytorch;

/**
 * Recognises the pieces of a printout line by scanning characters: no regular expressions, no
 * backtracking, and no substrings except the parts a node keeps.
 */
final class LineSyntax {
  /** How many {@code "): "} occurrences a child line may try as the end of its key. */
  private static final int KEY_ATTEMPTS = 4;

  private LineSyntax() {}

  /** Leading spaces of {@code s} from {@code from}. */
  static int indent(String s, int from) {
    int i = from;
    while (i < s.length() && s.charAt(i) == ' ') {
      i++;
    }
    return i - from;
  }

  /** Whether {@code s} holds only spaces from {@code from}. */
  static boolean isBlank(String s, int from) {
    return from + indent(s, from) >= s.length();
  }

  static boolean isTypeStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  static boolean isTypePart(char c) {
    // ASCII by two bit sets, as Character answers them: every letter of a class name is one test
    return c < 64 ? (TYPE_PART_LOW & 1L << c) != 0 : c < 128 ? (TYPE_PART_HIGH & 1L << (c - 64)) != 0
        : Character.isLetterOrDigit(c);
  }

  /** The characters below 64 and from 64 to 127 that {@link #isTypePart} takes: digits and '.'; letters and '_'. */
  private static final long TYPE_PART_LOW = asciiSet(0, c -> Character.isLetterOrDigit(c) || c == '_' || c == '.');
  private static final long TYPE_PART_HIGH = asciiSet(64, c -> Character.isLetterOrDigit(c) || c == '_' || c == '.');

  private static long asciiSet(int from, java.util.function.IntPredicate in) {
    long set = 0;
    for (int c = from; c < from + 64; c++) {
      if (in.test(c)) {
        set |= 1L << (c - from);
      }
    }
    return set;
  }

  /**
   * Reads a module's text filling {@code s} from {@code from} to the end: {@code None},
   * {@code Name(}, {@code Name (}, {@code Name {}, {@code Name(args)} or {@code Name (args)}; with
   * {@code allowCount}, an optional {@code n x } run prefix. Returns {@code null} for anything else.
   */
  static ModuleText moduleText(String s, int from, boolean allowCount) {
    int len = s.length();
    int count = 0;
    int start = from;
    if (allowCount) {
      int digits = from;
      while (digits < len && digits - from < 9 && isDigit(s.charAt(digits))) {
        digits++;
      }
      if (digits > from && s.startsWith(" x ", digits)) {
        count = Integer.parseInt(s, from, digits, 10);
        start = digits + 3;
      }
    }
    if (len - start == 4 && s.startsWith("None", start)) {
      // (a run of them too, "(0-11): 12 x None": torch 2 collapses a ModuleList's None entries)
      return new ModuleText(ModuleText.Kind.NONE, null, ModuleNode.Form.MODERN, null, start, -1, count);
    }
    if (start >= len || !isTypeStart(s.charAt(start))) {
      return null;
    }
    int end = start + 1;
    while (end < len && isTypePart(s.charAt(end))) {
      end++;
    }
    int open = end < len && s.charAt(end) == ' ' ? end + 1 : end;
    if (open >= len) {
      return null;
    }
    ModuleNode.Form form = open > end ? ModuleNode.Form.LEGACY : ModuleNode.Form.MODERN;
    char c = s.charAt(open);
    String type = s.substring(start, end);
    if (c == '{' && open == len - 1) {
      return new ModuleText(ModuleText.Kind.OPEN, type, ModuleNode.Form.BRACES, null, start, -1, count);
    }
    if (c != '(') {
      return null;
    }
    if (open == len - 1) {
      return new ModuleText(ModuleText.Kind.OPEN, type, form, null, start, -1, count);
    }
    // PyTorch ends a one-line module with its ')': take everything between, however unbalanced,
    // unless closing lines were joined onto it (a blog's "bias=False)))"): then the module ends where
    // its own parenthesis closes, and the closers after it are left for the blocks around it
    if (s.charAt(len - 1) == ')') {
      int last = len - 1;
      if (s.charAt(len - 2) == ')') {
        int close = matchingClose(s, open);
        if (close > 0 && close < last && onlyClosers(s, close + 1)) {
          last = close;
        }
      }
      return new ModuleText(ModuleText.Kind.ONE_LINE, type, form, s.substring(open + 1, last), start,
          last < len - 1 ? last + 1 : -1, count);
    }
    // Text after the module (torch_summarize's ", weights=..."): the balanced ')' ends it.
    int close = matchingClose(s, open);
    if (close < 0) {
      return null;
    }
    return new ModuleText(ModuleText.Kind.ONE_LINE, type, form, s.substring(open + 1, close), start, close + 1, count);
  }

  /**
   * Reads a child line {@code (key): module} whose {@code (} is at {@code open}; {@code keyEnd[0]}
   * receives the index of the {@code )} ending the key. Keys may hold any character, so each
   * {@code "): "} is tried in turn until the rest reads as a module.
   */
  static ModuleText childText(String s, int open, int[] keyEnd) {
    int from = open + 1;
    for (int attempt = 0; attempt < KEY_ATTEMPTS; attempt++) {
      int close = s.indexOf("): ", from);
      if (close < 0) {
        return null;
      }
      ModuleText text = moduleText(s, close + 3, true);
      if (text != null) {
        keyEnd[0] = close;
        return text;
      }
      from = close + 1;
    }
    return null;
  }

  /**
   * Finds a block opener at the end of {@code s} ({@code Name(}, {@code Name (}, {@code Name {}),
   * wherever the name starts: text before it (a log prefix, {@code Out[3]:}, {@code model=}) is
   * allowed. Returns {@code null} when the line does not end so.
   */
  static ModuleText openerAtEnd(String s, int from) {
    int len = s.length();
    if (len - from < 2) {
      return null;
    }
    char last = s.charAt(len - 1);
    if (last != '(' && last != '{') {
      return null;
    }
    int end = len - 1;
    if (s.charAt(end - 1) == ' ') {
      end--;
    }
    int start = end;
    while (start > from && isTypePart(s.charAt(start - 1))) {
      start--;
    }
    // a name cannot start with a digit or a dot: skip those ("1x.Net(" reads as "Net(")
    while (start < end && !isTypeStart(s.charAt(start))) {
      start++;
    }
    if (start == end) {
      return null;
    }
    return moduleText(s, start, false);
  }

  /** Whether {@code s} from {@code from} is a block's closing {@code )} or {@code }} (text may follow). */
  static boolean isCloser(String s, int from) {
    if (from >= s.length()) {
      return false;
    }
    char c = s.charAt(from);
    return c == ')' || c == '}';
  }

  /** The index of the {@code -} in a run key such as {@code 0-31}, or -1 when the key is no range. */
  static int rangeDash(String key) {
    int dash = key.indexOf('-');
    if (dash <= 0 || dash == key.length() - 1 || key.length() > 19) {
      return -1;
    }
    for (int i = 0; i < key.length(); i++) {
      if (i != dash && !isDigit(key.charAt(i))) {
        return -1;
      }
    }
    return dash;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int matchingClose(String s, int open) {
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** Whether {@code s} from {@code from} to its end is {@code )} alone. */
  static boolean onlyClosers(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      if (s.charAt(i) != ')') {
        return false;
      }
    }
    return true;
  }

  /** The parentheses {@code text} opens and leaves open (negative where it closes more). */
  static int openParentheses(String text) {
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      }
    }
    return depth;
  }
}
