package io.layercount.cli;

import io.layercount.core.Diagnostic;
import java.io.PrintStream;

/**
 * Writes diagnostics the way compilers do: {@code file:line:col: severity: message}, then the
 * source line and a caret under the column.
 */
final class DiagnosticPrinter {
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
      sb.append(line).append('\n');
      if (d.column() > 0 && d.column() <= line.length() + 1) {
        sb.append(" ".repeat(d.column() - 1)).append("^\n");
      }
    }
    err.print(sb);
  }
}
