package io.layercount.keras;

/**
 * Whether a line whose name, shape and parameter cells are all filled starts a new row (in a table
 * printed without separators) rather than continuing one whose three cells all wrapped.
 */
final class RowStart {
  private RowStart() {}

  /**
   * A row's first line names a layer ({@code name (Typ}, not {@code (Type)} or {@code eConv2D)}) and
   * starts its shape with a bracket or a word ({@code multiple}, {@code ?}), not with the rest of one.
   */
  static boolean plausible(String name, String shape, String params) {
    String n = name.trim();
    String s = shape.trim();
    if (n.isEmpty() || s.isEmpty() || params.isBlank() || n.charAt(0) == '(') {
      return false;
    }
    int balance = 0;
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      balance += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (balance < 0) {
        return false;
      }
    }
    char first = s.charAt(0);
    return first == '(' || first == '[' || first == '{' || first == '?' || Character.isLetter(first);
  }
}
