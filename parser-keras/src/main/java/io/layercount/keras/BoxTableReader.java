package io.layercount.keras;

import io.layercount.core.Diagnostic;
import io.layercount.core.spi.Source.Line;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the rows of a Keras 3 box table ({@code ┏━┳━┓ ┃ ┡━╇━┩ │ ├─┼─┤ └─┴─┘}, or the light {@code ┌─┬─┐}).
 *
 * <p>Columns lie between the header row's borders. A cell wraps at spaces inside its column, so the
 * pieces of a cell are joined with a space; a row starts after a {@code ├─┼─┤} rule or on a line that
 * looks like a row's first line ({@link RowStart}). A name cell starting with spaces and {@code └ } is a
 * nested layer of {@code expand_nested}, three spaces per level.
 */
final class BoxTableReader {
  private static final String VERTICAL = "┃│";

  private BoxTableReader() {}

  /**
   * Reads the rows after the header row {@code header}, up to the bottom border or {@code to}.
   *
   * @return the rows; {@code end[0]} receives the index of the line after the table
   */
  static TableRows read(List<Line> lines, int header, int to, List<Diagnostic> diagnostics, int[] end) {
    String headerText = lines.get(header).text();
    List<Integer> borders = borders(headerText);
    List<Column> columns = new ArrayList<>();
    for (int k = 0; k + 1 < borders.size(); k++) {
      ColumnKind kind = ColumnKind.ofLabel(headerText.substring(borders.get(k) + 1, borders.get(k + 1)));
      if (kind != null) {
        columns.add(new Column(kind, borders.get(k) + 1, borders.get(k + 1)));
      }
    }
    List<RawRow> rows = new ArrayList<>();
    RawRow current = null;
    boolean afterSeparator = true;
    int i = header + 1;
    for (; i < to; i++) {
      Line line = lines.get(i);
      String t = line.text().trim();
      if (t.startsWith("└") || t.startsWith("┗")) {
        i++;
        break;
      }
      if (t.isEmpty() || t.startsWith("├") || t.startsWith("┡") || t.startsWith("┣") || t.startsWith("╞")) {
        afterSeparator = true;
        continue;
      }
      if (VERTICAL.indexOf(t.charAt(0)) < 0) {
        diagnostics.add(Diagnostic.warning(line.number(), line.column(0),
            "the table ends without its bottom border here"));
        break;
      }
      List<String> cells = split(line.text(), columns, borders);
      boolean full = RowStart.plausible(stripNesting(cellOf(cells, columns, ColumnKind.NAME)),
          cellOf(cells, columns, ColumnKind.SHAPE), cellOf(cells, columns, ColumnKind.PARAMS));
      if (current == null || afterSeparator || full) {
        String name = cellOf(cells, columns, ColumnKind.NAME);
        current = new RawRow(line.number(), line.column(line.text().indexOf(name.trim())), nesting(name), RawRow.Joining.SPACE);
        rows.add(current);
      }
      afterSeparator = false;
      current.lastLine = line.number();
      for (int k = 0; k < columns.size(); k++) {
        String cell = cells.get(k);
        if (columns.get(k).kind() == ColumnKind.NAME) {
          cell = stripNesting(cell);
        }
        current.add(columns.get(k).kind(), cell, false);
      }
    }
    end[0] = i;
    return new TableRows("keras3", columns, rows, false, false);
  }

  private static String cellOf(List<String> cells, List<Column> columns, ColumnKind kind) {
    int k = index(columns, kind);
    return k < 0 ? "" : cells.get(k);
  }

  private static int index(List<Column> columns, ColumnKind kind) {
    for (int k = 0; k < columns.size(); k++) {
      if (columns.get(k).kind() == kind) {
        return k;
      }
    }
    return -1;
  }

  private static List<Integer> borders(String header) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < header.length(); i++) {
      if (VERTICAL.indexOf(header.charAt(i)) >= 0) {
        out.add(i);
      }
    }
    return out;
  }

  /** The cells of a row line, by the header's border positions, or by its own borders if they moved. */
  private static List<String> split(String text, List<Column> columns, List<Integer> headerBorders) {
    List<Integer> own = borders(text);
    boolean aligned = own.equals(headerBorders);
    List<String> cells = new ArrayList<>();
    for (Column c : columns) {
      int start = c.start();
      int end = c.end();
      if (!aligned) {
        int k = headerBorders.indexOf(start - 1);
        if (k + 1 < own.size()) {
          start = own.get(k) + 1;
          end = own.get(k + 1);
        } else {
          cells.add("");
          continue;
        }
      }
      cells.add(start < text.length() ? text.substring(start, Math.min(end, text.length())) : "");
    }
    return cells;
  }

  /** The nesting level of a name cell: {@code "   " * level + "└ "} after the one-space padding. */
  private static int nesting(String cell) {
    String c = cell.startsWith(" ") ? cell.substring(1) : cell;
    int spaces = Lines.leading(c, ' ');
    if (spaces < c.length() && c.charAt(spaces) == '└') {
      return Math.max(1, (spaces + 1) / 3);
    }
    return 0;
  }

  private static String stripNesting(String cell) {
    String t = cell.trim();
    return t.startsWith("└") ? t.substring(1) : cell;
  }
}
