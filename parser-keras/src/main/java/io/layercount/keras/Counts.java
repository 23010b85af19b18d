package io.layercount.keras;

/** Reads the numbers Keras prints: {@code 1234}, {@code 1,234}, {@code 27049 (105.66 KB)}. */
final class Counts {
  private Counts() {}

  /**
   * The whole number at the start of {@code text}, with or without thousands separators, maybe with a
   * fraction of zeros (Keras 2.0: {@code 12,304.0}), followed by nothing or by white space; {@code
   * null} if there is none or it is malformed (a separator group that is not three digits, more than
   * 18 digits).
   */
  static Long leading(String text) {
    String t = text.trim();
    int end = 0;
    while (end < t.length() && (Character.isDigit(t.charAt(end)) || t.charAt(end) == ',')) {
      end++;
    }
    int after = end;
    if (end > 0 && end < t.length() && t.charAt(end) == '.') {
      // Keras 2.0 printed its footer's counts as floats ('Total params: 12,304.0'): a fraction of
      // zeros only is the same whole number
      after = end + 1;
      while (after < t.length() && t.charAt(after) == '0') {
        after++;
      }
      if (after == end + 1) {
        return null;
      }
    }
    if (end == 0 || (after < t.length() && t.charAt(after) != ' ')) {
      return null;
    }
    return plain(t.substring(0, end));
  }

  /** {@code text} as a whole number with optional well-formed thousands separators, else {@code null}. */
  static Long plain(String text) {
    String t = text.trim();
    if (t.isEmpty() || t.charAt(0) == ',' || t.charAt(t.length() - 1) == ',') {
      return null;
    }
    StringBuilder digits = new StringBuilder(t.length());
    int group = 0;
    boolean grouped = t.indexOf(',') >= 0;
    int firstGroup = grouped ? t.indexOf(',') : t.length();
    if (grouped && (firstGroup > 3)) {
      return null;
    }
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == ',') {
        if (i > firstGroup && group != 3) {
          return null;
        }
        group = 0;
      } else if (c >= '0' && c <= '9') {
        digits.append(c);
        group++;
      } else {
        return null;
      }
    }
    if ((grouped && group != 3) || digits.length() > 18) {
      return null;
    }
    return Long.parseLong(digits.toString());
  }
}
