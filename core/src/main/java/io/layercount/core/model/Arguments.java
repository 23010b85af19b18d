package io.layercount.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The printed arguments of a layer, e.g. {@code 3, 64, kernel_size=(7, 7), bias=False}.
 *
 * <p>Parsed leniently: top-level commas separate items (brackets and quotes are respected); an item
 * {@code key=value}, {@code key = value} or {@code key: value} is named, anything else positional. The
 * legacy arrow {@code 512 -> 1000} gives two positional items. The raw text is kept.
 *
 * @param raw the text as printed (several extra-repr lines joined by {@code ", "})
 * @param positional unnamed items in order
 * @param named named items in order
 */
public record Arguments(String raw, List<String> positional, Map<String, String> named) {
  /** No arguments printed. */
  public static final Arguments NONE = new Arguments("", List.of(), Map.of());

  /** Copies the collections, so that the record stays immutable. */
  public Arguments {
    positional = List.copyOf(positional);
    named = Collections.unmodifiableMap(new LinkedHashMap<>(named));
  }

  /** Parses printed argument text; never fails. */
  public static Arguments parse(String text) {
    if (text == null || text.isBlank()) {
      return text == null ? NONE : new Arguments(text, List.of(), Map.of());
    }
    List<String> positional = new ArrayList<>();
    Map<String, String> named = new LinkedHashMap<>();
    for (String item : splitTopLevel(text)) {
      String trimmed = item.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      int arrow = topLevelIndexOf(trimmed, "->");
      if (arrow > 0) {
        positional.add(trimmed.substring(0, arrow).trim());
        positional.add(trimmed.substring(arrow + 2).trim());
        continue;
      }
      int sep = keySeparator(trimmed);
      if (sep > 0) {
        String key = trimmed.substring(0, sep).trim();
        String value = trimmed.substring(sep + 1).trim();
        named.putIfAbsent(key, value);
      } else {
        positional.add(trimmed);
      }
    }
    return new Arguments(text, positional, named);
  }

  /** The named value, or {@code null}. */
  public String get(String key) {
    return named.get(key);
  }

  /** The positional item at {@code index}, or {@code null}. */
  public String positional(int index) {
    return index < positional.size() ? positional.get(index) : null;
  }

  /** A named value or else the positional item at {@code index}, as a whole number. */
  public OptionalLong longValue(String key, int index) {
    String value = get(key);
    if (value == null && index >= 0) {
      value = positional(index);
    }
    return parseLong(value);
  }

  /** A boolean flag: {@code True/False}, {@code true/false}, {@code 1/0}; {@code fallback} if absent or odd. */
  public boolean flag(String key, boolean fallback) {
    String value = get(key);
    if (value == null) {
      return fallback;
    }
    switch (value.trim()) {
      case "True": case "true": case "1":
        return true;
      case "False": case "false": case "0": case "None":
        return false;
      default:
        return fallback;
    }
  }

  /**
   * The integers of a tuple such as {@code (3, 3)}, {@code (4,)} or a lone {@code 3}; empty when the
   * value is absent or not numeric.
   */
  public static long[] tuple(String value) {
    if (value == null) {
      return new long[0];
    }
    String v = value.trim();
    if ((v.startsWith("(") && v.endsWith(")")) || (v.startsWith("[") && v.endsWith("]"))) {
      v = v.substring(1, v.length() - 1);
    }
    List<Long> out = new ArrayList<>();
    for (String part : v.split(",")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      OptionalLong n = parseLong(p);
      if (n.isEmpty()) {
        return new long[0];
      }
      out.add(n.getAsLong());
    }
    long[] result = new long[out.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = out.get(i);
    }
    return result;
  }

  /** A plain decimal integer (underscores and thousands separators are not accepted), if it fits 63 bits. */
  public static OptionalLong parseLong(String value) {
    if (value == null) {
      return OptionalLong.empty();
    }
    String v = value.trim();
    if (v.isEmpty() || v.length() > 18) {
      return OptionalLong.empty();
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9') {
        return OptionalLong.empty();
      }
    }
    return OptionalLong.of(Long.parseLong(v));
  }

  private static int keySeparator(String item) {
    for (int i = 0; i < item.length(); i++) {
      char c = item.charAt(i);
      if (c == '=' || c == ':') {
        return i > 0 && isKey(item.substring(0, i).trim()) ? i : -1;
      }
      if (c == '(' || c == '[' || c == '{' || c == '\'' || c == '"') {
        return -1;
      }
    }
    return -1;
  }

  private static boolean isKey(String s) {
    if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.')) {
        return false;
      }
    }
    return true;
  }

  private static int topLevelIndexOf(String s, String needle) {
    int[] found = {-1};
    scanTopLevel(s, i -> {
      if (found[0] < 0 && s.startsWith(needle, i)) {
        found[0] = i;
      }
    });
    return found[0];
  }

  private static List<String> splitTopLevel(String s) {
    List<String> items = new ArrayList<>();
    int[] start = {0};
    scanTopLevel(s, i -> {
      if (s.charAt(i) == ',') {
        items.add(s.substring(start[0], i));
        start[0] = i + 1;
      }
    });
    items.add(s.substring(start[0]));
    return items;
  }

  /** Calls {@code atTopLevel} with every index outside brackets and quotes. */
  private static void scanTopLevel(String s, java.util.function.IntConsumer atTopLevel) {
    int depth = 0;
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth = Math.max(0, depth - 1);
      } else if (depth == 0) {
        atTopLevel.accept(i);
      }
    }
  }
}
