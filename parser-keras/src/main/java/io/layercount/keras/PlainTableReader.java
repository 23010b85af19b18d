package io.layercount.keras;

import io.layercount.core.Diagnostic;
import io.layercount.core.spi.Source.Line;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Reads the rows of a Keras 1-2 or TensorFlow.js table (no box drawing).
 *
 * <p>Columns start where the header row's labels start. Two layouts differ in how a cell that does not
 * fit is printed, and the reader keeps them apart:
 *
 * <ul>
 *   <li>Keras 1-2.6 <em>cut</em> it at the next column (2.1-2.6 also blank its last character), so a
 *       cell never crosses a column start: text is split at the header positions.
 *   <li>Keras 2.7+ <em>wrap</em> it onto continuation lines, every row starting with a space; a long
 *       name can still push the rest of its line right, and the nested tables of {@code expand_nested}
 *       use positions of their own. Cells are separated by two or more spaces and each goes to the
 *       column whose start is nearest.
 * </ul>
 *
 * A row starts after a separator (an empty or blank line, an {@code _}, {@code =} or {@code ¯} rule) or
 * on a line that looks like a row's first line (see {@link RowStart}; tables printed without separators);
 * other lines continue the row. {@code expand_nested} frames ({@code |} borders) give the row's nesting
 * level.
 */
final class PlainTableReader {
  private static final Set<String> KERAS1_TYPES =
      Set.of("Convolution1D", "Convolution2D", "Convolution3D", "Deconvolution2D",
          "AtrousConvolution2D", "SeparableConvolution2D", "Merge", "TimeDistributedDense");

  private PlainTableReader() {}

  /** Reads lines {@code from} (exclusive: the header) to {@code to} (exclusive). */
  static TableRows read(List<Line> lines, int header, int to, List<Diagnostic> diagnostics) {
    String headerText = lines.get(header).text();
    int width = tableWidth(lines, header, to);
    List<Column> columns = columns(headerText, width);
    // a table whose runs of spaces became one (copied out of a PDF): no position means anything
    boolean collapsed = collapsed(headerText, columns);
    if (collapsed) {
      diagnostics.add(Diagnostic.info(lines.get(header).number(), lines.get(header).column(0), "the table's columns"
          + " are one space apart (its spacing was lost, as in a copy out of a PDF): each row is read by its"
          + " words, the shape the last bracketed group before the parameter count"));
    }
    boolean wrapped = !collapsed && (headerText.startsWith(" ") || hasBlankLine(lines, header + 1, to));
    boolean tfjs = headerText.contains("Output shape") || headerText.contains("Receives inputs");
    RawRow.Joining joining = wrapped ? RawRow.Joining.GLUE : RawRow.Joining.SPACE;
    List<RawRow> rows = new ArrayList<>();
    RawRow current = null;
    boolean afterSeparator = true;
    boolean elided = false;
    for (int i = header + 1; i < to; i++) {
      Line line = lines.get(i);
      String raw = line.text();
      int level = Lines.leading(raw, '|');
      String text = unframe(raw, level);
      if (text.isBlank() || Lines.isRule(text, "_=¯-")) {
        afterSeparator = true;
        continue;
      }
      if (Lines.isElision(text)) {
        elided = true;
        afterSeparator = true;
        diagnostics.add(Diagnostic.error(line.number(), line.column(0),
            "'" + text.trim() + "': rows were left out of this table here, so the per-layer sum and every layer"
                + " count are lower bounds"));
        continue;
      }
      List<Cell> cells = collapsed ? collapsedCells(text, columns) : wrapped ? wrappedCells(text, columns)
          : cutCells(text, columns);
      if (collapsed && cells.isEmpty()) {
        diagnostics.add(Diagnostic.warning(line.number(), line.column(0), "not one row of the table (no shape and"
            + " parameter count in it, or those of several rows); skipped: " + text.trim()));
        afterSeparator = true;
        continue;
      }
      boolean full = RowStart.plausible(text(cells, ColumnKind.NAME), text(cells, ColumnKind.SHAPE), text(cells, ColumnKind.PARAMS));
      if (current == null || afterSeparator || full) {
        if (!filled(cells, ColumnKind.NAME)) {
          diagnostics.add(Diagnostic.warning(line.number(), line.column(0),
              "a table line without a layer name where a new row should start; skipped: " + text.trim()));
          continue;
        }
        current = new RawRow(line.number(), line.column(Lines.leading(text, ' ')), level, joining);
        rows.add(current);
      }
      afterSeparator = false;
      current.lastLine = line.number();
      for (Cell c : cells) {
        current.add(c.kind, c.text, c.fillsColumn);
      }
    }
    String format = tfjs ? "tfjs" : !wrapped && usesKeras1Types(rows) ? "keras1" : "keras2";
    return new TableRows(format, columns, rows, !wrapped && !collapsed, elided);
  }

