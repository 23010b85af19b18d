package io.layercount.pytorch;

import io.layercount.core.Diagnostic;
import io.layercount.core.spi.Source;
import java.util.List;

/** Checks a collapsed run ({@code (0-31): 32 x Block(}) and decides how many children it stands for. */
final class RunCheck {
  private RunCheck() {}

  /**
   * The number of children an entry stands for. {@code stated} is the {@code n} of {@code n x}, or 0.
   * A key such as {@code 3-5} without {@code n x} is an ordinary key: {@code Sequential(OrderedDict)}
   * keys can be any string.
   */
  static int count(String key, int stated, Source.Line line, List<Diagnostic> diagnostics) {
    if (stated == 0) {
      return 1;
    }
    int dash = LineSyntax.rangeDash(key);
    if (dash < 0) {
      diagnostics.add(Diagnostic.warning(line.number(), line.column(line.indent()),
          "'" + stated + " x' after key '" + key + "', which is not a range like '0-" + (stated - 1)
              + "': counted " + stated + " occurrences"));
      return Math.max(stated, 1);
    }
    long first = Long.parseLong(key, 0, dash, 10);
    long last = Long.parseLong(key, dash + 1, key.length(), 10);
    long span = last - first + 1;
    if (span != stated) {
      diagnostics.add(Diagnostic.warning(line.number(), line.column(line.indent()),
          "run (" + key + ") says " + stated + " x but its range holds " + span + ": counted " + stated
              + "; one of the two was damaged"));
    }
    return Math.max(stated, 1);
  }
}
