package io.layercount.pytorch;

import io.layercount.core.Diagnostic;
import io.layercount.core.spi.Source;
import java.util.List;

/** Lines outside every printout, reported as one range per stretch so that no line goes unmentioned. */
final class IgnoredText {
  /** Where a stretch of ignored text lies. */
  enum Place {
    BEFORE("text before the printout ignored"),
    BETWEEN("text between printouts ignored"),
    AFTER("text after the printout ignored"),
    NO_PRINTOUT(null);

    private final String message;

    Place(String message) {
      this.message = message;
    }
  }

  private int first = -1;
  private int last = -1;

  /** Line index {@code i} (not blank) lies outside every printout. */
  void add(int i) {
    if (first < 0) {
      first = i;
    }
    last = i;
  }

  /** Reports the stretch gathered so far, if any, and starts a new one. */
  void flush(Place place, List<Source.Line> lines, List<Diagnostic> out) {
    if (first >= 0 && place.message != null) {
      Source.Line a = lines.get(first);
      Source.Line b = lines.get(last);
      String where = a == b ? "line " + a.number() : "lines " + a.number() + "-" + b.number();
      out.add(Diagnostic.warning(a.number(), a.column(a.indent()), where + ": " + place.message));
    }
    first = -1;
    last = -1;
  }
}