  private record Cell(ColumnKind kind, String text, boolean fillsColumn) {}

  /** The columns a table with collapsed spacing may have: the name, shape and count, and after them. */
  private static final Set<ColumnKind> COLLAPSIBLE =
      Set.of(ColumnKind.NAME, ColumnKind.SHAPE, ColumnKind.PARAMS, ColumnKind.CONNECTED, ColumnKind.TRAINABLE);

  /**
   * Whether every column label of {@code header} is one space from the next: Keras pads its labels
   * to the column widths (two spaces apart at the least), so the text lost its runs of spaces.
   */
  static boolean collapsed(String header, List<Column> columns) {
    if (columns.size() < 3 || columns.get(0).kind() != ColumnKind.NAME) {
      return false;
    }
    for (int k = 0; k < columns.size(); k++) {
      if (!COLLAPSIBLE.contains(columns.get(k).kind())) {
        return false;
      }
      if (k > 0) {
        int start = columns.get(k).start();
        if (start < 2 || header.charAt(start - 1) != ' ' || header.charAt(start - 2) == ' ') {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * The cells of a row of a table with collapsed spacing ({@link #collapsed}), read by its words:
   * the parameter count is the last word that is one and follows a shape (a bracketed group, or
   * {@code multiple}, {@code ?}); the shape is that group; the name and type are what comes before it,
   * the trainable flag and the connections what comes after the count. Empty where no shape and
   * count are found, or where the text before them holds another pair: not one row.
   */
  static List<Cell> collapsedCells(String text, List<Column> columns) {
    String t = text.trim();
    int[] row = lastRow(t, t.length());
    if (row == null) {
      return List.of();
    }
    int shapeStart = row[0];
    int space = row[1];
    int end = row[2];
    if (lastRow(t, shapeStart - 1) != null) {
      return List.of(); // several rows run together on one line (a page flattened): none is read
    }
    List<Cell> cells = new ArrayList<>();
    cells.add(new Cell(ColumnKind.NAME, t.substring(0, shapeStart - 1).trim(), false));
    cells.add(new Cell(ColumnKind.SHAPE, t.substring(shapeStart, space), false));
    cells.add(new Cell(ColumnKind.PARAMS, t.substring(space + 1, end), false));
    String rest = t.substring(end).trim();
    boolean trainable = columns.stream().anyMatch(c -> c.kind() == ColumnKind.TRAINABLE);
    if (trainable && (rest.equals("Y") || rest.equals("N") || rest.startsWith("Y ") || rest.startsWith("N "))) {
      cells.add(new Cell(ColumnKind.TRAINABLE, rest.substring(0, 1), false));
      rest = rest.substring(1).trim();
    }
    if (!rest.isEmpty()) {
      cells.add(new Cell(ColumnKind.CONNECTED, rest, false));
    }
    return cells;
  }

  /** The longest shape a row of a table with collapsed spacing is read with: a shape is a few dozen characters. */
  private static final int LONGEST_SHAPE = 160;
  /** The longest word taken for a parameter count there (a count with its commas is at most 26). */
  private static final int LONGEST_COUNT = 32;

  /**
   * The last row in {@code t[0, to)} ({@link #collapsedCells}): where its shape starts, the space
   * before its count and where the count ends; {@code null} where there is none. Each place is
   * looked at over a bounded stretch, so a line of a megabyte is read in one pass.
   */
  private static int[] lastRow(String t, int to) {
    for (int space = t.lastIndexOf(' ', to - 1); space > 0; space = t.lastIndexOf(' ', space - 1)) {
      int end = t.indexOf(' ', space + 1);
      end = end < 0 || end > to ? to : end;
      if (end - space - 1 > LONGEST_COUNT || Counts.plain(t.substring(space + 1, end)) == null) {
        continue;
      }
      int shapeStart = shapeStart(t, space);
      if (shapeStart > 0 && t.charAt(shapeStart - 1) == ' ' && !t.substring(0, shapeStart).isBlank()) {
        return new int[] {shapeStart, space, end};
      }
    }
    return null;
  }

  /**
   * Where the shape ending just before {@code t[space]} starts: its opening bracket, matched across
   * nested ones within {@link #LONGEST_SHAPE} characters, or the word {@code multiple} or {@code ?};
   * -1 where none ends there.
   */
  private static int shapeStart(String t, int space) {
    for (String word : new String[] {"multiple", "?"}) {
      int at = space - word.length();
      if (at > 0 && t.charAt(at - 1) == ' ' && t.startsWith(word, at)) {
        return at;
      }
    }
    char close = t.charAt(space - 1);
    if (close != ')' && close != ']') {
      return -1;
    }
    int depth = 0;
    for (int i = space - 1; i >= Math.max(0, space - LONGEST_SHAPE); i--) {
      char c = t.charAt(i);
      if (c == ')' || c == ']') {
        depth++;
      } else if (c == '(' || c == '[') {
        if (--depth == 0) {
          return i;
        }
      }
    }
    return -1;
  }

  private static String text(List<Cell> cells, ColumnKind kind) {
    for (Cell c : cells) {
      if (c.kind == kind) {
        return c.text;
      }
    }
    return "";
  }

  private static boolean filled(List<Cell> cells, ColumnKind kind) {
    for (Cell c : cells) {
      if (c.kind == kind && !c.text.isBlank()) {
        return true;
      }
    }
    return false;
  }

  static List<Column> columns(String header, int width) {
    List<int[]> found = new ArrayList<>();
    for (ColumnKind kind : ColumnKind.values()) {
      int at = kind.find(header);
      if (at >= 0) {
        found.add(new int[] {kind.ordinal(), at});
      }
    }
    found.sort(Comparator.comparingInt(a -> a[1]));
    List<Column> columns = new ArrayList<>();
    for (int k = 0; k < found.size(); k++) {
      int end = k + 1 < found.size() ? found.get(k + 1)[1] : Math.max(width, header.length());
      columns.add(new Column(ColumnKind.values()[found.get(k)[0]], found.get(k)[1], end));
    }
    return columns;
  }

  /** The table's width: the longest rule line next to the header. */
  private static int tableWidth(List<Line> lines, int header, int to) {
    int width = 0;
    for (int i = Math.max(0, header - 1); i <= Math.min(to - 1, header + 1); i++) {
      String t = lines.get(i).text();
      if (Lines.isRule(t, "_=")) {
        width = Math.max(width, t.length());
      }
    }
    return width;
  }

  private static boolean hasBlankLine(List<Line> lines, int from, int to) {
    for (int i = from; i < to; i++) {
      if (lines.get(i).isBlank() && i + 1 < to && !lines.get(i + 1).isBlank()) {
        String next = lines.get(i + 1).text().trim();
        if (!next.startsWith("Total params") && !Lines.isRule(next, "_=")) {
          return true;
        }
      }
    }
    return false;
  }

  /** The line with the {@code |} frame characters of {@code expand_nested} blanked, positions kept. */
  private static String unframe(String text, int level) {
    if (level == 0 && !text.endsWith("|")) {
      return text;
    }
    char[] chars = text.toCharArray();
    for (int i = 0; i < level; i++) {
      chars[i] = ' ';
    }
    for (int i = chars.length - 1; i >= level && chars[i] == '|'; i--) {
      chars[i] = ' ';
    }
    return new String(chars);
  }

  /** Runs of text separated by two or more spaces, as {@code {start, end}}. */
  private static List<int[]> chunks(String text) {
    List<int[]> out = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      while (i < n && text.charAt(i) == ' ') {
        i++;
      }
      if (i >= n) {
        break;
      }
      int start = i;
      int end = i;
      while (i < n) {
        if (text.charAt(i) != ' ') {
          end = ++i;
        } else if (i + 1 < n && text.charAt(i + 1) != ' ') {
          i++;
        } else {
          break;
        }
      }
      out.add(new int[] {start, end});
    }
    return out;
  }

  /**
   * The chunks of {@code text}, a parameter count split off the chunk before it where one space
   * parted them ({@link #countAtColumn}).
   */
  private static List<int[]> cellChunks(String text, List<Column> columns) {
    List<int[]> chunks = chunks(text);
    for (int k = 0; k < chunks.size(); k++) {
      int[] ch = chunks.get(k);
      int at = countAtColumn(text, ch[0], ch[1], columns);
      if (at > 0) {
        chunks.set(k, new int[] {ch[0], at - 1});
        chunks.add(k + 1, new int[] {at, ch[1]});
      }
    }
    return chunks;
  }

  /**
   * Where, in the chunk {@code text[from, to)}, a parameter count starts that only one space parts
   * from the text before it, or -1. A cell that does not fit its column pushes the rest of its line
   * right, and then a shape and the count after it may be one space apart ({@code (None, None, None,
   * 1280) 4049571}): the count is the chunk's last word, a count as {@link Counts#plain} reads one,
   * and starts at or past the start of the {@code Param #} column, which the chunk began before.
   */
  private static int countAtColumn(String text, int from, int to, List<Column> columns) {
    int space = text.lastIndexOf(' ', to - 1);
    if (space <= from) {
      return -1;
    }
    int start = space + 1;
    for (Column c : columns) {
      if (c.kind() == ColumnKind.PARAMS && from < c.start() && start >= c.start()
          && Counts.plain(text.substring(start, to)) != null) {
        return start;
      }
    }
    return -1;
  }

  private static List<Cell> wrappedCells(String text, List<Column> columns) {
    List<Cell> cells = new ArrayList<>();
    int previous = -1;
    // chunks past the last column join its cell; built up in one buffer, since joining strings one
    // chunk at a time is quadratic in a line of many chunks
    StringBuilder joined = new StringBuilder();
    for (int[] ch : cellChunks(text, columns)) {
      int col = nearest(columns, ch[0]);
      if (col <= previous) {
        col = Math.min(previous + 1, columns.size() - 1);
      }
      if (col == previous) {
        joined.append("  ").append(text, ch[0], ch[1]);
        continue;
      }
      if (previous >= 0) {
        cells.add(new Cell(columns.get(previous).kind(), joined.toString(), false));
      }
      joined.setLength(0);
      joined.append(text, ch[0], ch[1]);
      previous = col;
    }
    if (previous >= 0) {
      cells.add(new Cell(columns.get(previous).kind(), joined.toString(), false));
    }
    return cells;
  }

  private static int nearest(List<Column> columns, int at) {
    int best = 0;
    for (int k = 1; k < columns.size(); k++) {
      if (Math.abs(columns.get(k).start() - at) < Math.abs(columns.get(best).start() - at)) {
        best = k;
      }
    }
    return best;
  }

  private static List<Cell> cutCells(String text, List<Column> columns) {
    List<Cell> cells = new ArrayList<>();
    for (int k = 0; k < columns.size(); k++) {
      Column c = columns.get(k);
      if (c.start() >= text.length()) {
        break;
      }
      int end = Math.min(k + 1 < columns.size() ? c.end() : text.length(), text.length());
      String piece = text.substring(c.start(), end);
      int last = c.start() + trimmedEnd(piece);
      boolean fills = k + 1 < columns.size() ? last >= c.end() - 1 : last >= c.end();
      cells.add(new Cell(c.kind(), piece, fills && !piece.isBlank()));
    }
    String before = columns.isEmpty() ? "" : text.substring(0, Math.min(columns.get(0).start(), text.length()));
    if (!before.isBlank()) {
      cells.add(0, new Cell(columns.get(0).kind(), before, false));
    }
    return cells;
  }

  private static int trimmedEnd(String s) {
    int e = s.length();
    while (e > 0 && s.charAt(e - 1) == ' ') {
      e--;
    }
    return e;
  }

  private static boolean usesKeras1Types(List<RawRow> rows) {
    for (RawRow r : rows) {
      String name = r.cell(ColumnKind.NAME);
      int open = name.lastIndexOf('(');
      if (open >= 0 && name.endsWith(")") && KERAS1_TYPES.contains(name.substring(open + 1, name.length() - 1))) {
        return true;
      }
    }
    return false;
  }
}
