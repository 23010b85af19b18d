package io.layercount.pytorch.table;

import io.layercount.core.Diagnostic;
import io.layercount.core.model.Network;
import io.layercount.core.spi.ElisionMark;
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
   * @param orphanFooters the first line of each such run that states parameters as a footer does
   */
  record Split(List<TableBlock> tables, List<Diagnostic> ignored, List<Source.Line> orphanFooters) {
    /**
     * The networks read from {@link #tables}, each with an error where it has no footer of its own
     * and a footer lies outside every table ({@link #orphanFooter}); the error goes to {@code
     * diagnostics} where every table has a footer.
     */
    List<Network> checked(List<Network> networks, List<Diagnostic> diagnostics) {
      if (orphanFooters.isEmpty()) {
        return networks;
      }
      Diagnostic error = orphanFooter(orphanFooters.get(0));
      List<Network> out = new ArrayList<>(networks.size());
      boolean placed = false;
      for (int i = 0; i < networks.size(); i++) {
        Network n = networks.get(i);
        if (tables.get(i).footer().isEmpty()) {
          List<Diagnostic> own = new ArrayList<>(n.diagnostics());
          own.add(error);
          n = new Network(n.format(), n.modelName(), n.root(), n.graphKnown(), n.totals(), own, n.costs(),
              n.orderAssumed());
          placed = true;
        }
        out.add(n);
      }
      if (!placed) {
        diagnostics.add(error);
      }
      return out;
    }
  }

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
    return new Split(tables, ignoredRuns(lines, claimed, formatName), orphanFooters(lines, claimed));
  }

  /** Reads the table whose header is at {@code start}; returns the index after it. */
  private static int readTable(List<Source.Line> lines, int start, boolean[] claimed, HeaderTest headerTest,
      List<TableBlock> tables) {
    claimed[start] = true;
    int i = start + 1;
    // the header's rules, a blank line between them and it where the table is double-spaced
    while (i < lines.size() && (isRule(lines.get(i).text()) || lines.get(i).isBlank() && ruleNext(lines, i))) {
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

  /**
   * A blank line inside a table is kept when a rule or footer line follows it, or a row where the
   * line before it is a row, the header or a rule too: a table double-spaced (a Markdown renderer's copy, a
   * blank line after every line) goes on past each blank line.
   */
  private static boolean tableContinuesAfterBlank(List<Source.Line> lines, int blank) {
    int next = nextWithText(lines, blank);
    if (next < 0) {
      return false;
    }
    String t = lines.get(next).text();
    boolean afterRows = false;
    if (ElisionMark.isDots(t) && (afterRows = rowOrHeaderBefore(lines, blank))) {
      // rows left out between blank lines (torchinfo's own README: a row, a blank line, '...' three
      // times, a blank line, the last rows): the table goes on where a row, rule or footer follows
      while (next >= 0 && ElisionMark.isDots(lines.get(next).text())) {
        next = nextWithText(lines, next);
      }
      if (next < 0) {
        return false;
      }
      t = lines.get(next).text();
    }
    return isRule(t) || Footer.isFooterLine(t) || isRow(t) && (afterRows || rowOrHeaderBefore(lines, blank));
  }

  /** Whether the next non-blank line after {@code blank} is a rule. */
  private static boolean ruleNext(List<Source.Line> lines, int blank) {
    int next = nextWithText(lines, blank);
    return next >= 0 && isRule(lines.get(next).text());
  }

  /** The index of the first non-blank line after {@code i}, or -1. */
  private static int nextWithText(List<Source.Line> lines, int i) {
    for (int j = i + 1; j < lines.size(); j++) {
      if (!lines.get(j).isBlank()) {
        return j;
      }
    }
    return -1;
  }

  /**
   * A torchinfo row ({@code ├─Conv2d: 2-1}, a depth and index after the class; its root row, the
   * class and then a shape or {@code --}) or a torchsummary row ({@code Conv2d-1} and two spaces):
   * what a double-spaced table's lines after its blank ones are.
   */
  private static final Pattern ROW = Pattern.compile(
      "[\\s│├└─|'`+-]*[A-Za-z_][\\w.]*(?:: \\d+-\\d+\\b|-\\d+ {2,}\\S| (?:\\([\\w.]+\\) )?(?: {2,})(?:\\[|--|\\d))");

  /** Whether {@code t} is a row ({@link #ROW}) or a line of torchinfo's tree (a parameter's row in verbose mode). */
  private static boolean isRow(String t) {
    String s = t.stripLeading();
    return ROW.matcher(t).lookingAt() || s.startsWith("├") || s.startsWith("└") || s.startsWith("│");
  }

  /**
   * Whether the non-blank line before {@code blank} is a row, a table's header ({@code Layer (type}),
   * a rule, or a mark that rows were left out ({@code ...}).
   */
  private static boolean rowOrHeaderBefore(List<Source.Line> lines, int blank) {
    for (int j = blank - 1; j >= 0; j--) {
      String t = lines.get(j).text();
      if (!t.isBlank()) {
        return isRow(t) || t.contains("Layer (type") || isRule(t) || ElisionMark.isDots(t);
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

  /** The first line of each run outside every table that states parameters as a footer does. */
  private static List<Source.Line> orphanFooters(List<Source.Line> lines, boolean[] claimed) {
    List<Source.Line> out = new ArrayList<>();
    boolean inRun = false;
    for (int k = 0; k < lines.size(); k++) {
      if (claimed[k]) {
        inRun = false;
        continue;
      }
      if (!inRun && isParameterFooter(lines.get(k).text())) {
        out.add(lines.get(k));
        inRun = true;
      }
    }
    return out;
  }

  /**
   * Why no count of a table read beside {@code footer}, a footer outside every table, is exact: a
   * table was read cut short or in pieces (a hard wrap that cut its header, lost lines).
   */
  static Diagnostic orphanFooter(Source.Line footer) {
    return Diagnostic.error(footer.number(), footer.column(footer.indent()), "a table's footer ('"
        + footer.text().strip() + "') lies outside every table read: a table was read cut short or in pieces (a"
        + " hard wrap, lost lines), so no count is called exact");
  }

  /** Whether {@code text} is a footer line stating parameters ({@code Total params: N} and the like). */
  static boolean isParameterFooter(String text) {
    String t = text.strip();
    return (t.startsWith("Total params") || t.startsWith("Trainable params") || t.startsWith("Non-trainable params"))
        && Footer.isFooterLine(t);
  }
}
