package io.layercount.cli;

import io.layercount.core.Diagnostic;
import java.io.PrintStream;

/**
 * Writes diagnostics the way compilers do: {@code file:line:col: severity: message}, then the
 * source line and a caret under the column. A long line is shown as a window of {@link #WIDTH}
 * characters around the column, marked with {@code …} where it was cut: a diagnostic about a
 * line of a megabyte must not print the megabyte.
 */
final class DiagnosticPrinter {
  static final int WIDTH = 160;

  private DiagnosticPrinter() {}

  static void print(PrintStream err, String file, Diagnostic d, SourceExcerpt excerpt) {
    StringBuilder sb = new StringBuilder(file);
    if (d.line() > 0) {
      sb.append(':').append(d.line());
      if (d.column() > 0) {
        sb.append(':').append(d.column());
      }
    }
    sb.append(": ").append(d.severity().label()).append(": ").append(d.message()).append('\n');
    String line = excerpt.line(d.line());
    if (line != null) {
      int caret = d.column() > 0 && d.column() <= line.length() + 1 ? d.column() - 1 : -1;
      if (line.length() > WIDTH) {
        int start = Math.max(0, Math.min(Math.max(caret, 0) - WIDTH / 2, line.length() - WIDTH));
        int end = start + WIDTH;
        String cut = line.substring(start, end);
        line = (start > 0 ? "…" : "") + cut + (end < line.length() ? "…" : "");
        caret = caret < 0 ? -1 : caret - start + (start > 0 ? 1 : 0);
      }
      sb.append(line).append('\n');
      if (caret >= 0) {
        sb.append(" ".repeat(caret)).append("^\n");
      }
    }
    err.print(sb);
  }
}
