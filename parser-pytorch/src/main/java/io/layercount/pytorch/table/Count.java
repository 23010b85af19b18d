package io.layercount.pytorch.table;

import java.util.OptionalLong;

/** Whole numbers as the tables print them: {@code 1,234}, {@code 0}. */
final class Count {
  private Count() {}

  /**
   * {@code 1,234} → 1234; empty when the text is not a plain whole number or one grouped by threes
   * ({@code 1,2,3} is damage, not 123).
   */
  static OptionalLong parse(String text) {
    if (text == null) {
      return OptionalLong.empty();
    }
    String t = text.trim();
    if (t.isEmpty() || t.startsWith(",") || t.endsWith(",")) {
      return OptionalLong.empty();
    }
    StringBuilder digits = new StringBuilder(t.length());
    int group = 0;
    boolean grouped = false;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
        group++;
      } else if (c == ',' && (grouped ? group == 3 : group <= 3)) {
        // a thousands separator: 1 to 3 digits before the first, exactly 3 between the others
        grouped = true;
        group = 0;
      } else {
        return OptionalLong.empty();
      }
    }
    if (grouped && group != 3) {
      return OptionalLong.empty();
    }
    if (digits.length() > 18) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Long.parseLong(digits.toString()));
  }
}
