package io.layercount.pytorch;

import io.layercount.core.Diagnostic;
import io.layercount.core.spi.Source;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A printout hard-wrapped at a fixed width (copied from a terminal, or passed through {@code fold}):
 * each line longer than the width was cut into pieces, the rest starting at the left edge. Read as
 * it is, a cut module line leaves a parenthesis open and the next piece ends its blocks: the
 * printout falls apart into pieces, none of which is exact. Such lines are joined again here.
 *
 * <p>A line is taken for a cut one only where all of these hold: it is indented, and as wide as the
 * widest line of the text (at least {@value #NARROWEST} columns), its trailing spaces counted
 * ({@link Source#widthAsRead}); the next line starts
 * further left (a child of a block it opens starts further right, a sibling as far); and either the
 * line leaves a parenthesis open, or the next does not start with {@code )} or {@code }} (a block's
 * closing line). The rest is joined on with the spaces the cut took off put back: the pieces of one line,
 * joined, are that line. A piece that is itself as wide is joined on to alike.
 */
final class PrintoutWraps {
  /** The narrowest width taken for a hard wrap: a text whose widest line is narrower was not cut. */
  static final int NARROWEST = 40;

  private PrintoutWraps() {}

  /**
   * {@code source}, or its lines with those a hard wrap cut joined again, which is then said in
   * {@code notes} (an {@code info} diagnostic; {@code null}: not said).
   */
  static Source of(Source source, List<Diagnostic> notes) {
    List<Source.Line> lines = source.lines();
    int n = lines.size();
    // one pass finds the width and the lines as wide, the only ones a cut can have made
    int width = 0;
    int[] wide = new int[16];
    int count = 0;
    for (int i = 0; i < n; i++) {
      int w = lengthOf(source, i);
      if (w > width) {
        width = w;
        count = kept(wide, count, source, width);
      }
      if (w >= width) {
        if (count == wide.length) {
          wide = Arrays.copyOf(wide, 2 * count);
        }
        wide[count++] = i;
      }
    }
    if (width < NARROWEST) {
      return source;
    }
    List<Source.Line> joined = null;
    int copied = 0;
    for (int c = 0; c < count; c++) {
      int i = wide[c];
      if (i < copied || i + 1 >= n) {
        continue; // a piece joined on already, or the last line
      }
      if (!furtherLeft(source, i, i + 1)) {
        continue; // as nearly every line as wide as the widest: no line of its text is made
      }
      Source.Line head = lines.get(i);
      int depth = LineSyntax.openParentheses(head.text());
      if (!rest(head, lines.get(i + 1), depth)) {
        continue;
      }
      if (joined == null) {
        joined = new ArrayList<>(n);
      }
      joined.addAll(lines.subList(copied, i));
      StringBuilder text = new StringBuilder(head.text());
      int next = i + 1;
      do {
        // the spaces the cut left at the end of the piece before, taken off with the trailing white space
        text.append(" ".repeat(cutSpaces(source, next - 1))).append(lines.get(next).text());
        depth += LineSyntax.openParentheses(lines.get(next).text());
        next++;
        // a piece as wide as the width was cut again; no line longer than a line may be (Limits#maxLineChars)
      } while (next < n && lengthOf(source, next - 1) >= width && rest(head, lines.get(next), depth)
          && text.length() + width + lines.get(next).text().length() <= source.limits().maxLineChars());
      joined.add(new Source.Line(head.number(), head.offset(), text.toString(), head.indent()));
      copied = next;
    }
    if (joined == null) {
      return source;
    }
    joined.addAll(lines.subList(copied, n));
    if (notes != null) {
      notes.add(Diagnostic.info(0, 0, "joined " + (n - joined.size()) + " line(s) a hard wrap at " + width
          + " columns had cut back onto the line before (each line as wide as the widest, the next starting further"
          + " left and not closing a block)"));
    }
    return source.withLines(joined);
  }

  /** The most lines a module line wrapped at its words is taken to have been cut into. */
  static final int MOST_PIECES = 6;

  /**
   * {@code source}, or its lines with those of a module line wrapped at its words joined again
   * (an editor's or a book's wrap, at no fixed width, the rest indented anyhow), said in {@code
   * notes}: a line that starts as a module's ({@code (conv1): Conv2d(...}), leaves a parenthesis open
   * and opens no block (does not end with {@code (}), and the lines after it, none a module's own,
   * up to the one that closes what it left open, at most {@value #MOST_PIECES} lines in all. Read
   * only where a printout read as it is fell apart: a printout that holds such a line reads badly.
   */
  static Source joinedAtParentheses(Source source, List<Diagnostic> notes) {
    List<Source.Line> lines = source.lines();
    int n = lines.size();
    List<Source.Line> joined = null;
    int copied = 0;
    int pieces = 0;
    for (int i = 0; i < n; i++) {
      Source.Line head = lines.get(i);
      String t = head.text();
      // the module line the full reading calls left open (PrintoutReader#opensUnclosed), cut after a comma
      if (!t.endsWith(",") || !PrintoutReader.opensUnclosed(t, head.indent())) {
        continue;
      }
      int depth = LineSyntax.openParentheses(t);
      StringBuilder text = new StringBuilder(t);
      int next = i + 1;
      // a wrap at words breaks after an argument's comma: a piece that ends otherwise, but for the
      // last, was cut inside a word or a number, which no space put back would mend
      while (next < n && depth > 0 && next - i < MOST_PIECES && !lines.get(next).isBlank()
          && !isModuleLine(lines.get(next).text())) {
        String piece = lines.get(next).text().strip();
        text.append(' ').append(piece);
        depth += LineSyntax.openParentheses(piece);
        next++;
        if (depth > 0 && !piece.endsWith(",")) {
          break;
        }
      }
      if (depth != 0 || text.length() > source.limits().maxLineChars()) {
        continue;
      }
      if (joined == null) {
        joined = new ArrayList<>(n);
      }
      joined.addAll(lines.subList(copied, i));
      joined.add(new Source.Line(head.number(), head.offset(), text.toString(), head.indent()));
      pieces += next - i - 1;
      copied = next;
      i = next - 1;
    }
    if (joined == null) {
      return source;
    }
    joined.addAll(lines.subList(copied, n));
    notes.add(Diagnostic.info(0, 0, "joined " + pieces + " line(s) back onto the module line before them: read as"
        + " it was, the printout fell apart, and those module lines left a parenthesis open that the lines after"
        + " them close (a wrap at words, by an editor or a typesetter)"));
    return source.withLines(joined);
  }

  /** Whether {@code t}, its indent aside, starts as a module's line does: {@code (key): }. */
  private static boolean isModuleLine(String t) {
    int i = 0;
    while (i < t.length() && t.charAt(i) == ' ') {
      i++;
    }
    if (i >= t.length() || t.charAt(i) != '(') {
      return false;
    }
    int close = t.indexOf("): ", i);
    return close > i + 1 && t.indexOf(' ', i) > close;
  }

  /** The first {@code count} of {@code lines} that are at least {@code least} wide, moved to the front; how many. */
  private static int kept(int[] lines, int count, Source source, int least) {
    int kept = 0;
    for (int k = 0; k < count; k++) {
      if (lengthOf(source, lines[k]) >= least) {
        lines[kept++] = lines[k];
      }
    }
    return kept;
  }

  /** The width of line {@code i} as the input had it, its trailing spaces with it ({@link Source#widthAsRead}). */
  private static int lengthOf(Source source, int i) {
    return source.widthAsRead(i);
  }

  /** The spaces a cut left at the end of line {@code i}: they were taken off its text. */
  private static int cutSpaces(Source source, int i) {
    return source.widthAsRead(i) - source.lines().get(i).text().length();
  }

  /**
   * Whether {@code next} is the rest of the cut line {@code head} (its pieces so far leaving
   * {@code depth} parentheses open), not a line of its own: it starts further left than the head,
   * which is indented (a line at the left edge may be any text's), and, unless a parenthesis is
   * open, not with a {@code )} or (the legacy brace form's) {@code }}, as the closing line of a
   * block would. Within a printout, the only line further left than a module's is such a closing line.
   */
  private static boolean rest(Source.Line head, Source.Line next, int depth) {
    if (next.isBlank() || head.indent() == 0 || next.indent() >= head.indent()) {
      return false;
    }
    char first = next.text().charAt(next.indent());
    return depth > 0 || first != ')' && first != '}';
  }

  /** Whether line {@code next}, not blank, starts further left than line {@code i}, which is indented. */
  private static boolean furtherLeft(Source source, int i, int next) {
    Source.AsciiLines ascii = source.ascii();
    if (ascii == null) {
      Source.Line line = source.lines().get(next);
      int indent = source.lines().get(i).indent();
      return indent > 0 && !line.isBlank() && line.indent() < indent;
    }
    int indent = ascii.indent(i);
    return indent > 0 && !ascii.isBlank(next) && ascii.indent(next) < indent;
  }
}
