package io.layercount.keras;

import java.util.ArrayList;
import java.util.List;

/**
 * One item of a {@code Connected to} cell: {@code conv2d[0][0]}, {@code functional[1][0]}, or a cut
 * form such as {@code max_pooling2d_1[0]…} or {@code global_average_p…}.
 *
 * @param name the layer name as printed (without any {@code …})
 * @param nameCut whether the name lost characters (nothing in the item follows it)
 * @param node the node index, or -1 where it is absent or lost
 * @param tensor the tensor index, or -1 where it is absent or lost
 * @param text the item as printed
 */
record Reference(String name, boolean nameCut, int node, int tensor, String text) {

  /** The reference in Keras notation, {@code ?} for a lost index. */
  String notation(String resolvedName) {
    return resolvedName + "[" + (node < 0 ? "?" : node) + "][" + (tensor < 0 ? "?" : tensor) + "]";
  }

  /**
   * The references in a joined {@code Connected to} cell: a Python list string
   * ({@code ['a[0][0]', 'b[0][0]']}), items joined by {@code , } (Keras 3), or one per line (Keras
   * 1-2.6). {@code -} and {@code []} mean none.
   *
   * @param nameCutAtEnd whether an item that ends the cell without an index may have lost characters
   *     (a cell cut at the column end in Keras 2.1-2.6)
   */
  static List<Reference> parseAll(String cell, boolean nameCutAtEnd) {
    String t = cell.trim();
    if (t.startsWith("[") && (t.length() == 1 || t.charAt(1) == '\'' || t.charAt(1) == ']')) {
      t = t.substring(1, t.endsWith("]") && !t.endsWith("]]") ? t.length() - 1 : t.length());
    }
    List<Reference> out = new ArrayList<>();
    StringBuilder item = new StringBuilder();
    for (int i = 0; i <= t.length(); i++) {
      char c = i < t.length() ? t.charAt(i) : ' ';
      if (c == ',' || c == ' ' || c == '\'' || c == '"') {
        if (item.length() > 0) {
          Reference r = parse(item.toString(), nameCutAtEnd && i >= t.length());
          if (r != null) {
            out.add(r);
          }
          item.setLength(0);
        }
      } else {
        item.append(c);
      }
    }
    return out;
  }

  private static Reference parse(String item, boolean mayBeCut) {
    if (item.equals("-") || item.equals("[]") || item.equals("]") || item.equals("[")) {
      return null;
    }
    boolean ellipsis = item.endsWith("…");
    String s = ellipsis ? item.substring(0, item.length() - 1) : item;
    int bracket = s.indexOf('[');
    if (bracket < 0) {
      return s.isEmpty() ? null : new Reference(s, ellipsis || mayBeCut, -1, -1, item);
    }
    if (bracket == 0) {
      return null;
    }
    int[] indices = {-1, -1};
    int k = 0;
    int i = bracket;
    while (i < s.length() && s.charAt(i) == '[' && k < 2) {
      int close = s.indexOf(']', i);
      if (close < 0) {
        break;
      }
      Long v = Counts.plain(s.substring(i + 1, close));
      if (v != null && v < Integer.MAX_VALUE) {
        indices[k] = v.intValue();
      }
      k++;
      i = close + 1;
    }
    return new Reference(s.substring(0, bracket), false, indices[0], indices[1], item);
  }
}
