package io.layercount.keras;

import io.layercount.core.Diagnostic;
import io.layercount.core.spi.Source;
import java.util.ArrayList;
import java.util.List;

/**
 * A Keras 2 summary hard-wrapped at a terminal's width: a functional model's table is 98 columns
 * wide (or wider, with {@code line_length}), a terminal often 80, and a copy of its screen, or
 * {@code fold}, cuts every longer line in two. Read as it is, each row's type name and connections
 * are cut and the rest of them read as rows of their own: the types are garbled and the depth on
 * the graph lost. Such lines are joined again here.
 *
 * <p>The cut is known from the table's rules ({@code ___} and {@code ===}), which are as wide as
 * the table: a hard wrap cuts each into a rule as wide as the width (or several) and a shorter rest
 * of the same character, or into pieces all as wide where the table is a whole number of widths:
 * Keras never prints two rules of one character one after the other. At least {@value #EVIDENCE} rules so cut, at one
 * width of at least {@value #NARROWEST} columns and one table width, are needed. A line is then
 * joined with the next as its rest where the line is as wide as the width and the next no wider
 * than the table is wider than the width, widths as read, trailing spaces counted
 * ({@link Source#widthAsRead}): Keras pads every row to the table's width, so the rest of a row
 * that ended early is spaces, a blank line that is joined on too. A footer line
 * ({@code Total params:}) is never cut nor a rest.
 */
final class KerasWraps {
  /** The narrowest width taken for a hard wrap. */
  static final int NARROWEST = 40;
  /** The rules that must show the cut. */
  static final int EVIDENCE = 2;
  private static final String RULES = "_=";

  private KerasWraps() {}

  /**
   * {@code source}, or its lines with those a hard wrap cut joined again, which is then said in
   * {@code notes} (an {@code info} diagnostic; {@code null}: not said).
   */
  static Source of(Source source, List<Diagnostic> notes) {
    List<Source.Line> lines = source.lines();
    int n = lines.size();
    int width = 0;
    int table = 0;
    int evidence = 0;
    for (int i = 0; i + 1 < n; i++) {
      String rule = lines.get(i).text();
      char c = ruleChar(rule);
      if (c == 0 || rule.length() < NARROWEST || i > 0 && ruleChar(lines.get(i - 1).text()) == c) {
        continue; // no rule, or a piece of one already counted
      }
      int total = rule.length();
      int j = i + 1;
      while (j < n && ruleChar(lines.get(j).text()) == c && lines.get(j).text().length() == rule.length()) {
        total += rule.length(); // a table more than twice the width: pieces as wide as the width
        j++;
      }
      int rest = j < n && ruleChar(lines.get(j).text()) == c ? lines.get(j).text().length() : 0;
      if (rest >= rule.length() || rest == 0 && total == rule.length()) {
        continue; // not cut: no shorter piece of the rule follows it, nor one as wide (Keras never
                  // prints two rules of one character one after the other)
      }
      if (width == 0) {
        width = rule.length();
        table = total + rest;
      }
      if (rule.length() == width && total + rest == table) {
        evidence++;
      }
    }
    if (evidence < EVIDENCE) {
      return source;
    }
    List<Source.Line> joined = new ArrayList<>(n);
    int joins = 0;
    for (int i = 0; i < n; i++) {
      Source.Line head = lines.get(i);
      StringBuilder text = null;
      int next = i + 1;
      // a line as wide as the width (each piece so far), and the next its rest or a further piece;
      // no line longer than a line may be (Limits#maxLineChars): a hostile text of many cut pieces
      while (next < n && source.widthAsRead(next - 1) == width && !Footer.starts(head.text())
          && isRest(source, head, next, table - width * (next - i))
          && width * (next - i) + lines.get(next).text().length() <= source.limits().maxLineChars()) {
        // one builder, each piece appended in place: a chain of many pieces costs its length, once
        if (text == null) {
          text = new StringBuilder(head.text());
        }
        for (int k = text.length(); k < width * (next - i); k++) {
          text.append(' ');
        }
        text.append(lines.get(next).text());
        next++;
      }
      if (text == null) {
        joined.add(head);
        continue;
      }
      joined.add(new Source.Line(head.number(), head.offset(), stripTrailing(text), head.indent()));
      joins += next - i - 1;
      i = next - 1;
    }
    if (joins == 0) {
      return source;
    }
    if (notes != null) {
      notes.add(Diagnostic.info(0, 0, "joined " + joins + " line(s) a hard wrap at " + width + " columns had cut back"
          + " onto the line before (the table's rules, " + table + " wide, are cut at that width)"));
    }
    return source.withLines(joined);
  }

  /**
   * Whether line {@code next} can be the rest of the line {@code head} starts: no wider than
   * {@code most} nor empty as read, no footer line, and a piece of a rule only after one of the
   * same character.
   */
  private static boolean isRest(Source source, Source.Line head, int next, int most) {
    Source.Line line = source.lines().get(next);
    int w = source.widthAsRead(next);
    // an empty line is no rest; one of spaces alone is, the rest of a row that ended before the cut
    if (w == 0 || w > most || Footer.starts(line.text())) {
      return false;
    }
    char rule = ruleChar(head.text());
    return rule != 0 ? ruleChar(line.text()) == rule : ruleChar(line.text()) == 0;
  }

  private static String stripTrailing(StringBuilder text) {
    int end = text.length();
    while (end > 0 && text.charAt(end - 1) == ' ') {
      end--;
    }
    return text.substring(0, end);
  }

  /** The character a rule line is made of ({@code _} or {@code =}), or 0 for any other line. */
  private static char ruleChar(String text) {
    if (text.isEmpty() || RULES.indexOf(text.charAt(0)) < 0) {
      return 0;
    }
    for (int k = 1; k < text.length(); k++) {
      if (text.charAt(k) != text.charAt(0)) {
        return 0;
      }
    }
    return text.charAt(0);
  }
}
