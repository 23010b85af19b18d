package io.layercount.pytorch.table;

import io.layercount.core.spi.Source;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One row of a torchinfo table, split into its parts.
 *
 * @param line the source line
 * @param kind what the row is
 * @param depth the nesting depth (0 for the root row): from the {@code d-i} suffix where printed,
 *     else from the tree glyphs
 * @param glyphDepth the depth the tree glyphs alone give
 * @param typeName the class name, or the parameter name of a {@link Kind#PARAMETER} row
 * @param varName the printed {@code (var_name)}, or {@code null}
 * @param depthIdx the printed {@code d-i}, or {@code null}
 * @param cells the value cells by column
 * @param nameColumn the index in the line's text where the name starts (for diagnostics)
 * @param leftover text after the last column, or {@code null}
 */
record TorchinfoRow(
    Source.Line line,
    Kind kind,
    int depth,
    int glyphDepth,
    String typeName,
    String varName,
    String depthIdx,
    Map<HeaderColumn, String> cells,
    int nameColumn,
    String leftover) {

  /** What a row stands for. */
  enum Kind {
    /** A module (or a forward call of one). */
    MODULE,
    /** A {@code verbose=2} row listing one parameter tensor of the module above it. */
    PARAMETER,
    /** {@code ...}: rows left out by whoever pasted the table. */
    ELIDED,
    /** Not understood. */
    UNREADABLE
  }

  private static final int MAX_DEPTH_DIGITS = 9;

  /** torchinfo indents each level by five columns ({@code "│    "}). */
  static final int INDENT = 5;

  // torchinfo's ASCII set draws a branch "|--" and the last one "'--" (older versions "+--", "`--")
  private static final String GLYPHS = " │|├└─+`'\\-";
  private static final String[] BRANCHES = {"├─", "└─", "+-", "`-", "\\-", "|-", "'-"};
  // (the depth and index joined by a hyphen, or by a dash a text editor or a web page made of it: 1–1;
  // or the depth alone)
  private static final Pattern NAME_WITH_VAR =
      Pattern.compile("(\\S+?)(?: \\(([^()\\s]*)\\))?(?::\\s?(\\d+)(?:[-\u2010-\u2015\u2212](\\d+))?)?(?=\\s|$)");
  private static final Pattern NAME =
      Pattern.compile("(\\S+?)()(?::\\s?(\\d+)(?:[-\u2010-\u2015\u2212](\\d+))?)?(?=\\s|$)");

  /** Whether {@code text} begins with tree glyphs and a branch ({@code ├─}, {@code └─}, ...). */
  static boolean startsWithBranch(String text) {
    return branchColumn(text.substring(0, prefixEnd(text))) >= 0;
  }

  static TorchinfoRow read(Source.Line line, TorchinfoHeader header) {
    String text = line.text();
    int p = prefixEnd(text);
    String prefix = text.substring(0, p);
    int glyphDepth = glyphDepth(prefix);
    String rest = text.substring(p);
    if (rest.startsWith("...") || rest.startsWith("…") || rest.startsWith("⋮")) {
      return new TorchinfoRow(line, Kind.ELIDED, glyphDepth, glyphDepth, "", null, null, Map.of(), p, null);
    }
    Matcher m = (header.varNames() ? NAME_WITH_VAR : NAME).matcher(text);
    m.region(p, text.length());
    // a depth of ten digits or more is damage, not a model nested a billion levels deep
    if (p >= text.length() || !m.lookingAt() || (m.group(3) != null && m.group(3).length() > MAX_DEPTH_DIGITS)) {
      return new TorchinfoRow(line, Kind.UNREADABLE, glyphDepth, glyphDepth, rest, null, null, Map.of(), p, null);
    }
    String varName = m.group(2) == null || m.group(2).isEmpty() ? null : m.group(2);
    // (torchinfo prints a depth alone, "ModuleList: 2", for a container that forward never called)
    String depthIdx = m.group(3) == null ? null : m.group(4) == null ? m.group(3) : m.group(3) + "-" + m.group(4);
    int depth = depthIdx == null ? glyphDepth : Integer.parseInt(m.group(3));
    Cells.RowCells cells = header.collapsed() ? Cells.inOrder(text, m.end(), header)
        : Cells.leftAligned(text, m.end(), header);
    if (cells == null || depthIdx == null && header.depthIdx() && m.group(1).endsWith(":")) {
      // (a module's name and a depth-idx not read after its colon: not a parameter's row)
      return new TorchinfoRow(line, Kind.UNREADABLE, glyphDepth, glyphDepth, rest, null, null, Map.of(), p, null);
    }
    String params = cellOf(cells.cells(), Column.PARAMS);
    boolean parameterRow = (params != null && startsWithBranch(params))
        || (header.depthIdx() && depthIdx == null && glyphDepth > 0);
    return new TorchinfoRow(line, parameterRow ? Kind.PARAMETER : Kind.MODULE, depth, glyphDepth,
        m.group(1), varName, depthIdx, cells.cells(), p, cells.leftover());
  }

  /** The cell of the first column of {@code kind}, or {@code null}. */
  static String cellOf(Map<HeaderColumn, String> cells, Column kind) {
    for (Map.Entry<HeaderColumn, String> e : cells.entrySet()) {
      if (e.getKey().kind() == kind) {
        return e.getValue();
      }
    }
    return null;
  }

  String cell(Column kind) {
    return cellOf(cells, kind);
  }

  /** {@code ├─8,192} → {@code 8,192}: the value of a parameter row's cell without its glyphs. */
  static String withoutGlyphs(String cell) {
    return cell == null ? null : cell.substring(prefixEnd(cell));
  }

  private static int prefixEnd(String text) {
    int p = 0;
    while (p < text.length() && GLYPHS.indexOf(text.charAt(p)) >= 0) {
      p++;
    }
    return p;
  }

  private static int branchColumn(String prefix) {
    int col = -1;
    for (String b : BRANCHES) {
      col = Math.max(col, prefix.lastIndexOf(b));
    }
    return col;
  }

  /** 0 without glyphs; level 1 branches at column 0, level 2 at column 5, ... */
  private static int glyphDepth(String prefix) {
    if (prefix.isBlank()) {
      return 0;
    }
    int col = branchColumn(prefix);
    if (col < 0) {
      col = Math.max(0, prefix.length() - 2);
    }
    return (col + INDENT / 2) / INDENT + 1;
  }
}
