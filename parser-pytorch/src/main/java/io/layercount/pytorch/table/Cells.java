package io.layercount.pytorch.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Splits table rows into cells. */
final class Cells {
  private Cells() {}

  /** The end of the token starting at {@code from}: the first space outside brackets. */
  static int tokenEnd(String text, int from) {
    int depth = 0;
    int i = from;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '[' || c == '(' || c == '{') {
        depth++;
      } else if ((c == ']' || c == ')' || c == '}') && depth > 0) {
        depth--;
      } else if (c == ' ' && depth == 0) {
        break;
      }
      i++;
    }
    return i;
  }

  /**
   * As {@link #tokens}, but shapes listed one after another ({@code [22, 30, 400], [1, 30, 128]}: a
   * layer called on several tensors, as pytorch_model_summary prints its input shapes) are one token:
   * a token ending in a comma takes the bracketed token after it.
   */
  static List<String> cellTokens(String text, int from) {
    return tokens(text, from, true);
  }

  /** The space-separated tokens of {@code text} from {@code from}, brackets kept whole. */
  static List<String> tokens(String text, int from) {
    return tokens(text, from, false);
  }

  private static List<String> tokens(String text, int from, boolean shapeLists) {
    List<String> out = new ArrayList<>();
    int p = from;
    while (true) {
      while (p < text.length() && text.charAt(p) == ' ') {
        p++;
      }
      if (p >= text.length()) {
        return out;
      }
      int end = tokenEnd(text, p);
      while (shapeLists && end > p && text.charAt(end - 1) == ',' && end + 1 < text.length() && text.charAt(end) == ' '
          && (text.charAt(end + 1) == '[' || text.charAt(end + 1) == '(')) {
        end = tokenEnd(text, end + 1);
      }
      out.add(text.substring(p, end));
      p = end;
    }
  }

  /**
   * Reads the value cells of a torchinfo row whose layer cell ends at {@code layerEnd}.
   *
   * <p>torchinfo pads every cell to its column width and adds one space, so a cell that overflows its
   * width pushes the later cells right; the next cell starts {@code max(length, width) + 1} after the
   * previous one. Copy damage can shift a cell by a few columns, so a cell is looked for from its
   * expected start to the end of its width; cells are left empty when nothing is there (parameter
   * rows of {@code verbose=2} have no shapes).
   *
   * @return the cells by column (empty cells absent), and any text left after the last column
   */
  static RowCells leftAligned(String text, int layerEnd, TorchinfoHeader header) {
    Map<HeaderColumn, String> cells = new LinkedHashMap<>();
    int start = Math.max(layerEnd, header.layerWidth()) + 1;
    int consumed = layerEnd;
    for (HeaderColumn column : header.columns()) {
      int p = Math.max(start, consumed);
      while (p > consumed && p < text.length() && text.charAt(p) != ' ' && text.charAt(p - 1) != ' ') {
        p--;
      }
      while (p < text.length() && text.charAt(p) == ' ') {
        p++;
      }
      boolean inColumn = column.width() == Integer.MAX_VALUE || p < start + column.width();
      if (p >= text.length() || !inColumn) {
        start = start + column.width() + 1;
        continue;
      }
      int end = tokenEnd(text, p);
      cells.put(column, text.substring(p, end));
      consumed = end;
      start = start + Math.max(end - start, column.width()) + 1;
    }
    int rest = consumed;
    while (rest < text.length() && text.charAt(rest) == ' ') {
      rest++;
    }
    return new RowCells(cells, rest < text.length() ? text.substring(rest) : null);
  }

  /**
   * Reads the value cells of a row of a table whose padding was lost ({@code Conv2d: 1-1 [1, 64] 640}):
   * the tokens after the layer cell, in column order, when there is one per column; otherwise
   * {@code null}, as they cannot be matched to columns.
   */
  static RowCells inOrder(String text, int layerEnd, TorchinfoHeader header) {
    List<String> tokens = tokens(text, layerEnd);
    if (tokens.size() != header.columns().size()) {
      return null;
    }
    Map<HeaderColumn, String> cells = new LinkedHashMap<>();
    for (int k = 0; k < tokens.size(); k++) {
      cells.put(header.columns().get(k), tokens.get(k));
    }
    return new RowCells(cells, null);
  }

  /**
   * The cells of one row.
   *
   * @param cells the non-empty cells by column
   * @param leftover text after the last column, or {@code null}
   */
  record RowCells(Map<HeaderColumn, String> cells, String leftover) {}
}
