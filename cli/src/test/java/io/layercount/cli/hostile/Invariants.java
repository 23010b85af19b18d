package io.layercount.cli.hostile;

import io.layercount.core.Analysis;
import io.layercount.core.Convention;
import io.layercount.core.Diagnostic;
import io.layercount.core.Limits;
import io.layercount.core.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * What must hold for any input, however damaged: at least one analysis, in index order; no count
 * below zero; a failed analysis says why in an error; a total called exact has no unknown type, no
 * error beside it, and comes from a recovered model; diagnostics are capped and point into the text.
 */
final class Invariants {
  private Invariants() {}

  /** The broken invariants, empty when all hold. */
  static List<String> check(String text, List<Analysis> analyses, Limits limits) {
    List<String> broken = new ArrayList<>();
    if (analyses.isEmpty()) {
      broken.add("no analysis at all");
    }
    int lines = lineCount(text);
    for (int i = 0; i < analyses.size(); i++) {
      Analysis a = analyses.get(i);
      String at = "analysis " + i + ": ";
      if (a.index() != i) {
        broken.add(at + "index " + a.index());
      }
      Analysis.Parameters p = a.parameters();
      nonNegative(broken, at + "parameters.total", p.total());
      nonNegative(broken, at + "parameters.trainable", p.trainable());
      nonNegative(broken, at + "parameters.nonTrainable", p.nonTrainable());
      nonNegative(broken, at + "parameters.deduplicated", p.deduplicated());
      for (Convention c : Convention.values()) {
        Integer n = a.layers().get(c);
        nonNegative(broken, at + "layers." + c.key(), n == null ? null : n.longValue());
      }
      a.byType().forEach((type, n) -> nonNegative(broken, at + "byType." + type, n.longValue()));
      boolean error = a.diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR);
      if (p.exact() && !p.unknownTypes().isEmpty()) {
        broken.add(at + "exact although unknownTypes " + p.unknownTypes());
      }
      if (p.exact() && (error || !a.ok())) {
        broken.add(at + "exact beside an error or without a model");
      }
      if (!a.ok() && !error) {
        broken.add(at + "not ok but no error says why");
      }
      if (a.ok() && (a.network() == null || a.format() == null)) {
        broken.add(at + "ok without a network or a format");
      }
      if (a.diagnostics().size() > limits.maxDiagnostics() + 1) {
        broken.add(at + a.diagnostics().size() + " diagnostics, more than the cap");
      }
      for (Diagnostic d : a.diagnostics()) {
        if (d.line() < 0 || d.line() > lines + 1 || d.column() < 0 || d.message().isBlank()) {
          broken.add(at + "diagnostic out of place (" + lines + " lines): " + d);
        }
      }
    }
    return broken;
  }

  private static void nonNegative(List<String> broken, String what, Long n) {
    if (n != null && n < 0) {
      broken.add(what + " is negative: " + n);
    }
  }

  /** Lines as Source counts them: LF, CRLF, CR, U+2028 and U+2029 each end one. */
  static int lineCount(String text) {
    int n = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      // LF, a CR alone, and Unicode's line and paragraph separators end a line (Source reads them so)
      if (c == '\n' || c == '\u2028' || c == '\u2029'
          || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
        n++;
      }
    }
    return n;
  }
}
