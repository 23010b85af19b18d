package io.layercount.keras;

/** Reads the numbers Keras prints: {@code 1234}, {@code 1,234}, {@code 27049 (105.66 KB)}. */
final class Counts {
  private Counts() {}

  /**
   * The whole number at the start of {@code text}, with or without thousands separators, followed by
   * nothing or by white space; {@code null} if there is none or it is malformed (a separator group
   * that is not three digits, more than 18 digits).
   */
  static Long leading(String text) {
    String t = text.trim();
    int end = 0;
    while (end < t.length() && (Character.isDigit(t.charAt(end)) || t.charAt(end) == ',')) {
      end++;
    }
    if (end == 0 || (end < t.length() && t.charAt(end) != ' ')) {
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
