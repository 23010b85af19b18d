package io.layercount.keras;

/** Character-level tests on summary lines; no regular expressions, so no backtracking. */
final class Lines {
  private Lines() {}

  /** A line made only of {@code chars} (at least three of them) and spaces. */
  static boolean isRule(String text, String chars) {
    return io.layercount.core.spi.Source.isRule(text, chars);
  }

  /** The first column's title, in every Keras header row. */
  static final String LAYER_TITLE = "Layer (type)";
  /**
   * Its start, which every summary table's header holds (torchinfo's and torchsummary's too): the
   * search for it is made once per text and shared by the detectors ({@code Source.linesContaining}).
   */
  static final String TABLE_TITLE = "Layer (type";

  /** The header row of a Keras 1-2 or TensorFlow.js table. */
  static boolean isPlainHeader(String text) {
    return text.contains(LAYER_TITLE)
        && ColumnKind.SHAPE.find(text) >= 0
        && text.contains("Param #")
        && text.indexOf('┃') < 0
        && text.indexOf('│') < 0;
  }

  /** The header row of a Keras 3 box table. */
  static boolean isBoxHeader(String text) {
    if (!text.contains(LAYER_TITLE)) {
      return false; // asked of every line: trimmed only when it may be one
    }
    String t = text.trim();
    return t.startsWith("┃") || t.startsWith("│");
  }

  /** A line that can stand above a header row: a top border or an underscore rule. */
  static boolean isTopRule(String text) {
    String t = text.trim();
    return t.startsWith("┏") || t.startsWith("┌") || isRule(t, "_");
  }

  /** The model name of a {@code Model: "name"} line, or {@code null} if the line is not one. */
  static String modelName(String text) {
    String t = text.trim();
    if (!t.startsWith("Model:")) {
      return null;
    }
    String v = t.substring("Model:".length()).trim();
    if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
      v = v.substring(1, v.length() - 1);
    }
    return v;
  }

  /** A line that says text was left out here: 3 to 20 dots ({@code ...}, {@code ......}) or ellipses ({@code …}). */
  static boolean isElision(String text) {
    return io.layercount.core.spi.ElisionMark.isDots(text);
  }

  /** Leading occurrences of {@code c}. */
  static int leading(String text, char c) {
    int i = 0;
    while (i < text.length() && text.charAt(i) == c) {
      i++;
    }
    return i;
  }
}
