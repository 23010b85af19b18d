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

  void note(Source.Line at, int index) {
    if (count++ == 0) {
      line = at.number();
      column = at.column(index);
      String text = at.text().substring(index);
      first = text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
  }

  void report(List<Diagnostic> diagnostics) {
    if (count > 0) {
      diagnostics.add(Diagnostic.warning(line, column, "ignored text after the module on " + count
          + " line(s), first '" + first + "'"));
    }
  }
}
