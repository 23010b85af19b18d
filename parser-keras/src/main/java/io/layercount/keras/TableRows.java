package io.layercount.keras;

import java.util.List;

/**
 * The rows of one table and how it was laid out.
 *
 * @param format {@code keras1}, {@code keras2}, {@code keras3} or {@code tfjs}
 * @param columns the columns in printed order
 * @param rows the rows in printed order
 * @param cutCells whether over-long cells were cut without a mark (Keras 1-2.6)
 * @param elided whether a {@code ...} line stands for rows the text left out
 */
record TableRows(String format, List<Column> columns, List<RawRow> rows, boolean cutCells, boolean elided) {
  boolean has(ColumnKind kind) {
    for (Column c : columns) {
      if (c.kind() == kind) {
        return true;
      }
    }
    return false;
  }
}
