package io.layercount.pytorch.table;

import io.layercount.core.Diagnostic;
import io.layercount.core.spi.ParseResult;
import io.layercount.core.spi.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * A summary table hard-wrapped at a terminal's width (torchinfo prints 90 to 120 columns, a
 * terminal is often 80): each line longer than the width was cut, its rest on a line of its own.
 * Read as it is, the header loses its last column and the rows their counts: the totals are not
 * exact. Such lines are joined again here.
 *
 * <p>The width is known only from the table's rules, which are as wide as the table: a hard wrap
 * cuts each into a rule as wide as the width and a shorter rest of the same character, which no
 * table prints. At least {@value #EVIDENCE} rules so cut, at one width of at least
 * {@value #NARROWEST} columns and one table width, are needed. A table exactly two (or more) widths
 * wide is cut into rules as wide as the width, as two tables whose rules meet would print them: it is
 * taken for cut only where its header is cut as well (a header is followed by a rule, not by a rest). A line is then taken for a cut one
 * where the next line is its rest: no longer than the table is wider than the width, neither
 * blank, a rule nor a footer line, and drawn without tree glyphs; the line itself no footer line
 * and at least half as wide as the narrowest width (a row is). A rule's pieces are joined to it. The
 * rest is joined on with the spaces the cut took off put back, up to the width.
 */
final class TableWraps {
  /** The narrowest width taken for a hard wrap. */
  static final int NARROWEST = 40;
  /** The rules that must show the cut. */
  static final int EVIDENCE = 2;
  private static final String GLYPHS = "├└│┌┐┘┴┬┼─";

  private TableWraps() {}

  /** {@code source}, or its lines with those a hard wrap cut joined again. */
  static Source of(Source source) {
    List<Source.Line> lines = source.lines();
    int width = 0;
    int table = 0;
    int evidence = 0;
    for (int i = 0; i + 1 < lines.size(); i++) {
      String rule = lines.get(i).text();
      char c = ruleChar(rule);
      if (c == 0 || i > 0 && ruleChar(lines.get(i - 1).text()) == c) {
        continue; // no rule, or a piece of one already counted
      }
      int total = rule.length();
      int j = i + 1;
      while (j < lines.size() && ruleChar(lines.get(j).text()) == c && lines.get(j).text().length() == rule.length()) {
        total += rule.length(); // a table more than twice the width: pieces as wide as the width
        j++;
      }
      int rest = j < lines.size() && ruleChar(lines.get(j).text()) == c ? lines.get(j).text().length() : 0;
      if (rest >= rule.length() || rest == 0 && total == rule.length()) {
        continue; // not cut: the next line is no shorter piece of the rule, nor one as wide
      }
      if (width == 0) {
        width = rule.length();
        table = total + rest;
      }
      if (rule.length() == width && total + rest == table) {
        evidence++;
      }
    }
    if (evidence < EVIDENCE || width < NARROWEST || table % width == 0 && !headerCut(lines, width)) {
      // a table exactly as wide as some pieces of the width: two rules one after the other look the
      // same, and only a header cut as well tells them apart
      return source;
    }
    int most = table - width;
    int longest = source.limits().maxLineChars();
    List<Source.Line> joined = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      Source.Line head = lines.get(i);
      int next = i + 1;
      // one builder, each piece appended in place, and what cut asks of the line so far kept beside
      // it: a chain of many pieces costs its length, once (a copy of the whole per piece was quadratic)
      StringBuilder text = null;
      Joined line = Joined.of(head.text());
      while (next < lines.size() && cut(line, lines.get(next), width, most)
          && width * (next - i) + lines.get(next).text().length() <= longest) {
        if (text == null) {
          text = new StringBuilder(head.text());
        }
        int pad = Math.max(0, width * (next - i) - text.length());
        String rest = lines.get(next).text();
        for (int k = 0; k < pad; k++) {
          text.append(' ');
        }
        text.append(rest);
        line = line.then(pad, rest, text);
        next++;
      }
      joined.add(text == null ? head : new Source.Line(head.number(), head.offset(), text.toString(), head.indent()));
      i = next - 1;
    }
    return source.withLines(joined);
  }

  /**
   * Whether a table's header ({@code Layer (type...}) is as wide as {@code width} and followed by a
   * line that is neither blank nor a rule: its rest, where a header is always followed by a rule.
   */
  private static boolean headerCut(List<Source.Line> lines, int width) {
    for (int i = 0; i + 1 < lines.size(); i++) {
      Source.Line line = lines.get(i);
      if (line.text().startsWith(TorchinfoHeader.TITLE, line.indent()) && line.text().length() > width - NARROWEST / 2) {
        Source.Line next = lines.get(i + 1);
        return !next.isBlank() && ruleChar(next.text()) == 0;
      }
    }
    return false;
  }

  /**
   * What {@link #cut} asks of a line joined so far: its length, whether it is a footer line, and
   * the character it is a rule of (0: none), each known without reading the whole line again.
   */
  private record Joined(int length, boolean footer, char rule) {
    /** The longest line read for a footer: a footer line is a key and a number. */
    private static final int FOOTER_LENGTH = 256;

    static Joined of(String text) {
      return new Joined(text.length(), Footer.isFooterLine(text), ruleChar(text));
    }

    /** This line with {@code pad} spaces and {@code rest} joined on, {@code text} the whole. */
    Joined then(int pad, String rest, StringBuilder text) {
      boolean isFooter = text.length() <= FOOTER_LENGTH && Footer.isFooterLine(text.toString());
      // spaces and the rest's characters: a rule still where no space came between and the rest is one of its
      return new Joined(text.length(), isFooter, rule != 0 && pad == 0 && ruleChar(rest) == rule ? rule : 0);
    }
  }

  /** Whether {@code next} is the rest of the line joined so far ({@code line}). */
  private static boolean cut(Joined line, Source.Line next, int width, int most) {
    String rest = next.text();
    if (rest.isBlank() || rest.length() > most || line.length() < NARROWEST / 2 || line.footer()) {
      return false;
    }
    if (line.rule() != 0) {
      return ruleChar(rest) == line.rule(); // a rule's pieces
    }
    return ruleChar(rest) == 0 && !Footer.isFooterLine(rest) && !hasGlyph(rest);
  }

  /** The character a rule line is made of ({@code =} or {@code -}), or 0 for any other line. */
  private static char ruleChar(String text) {
    if (text.isEmpty() || text.charAt(0) != '=' && text.charAt(0) != '-') {
      return 0;
    }
    for (int k = 1; k < text.length(); k++) {
      if (text.charAt(k) != text.charAt(0)) {
        return 0;
      }
    }
    return text.charAt(0);
  }

  private static boolean hasGlyph(String text) {
    for (int k = 0; k < text.length(); k++) {
      if (GLYPHS.indexOf(text.charAt(k)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code detector}'s score of {@code source} with the prefix cut that a logger put before a
   * table's lines ({@link #unprefixed}), or, where that is 0 but a line holds a table's title, of it
   * with its hard wraps joined: a header a hard wrap cut may show only then.
   */
  static double detect(Source source, ToDoubleFunction<Source> detector) {
    if (source.linesContaining(TorchinfoHeader.TITLE).length == 0) {
      return detector.applyAsDouble(source);
    }
    Source read = unprefixed(source);
    double score = detector.applyAsDouble(read);
    return score > 0 ? score : detector.applyAsDouble(of(read));
  }

  /**
   * {@code parser}'s reading of {@code source} with a logger's prefix cut and its hard wraps joined,
   * and an {@code info} diagnostic first for each change made.
   */
  static ParseResult parse(Source source, Function<Source, ParseResult> parser) {
    Source unprefixed = unprefixed(source);
    Source read = of(unprefixed);
    ParseResult result = parser.apply(read);
    // the repairs of the source are reported by the caller; a prefix cut here is the parser's to say
    List<Diagnostic> notes = new ArrayList<>(unprefixed.repairsBeyond(source));
    if (read != unprefixed) {
      int joins = unprefixed.lines().size() - read.lines().size();
      notes.add(Diagnostic.info(0, 0, "joined " + joins + " line(s) a hard wrap had cut back onto the line"
          + " before (the table's rules are cut at one width too)"));
    }
    return result.notedFirst(notes);
  }

  /**
   * {@code source} with the prefix cut that a logger put before the lines of a table, where a line
   * holds a table's title after other text ({@code INFO:root: Layer (type:depth-idx)}, a summary
   * logged line by line in a log whose other lines differ): {@link Source#withoutPrefixAround}. A
   * prefix on every line of the text is cut already.
   */
  static Source unprefixed(Source source) {
    Source read = source.withoutPrefixesAround(source.linesContaining(TorchinfoHeader.TITLE), t -> {
      int title = t.indexOf(TorchinfoHeader.TITLE);
      return t.substring(0, title).isBlank() ? 0 : title;
    });
    // a table indented as a block under text that is not (a Markdown code block below a line of
    // prose): the tree's glyphs and the columns stand where the reader looks for them once it is cut
    int looks = 0;
    for (int i : source.linesContaining(TorchinfoHeader.TITLE)) {
      if (read.lines().get(i).indent() > 0 && ++looks <= Source.PREFIX_LOOKS) {
        read = read.withoutTableIndentAround(i);
      }
    }
    return read;
  }
}
