package io.layercount.pytorch;

import io.layercount.core.Diagnostic;
import io.layercount.core.spi.Source;
import java.util.List;

/**
 * Text after a module's closing parenthesis ({@code , weights=(...), parameters=23296} from helpers
 * such as torch_summarize), gathered into one warning per printout rather than one per line.
 */
final class TrailingText {
  private int count;
  private int line;
  private int column;
  private String first;

  /** Lines whose text after the module is pytorch_model_summary's count ({@code , 192 params}). */
  private int counted;
  private int countedLine;

  void note(Source.Line at, int index) {
    if (isModelSummaryCount(at.text(), index)) {
      if (counted++ == 0) {
        countedLine = at.number();
      }
      return;
    }
    if (count++ == 0) {
      line = at.number();
      column = at.column(index);
      String text = at.text().substring(index);
      first = text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
  }

  /**
   * Whether the text of {@code line} from {@code index} is {@code , N params}: the count
   * pytorch_model_summary's hierarchical summary ({@code show_hierarchical=True}) prints after each
   * module, its whole sub-tree's.
   */
  static boolean isModelSummaryCount(String line, int index) {
    if (!line.startsWith(", ", index) || !line.endsWith(" params")) {
      return false;
    }
    int end = line.length() - " params".length();
    if (end <= index + 2) {
      return false;
    }
    for (int k = index + 2; k < end; k++) {
      char c = line.charAt(k);
      if ((c < '0' || c > '9') && c != ',') {
        return false;
      }
    }
    return true;
  }

  void report(List<Diagnostic> diagnostics) {
    if (counted > 0) {
      diagnostics.add(Diagnostic.info(countedLine, 0, "read a pytorch_model_summary hierarchical summary: the"
          + " count after a module (', 192 params', " + counted + " line(s)) is its whole sub-tree's, and is not"
          + " used; the total is what the module lines give"));
    }
    if (count > 0) {
      diagnostics.add(Diagnostic.warning(line, column, "ignored text after the module on " + count
          + " line(s), first '" + first + "'"));
    }
  }
}
