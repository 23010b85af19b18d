package io.layercount.keras;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The cells of one table row as read, before they are interpreted; a row may span several lines. */
final class RawRow {
  /** How the pieces of a cell that spans several lines are put back together. */
  enum Joining {
    /** Keras 2.7+ wraps at a character count: pieces are glued back as they are. */
    GLUE,
    /** Keras 3 wraps at spaces, Keras 1-2.6 print one inbound per line: pieces are joined by a space. */
    SPACE
  }

  final int line;
  final int column;
  final int level;
  private final Joining joining;
  private final Map<ColumnKind, StringBuilder> cells = new EnumMap<>(ColumnKind.class);
  private final Set<ColumnKind> reachedEnd = EnumSet.noneOf(ColumnKind.class);
  int lastLine;

  RawRow(int line, int column, int level, Joining joining) {
    this.line = line;
    this.column = column;
    this.level = level;
    this.joining = joining;
    this.lastLine = line;
  }

  /** Adds one line's piece of a cell. */
  void add(ColumnKind kind, String piece, boolean fillsColumn) {
    String p = piece.trim();
    if (p.isEmpty()) {
      return;
    }
    StringBuilder cell = cells.computeIfAbsent(kind, k -> new StringBuilder());
    if (cell.length() > 0 && needsSpace(kind, cell, p)) {
      cell.append(' ');
    }
    cell.append(p);
    if (fillsColumn) {
      reachedEnd.add(kind);
    } else {
      reachedEnd.remove(kind);
    }
  }

  private boolean needsSpace(ColumnKind kind, StringBuilder cell, String next) {
    if (joining == Joining.SPACE) {
      return kind != ColumnKind.PARAMS || !Character.isDigit(next.charAt(0));
    }
    char last = cell.charAt(cell.length() - 1);
    // a wrap right after "name " (before "(Type)") or after "), " loses the space on trimming
    return (kind == ColumnKind.NAME && next.charAt(0) == '(' && cell.indexOf("(") < 0)
        || (kind == ColumnKind.SHAPE && last == ',');
  }

  /** The joined cell, or "" when the row has nothing in that column. */
  String cell(ColumnKind kind) {
    StringBuilder b = cells.get(kind);
    return b == null ? "" : b.toString();
  }

  boolean has(ColumnKind kind) {
    return cells.containsKey(kind);
  }

  /** Whether the cell's last piece ran up to the column's end (a Keras 2.1-2.6 cell may have been cut). */
  boolean reachedEnd(ColumnKind kind) {
    return reachedEnd.contains(kind);
  }
}
