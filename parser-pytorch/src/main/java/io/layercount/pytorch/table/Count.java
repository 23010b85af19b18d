package io.layercount.pytorch.table;

import java.util.OptionalLong;

/** Whole numbers as the tables print them: {@code 1,234}, {@code 0}. */
final class Count {
  private Count() {}

  /** {@code 1,234} → 1234; empty when the text is not a grouped or plain whole number. */
  static OptionalLong parse(String text) {
    if (text == null) {
      return OptionalLong.empty();
    }
    String t = text.trim();
    if (t.isEmpty() || t.startsWith(",") || t.endsWith(",")) {
      return OptionalLong.empty();
    }
    StringBuilder digits = new StringBuilder(t.length());
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (c != ',') {
        return OptionalLong.empty();
      }
    }
    if (digits.length() > 18) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Long.parseLong(digits.toString()));
  }
}
