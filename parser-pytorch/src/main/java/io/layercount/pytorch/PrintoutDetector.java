package io.layercount.pytorch;

import io.layercount.core.spi.Source;
import java.util.List;

/** Scores how likely a text is a {@code print(model)} printout rather than a summary table. */
final class PrintoutDetector {
  /** A root line followed by a {@code (key): } child: what every real printout looks like. */
  static final double WITH_CHILD = 0.9;
  /** A block without children, e.g. {@code AvgPool2d (} then {@code )}. */
  static final double WITHOUT_CHILD = 0.5;
  /** The whole text is one module on one line. */
  static final double ONE_LINE = 0.3;
  /**
   * A printout in a text that also has lines only summary tables print: below every table parser's
   * score for a table it recognises, above none.
   */
  static final double BESIDE_TABLE_LINES = 0.2;

  private PrintoutDetector() {}

  static double score(Source source) {
    List<Source.Line> lines = source.lines();
    // the title every summary table prints: one search, which the table parsers' detection shares
    boolean tableLines = source.linesContaining(TABLE_TITLE).length > 0 || hasTableLine(source);
    double best = 0;
    for (int i = 0; i < lines.size() && best < WITH_CHILD; i++) {
      PrintoutStart start = lines.get(i).isBlank() ? null : PrintoutStart.at(lines, i);
      if (start != null) {
        best = start.withChild() ? WITH_CHILD : WITHOUT_CHILD;
      }
    }
    if (best == 0 && OneLinePrintout.of(lines) != null) {
      best = ONE_LINE;
    }
    // a table parser that finds its table reads the text; where none does, the printout is still
    // one (a 'Total params: N' line a user added after print(model))
    return tableLines ? Math.min(best, BESIDE_TABLE_LINES) : best;
  }

  /**
   * Whether the text has a line only summary tables print, besides their headers ({@link #TABLE_TITLE}):
   * their footers and box-drawing characters. A plain {@code ====} banner is not enough on its own:
   * logs put them around printouts too. Lines are sought by the words (a search the source makes
   * once for the whole text), not read one by one.
   */
  private static boolean hasTableLine(Source source) {
    if (source.linesContaining("Param #").length > 0) {
      return true;
    }
    List<Source.Line> lines = source.lines();
    Source.AsciiLines ascii = source.ascii();
    if (ascii != null) {
      // the lines read in place: only where one starts with the footer's first letter is it compared
      byte[] b = ascii.bytes();
      for (int i = 0; i < ascii.size(); i++) {
        int at = ascii.start(i);
        if (at < ascii.end(i) && b[at] == 'T' && lines.get(i).text().startsWith(TOTAL)) {
          return true;
        }
      }
    } else {
      for (int i : source.linesContaining(TOTAL)) {
        if (lines.get(i).text().startsWith(TOTAL)) {
          return true;
        }
      }
    }
    // only where the text holds such characters at all (a printout is plain ASCII): most texts skip this
    if (source.maxChar() >= BOX_FIRST) {
      for (Source.Line line : lines) {
        String s = line.text();
        for (int i = 0; i < s.length(); i++) {
          char c = s.charAt(i);
          if (c >= BOX_FIRST && c <= BOX_LAST) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** How a summary's footer starts. */
  private static final String TOTAL = "Total params";

  /** What every summary table's header holds (Keras, torchinfo, torchsummary). */
  static final String TABLE_TITLE = "Layer (type";

  /** Unicode's box-drawing block. */
  private static final char BOX_FIRST = '\u2500';
  private static final char BOX_LAST = '\u257F';
}
