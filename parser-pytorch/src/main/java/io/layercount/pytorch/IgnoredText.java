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

  /** The characters of a line quoted in {@link #moduleOutside}. */
  private static final int QUOTED = 60;

  private int first = -1;
  private int last = -1;
  /** The first line of the stretch that reads as a module's ({@code (key): Type(...}), or -1. */
  private int module = -1;

  /** Line index {@code i} (not blank), {@code line}, lies outside every printout. */
  void add(int i, Source.Line line) {
    if (first < 0) {
      first = i;
    }
    last = i;
    if (module < 0 && PrintoutStart.isChild(line.text(), line.indent())) {
      module = i;
    }
  }

  /**
   * Reports the stretch gathered so far, if any, and starts a new one; the index of its first line
   * that reads as a module's, or -1 where none does.
   */
  int flush(Place place, List<Source.Line> lines, List<Diagnostic> out) {
    if (first >= 0 && place.message != null) {
      Source.Line a = lines.get(first);
      Source.Line b = lines.get(last);
      String where = a == b ? "line " + a.number() : "lines " + a.number() + "-" + b.number();
      out.add(Diagnostic.warning(a.number(), a.column(a.indent()), where + ": " + place.message));
    }
    int found = module;
    first = -1;
    last = -1;
    module = -1;
    return found;
  }

  /** {@code text} as a diagnostic quotes it: its first {@value #QUOTED} characters, and {@code ...} where it goes on. */
  static String quoted(String text) {
    return text.length() <= QUOTED ? text : text.substring(0, QUOTED) + "...";
  }

  /**
   * Why no count of a printout beside ignored text holding {@code line}, a module's line, is exact:
   * the printout read may be a part of a larger one that the text's damage broke up (an indent
   * changed, lines lost), and the model may hold what those lines show.
   */
  static Diagnostic moduleOutside(Source.Line line) {
    String quoted = quoted(line.text().substring(line.indent()));
    return Diagnostic.error(line.number(), line.column(line.indent()), "a module's line ('" + quoted + "') lies"
        + " outside every printout read: the model may hold more than the printout beside it shows, so no count"
        + " is called exact");
  }
}
