package io.layercount.pytorch.table;

import io.layercount.core.Diagnostic;
import io.layercount.core.spi.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts a text into summary tables: rule, header, rule, rows, rule, footer (several rule-separated
 * sections), as torchinfo and torchsummary print them. Lines outside every table are reported.
 */
final class TableSplitter {
  private static final Pattern RULE = Pattern.compile("\\s*(?:={8,}|-{8,})\\s*");

  /** Decides whether line {@code index} is the header of a table this parser reads. */
  @FunctionalInterface
  interface HeaderTest {
    boolean isHeader(List<Source.Line> lines, int index);
  }

  /**
   * The tables found and what was left over.
   *
   * @param tables the tables in text order
   * @param ignored an {@code info} diagnostic per run of non-blank lines outside every table
   */
  record Split(List<TableBlock> tables, List<Diagnostic> ignored) {}

  private TableSplitter() {}

  static boolean isRule(String text) {
    return RULE.matcher(text).matches();
  }

  static Split split(Source source, HeaderTest headerTest, String formatName) {
    List<Source.Line> lines = source.lines();
    boolean[] claimed = new boolean[lines.size()];
    List<TableBlock> tables = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      if (!headerTest.isHeader(lines, i)) {
        i++;
        continue;
      }
      for (int back = i - 1; back >= 0 && !claimed[back] && isRule(lines.get(back).text()); back--) {
        claimed[back] = true;
      }
      i = readTable(lines, i, claimed, headerTest, tables);
    }
    return new Split(tables, ignoredRuns(lines, claimed, formatName));
  }

  /** Reads the table whose header is at {@code start}; returns the index after it. */
  private static int readTable(List<Source.Line> lines, int start, boolean[] claimed, HeaderTest headerTest,
      List<TableBlock> tables) {
    claimed[start] = true;
    int i = start + 1;
    while (i < lines.size() && isRule(lines.get(i).text())) {
      claimed[i++] = true;
    }
    List<Source.Line> rows = new ArrayList<>();
    boolean closed = false;
    while (i < lines.size()) {
      Source.Line line = lines.get(i);
      if (isRule(line.text()) || Footer.isFooterLine(line.text())) {
        closed = true;
        break;
      }
      if (headerTest.isHeader(lines, i) || (line.isBlank() && !tableContinuesAfterBlank(lines, i))) {
        break;
      }
      if (!line.isBlank()) {
        rows.add(line);
      }
      claimed[i++] = true;
    }
    List<Source.Line> footer = new ArrayList<>();
    while (closed && i < lines.size() && !headerTest.isHeader(lines, i)) {
      Source.Line line = lines.get(i);
      boolean footerLine = Footer.isFooterLine(line.text());
      if (!(footerLine || isRule(line.text()) || (line.isBlank() && tableContinuesAfterBlank(lines, i)))) {
        break;
      }
      if (footerLine) {
        footer.add(line);
      }
      claimed[i++] = true;
    }
    tables.add(new TableBlock(lines.get(start), rows, footer, closed));
    return i;
  }

  /** A blank line inside a table is kept when a rule or footer line follows it. */
  private static boolean tableContinuesAfterBlank(List<Source.Line> lines, int blank) {
    for (int j = blank + 1; j < lines.size(); j++) {
      String t = lines.get(j).text();
      if (!t.isBlank()) {
        return isRule(t) || Footer.isFooterLine(t);
      }
    }
    return false;
  }

  private static List<Diagnostic> ignoredRuns(List<Source.Line> lines, boolean[] claimed, String formatName) {
    List<Diagnostic> out = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      if (claimed[i] || lines.get(i).isBlank()) {
        i++;
        continue;
      }
      int first = i;
      int last = i;
      while (i < lines.size() && !claimed[i]) {
        if (!lines.get(i).isBlank()) {
          last = i;
        }
        i++;
      }
      int a = lines.get(first).number();
      int b = lines.get(last).number();
      out.add(Diagnostic.info(a, 1, (a == b ? "line " + a + " is" : "lines " + a + "-" + b + " are")
          + " not part of a " + formatName + " table: ignored"));
    }
    return out;
  }
}
