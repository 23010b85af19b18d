package io.layercount.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.layercount.core.Diagnostic;
import io.layercount.core.Limits;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link Source#of} against a plain reference of its repairs (the String-at-a-time version it
 * replaced), on generated lines mixing what the repairs and the problem scan look for: colour codes,
 * tabs, quote and comment marks, common indents, trailing and Unicode white space, long numbers,
 * decimals, thousands separators, control characters, CR and CRLF ends, Unicode line and paragraph
 * separators, lines past the limit.
 */
class SourceRepairsTest {
  private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]");
  private static final String[] PIECES = {
      "  ", "    ", "\t", " \t", "(conv1): Conv2d(3, 64, kernel_size=(7, 7))", "Linear(in_features=2)", "x",
      "\u001B[31m", "\u001B[0m", "\u001B[1;32m", "\u001B", "> ", ">", "# ", "#", "// ", "12345678901234567890",
      "1234567890123456789", "0.00029999999999996696", "1,234,567", "12,34", "1e30", "\u0000", "\u0007", "\u007F",
      "\f", "\u2028", "\u2029", "\u00A0", "\u2007\u202F", "\u2500\u2500", "Total params: 1,000", "   ", "é", "1234567890123456789012345",
      "1,234,567,890,123,456,789,012", "123,456", "9,999,999,999,999,999,999", "12345,6789012345", "99999", "~", "0.5"};

  @Test
  void sameLinesRepairsAndProblemsAsTheReference() {
    Random random = new Random(20261203);
    Limits wide = Limits.builder().maxLineChars(60).maxNumberDigits(24).build();
    // numbers longer than 5 digits are past the limit, well before 64 bits
    Limits narrow = Limits.builder().maxLineChars(60).maxNumberDigits(5).build();
    for (int round = 0; round < 8000; round++) {
      Limits limits = round % 4 == 3 ? narrow : wide;
      StringBuilder text = new StringBuilder();
      // a third with CR ends, a third Latin-1 only (what nearly every real text is)
      boolean cr = round % 3 == 0;
      boolean latin1 = round % 3 == 1;
      int lines = 1 + random.nextInt(8);
      String prefix = random.nextInt(4) == 0 ? PIECES[10 + random.nextInt(6)] : "";
      String indent = random.nextBoolean() ? "  ".repeat(random.nextInt(3)) : "";
      for (int l = 0; l < lines; l++) {
        StringBuilder line = new StringBuilder(prefix).append(indent);
        int pieces = random.nextInt(5);
        for (int p = 0; p < pieces; p++) {
          String piece = PIECES[random.nextInt(PIECES.length)];
          line.append(latin1 ? piece.replaceAll("[^\\x00-\\xFF]", "?") : piece);
        }
        text.append(line).append(!cr ? "\n" : random.nextInt(3) == 0 ? "\r\n" : random.nextInt(4) == 0 ? "\r" : "\n");
      }
      String input = random.nextBoolean() ? text.toString() : text.substring(0, text.length() - 1);
      Source actual = Source.of("t", input, limits);
      Reference expected = Reference.of(input, limits);
      String what = "input " + round + ": " + input.replace("\n", "\\n").replace("\r", "\\r");
      assertEquals(expected.lines, render(actual.lines()), what);
      assertEquals(expected.repairs, texts(actual.repairs()), what);
      List<String> problems = new ArrayList<>();
      actual.problems().forEach(d -> problems.add(d.line() + ":" + d.column() + " " + d.severity()));
      assertEquals(expected.problems, problems, what);
      assertEquals(expected.maxChar, actual.maxChar(), what);
    }
  }

  @Test
  void eachLineKnowsItsIndent() {
    Source source = Source.of("t", "    Net(\n      (fc): Linear()\n\n    )\n");
    List<String> seen = new ArrayList<>();
    for (Source.Line line : source.lines()) {
      seen.add(line.indent() + ":" + line.isBlank());
    }
    assertEquals(List.of("0:false", "2:false", "0:true", "0:false"), seen);
  }

  private static List<String> render(List<Source.Line> lines) {
    List<String> out = new ArrayList<>();
    for (Source.Line l : lines) {
      int spaces = 0;
      while (spaces < l.text().length() && l.text().charAt(spaces) == ' ') {
        spaces++;
      }
      assertEquals(spaces, l.indent(), "indent of line " + l.number());
      assertEquals(l.text().isBlank(), l.isBlank(), "blank line " + l.number());
      out.add(l.number() + "|" + l.offset() + "|" + l.text());
    }
    return out;
  }

  private static List<String> texts(List<Diagnostic> diagnostics) {
    List<String> out = new ArrayList<>();
    diagnostics.forEach(d -> out.add(d.message()));
    return out;
  }

  /** The repairs as they were made one String at a time. */
  private static final class Reference {
    final List<String> lines = new ArrayList<>();
    final List<String> repairs = new ArrayList<>();
    /** line:column and severity of each problem: long lines, then the first long number, huge number, control. */
    final List<String> problems = new ArrayList<>();
    private String tooManyDigits;
    private String beyond64Bits;
    private String control;
    /** The largest character past the digits, DEL aside, of the lines within the length limit. */
    char maxChar;

    /** {@code line} with its no-break spaces (U+00A0, U+2007, U+202F) spaces. */
    static String noBreakAsSpaces(String line) {
      return line.replace('\u00A0', ' ').replace('\u2007', ' ').replace('\u202F', ' ');
    }

    static Reference of(String text, Limits limits) {
      Reference r = new Reference();
      if (text.indexOf('\u2028') >= 0 || text.indexOf('\u2029') >= 0) {
        r.repairs.add("read Unicode line and paragraph separators (U+2028, U+2029) as line ends");
        text = text.replace('\u2028', '\n').replace('\u2029', '\n');
      }
      String normal = text;
      if (text.indexOf('\r') >= 0) {
        if (text.contains("\r\n")) {
          r.repairs.add("converted CRLF line ends");
        }
        if (text.replace("\r\n", "").indexOf('\r') >= 0) {
          r.repairs.add("converted CR line ends");
        }
        normal = text.replace("\r\n", "\n").replace('\r', '\n');
      }
      if (normal.endsWith("\n")) {
        normal = normal.substring(0, normal.length() - 1);
      }
      List<String> cleaned = new ArrayList<>();
      int ansi = 0;
      int noBreak = 0;
      int tabs = 0;
      int trailing = 0;
      // a text indented with tabs alone (some line not blank starts with a tab, none with a space or
      // with both, colour codes out) reads each leading tab as an indent step of 2 spaces
      boolean byTabs = false;
      boolean bySpaces = false;
      if (!normal.isEmpty()) {
        for (String raw : normal.split("\n", -1)) {
          String l = raw.length() > limits.maxLineChars() ? "" : noBreakAsSpaces(ANSI.matcher(raw).replaceAll(""));
          String indent = l.substring(0, l.length() - l.replaceFirst("^[ \t]+", "").length());
          if (!indent.isEmpty() && !l.isBlank()) {
            byTabs |= indent.indexOf('\t') >= 0 && indent.indexOf(' ') < 0;
            bySpaces |= indent.indexOf(' ') >= 0;
          }
        }
      }
      boolean tabSteps = byTabs && !bySpaces;
      if (!normal.isEmpty()) {
        int number = 0;
        for (String raw : normal.split("\n", -1)) {
          number++;
          String l = raw;
          if (raw.length() > limits.maxLineChars()) {
            r.problems.add(number + ":1 ERROR");
            l = "";
          } else {
            r.scan(number, raw, limits);
          }
          if (l.indexOf('\u001B') >= 0) {
            String stripped = ANSI.matcher(l).replaceAll("");
            if (!stripped.equals(l)) {
              ansi++;
              l = stripped;
            }
          }
          if (!noBreakAsSpaces(l).equals(l)) {
            noBreak++;
            l = noBreakAsSpaces(l);
          }
          if (l.indexOf('\t') >= 0) {
            tabs++;
            // each tab to the next stop of 8, by the column it starts at
            String[] parts = l.split("\t", -1);
            StringBuilder sb = new StringBuilder(parts[0]);
            for (int p = 1; p < parts.length; p++) {
              sb.append(" ".repeat(8 - sb.length() % 8)).append(parts[p]);
            }
            int leadingTabs = 0;
            while (leadingTabs < l.length() && l.charAt(leadingTabs) == '\t') {
              leadingTabs++;
            }
            boolean onlyTabs = leadingTabs < l.length() && l.charAt(leadingTabs) != ' ';
            l = tabSteps && onlyTabs ? sb.substring(6 * leadingTabs) : sb.toString();
          }
          int end = l.length();
          while (end > 0 && Character.isWhitespace(l.charAt(end - 1))) {
            end--;
          }
          if (end < l.length()) {
            trailing++;
            l = l.substring(0, end);
          }
          cleaned.add(l);
        }
      }
      if (ansi > 0) {
        r.repairs.add("removed ANSI colour codes from " + ansi + " line(s)");
      }
      if (noBreak > 0) {
        r.repairs.add("read no-break spaces as spaces in " + noBreak + " line(s)");
      }
      if (tabs > 0) {
        r.repairs.add(tabSteps ? "read each leading tab as an indent of 2 spaces (a text indented with tabs), other"
            + " tabs at stops of 8, in " + tabs + " line(s)" : "expanded tabs to spaces (stops of 8) in " + tabs + " line(s)");
      }
      if (trailing > 0) {
        r.repairs.add("removed trailing white space from " + trailing + " line(s)");
      }
      for (String first : new String[] {r.tooManyDigits, r.beyond64Bits, r.control}) {
        if (first != null) {
          r.problems.add(first);
        }
      }
      String mark = QuoteMark.common(cleaned);
      int quote = mark.length();
      if (quote > 0) {
        r.repairs.add("removed a '" + mark.strip() + "' " + QuoteMark.what(mark) + " before every line");
      } else {
        // where the prefix is and whether it counts is LinePrefix's (SourceLinePrefixTest); cut here as a string
        quote = LinePrefix.width(cleaned);
        String first = cleaned.stream().filter(l -> !l.isBlank()).findFirst().orElse("");
        String prefix = first.substring(0, Math.min(quote, first.length())).strip();
        if (quote > 0 && LinePrefix.varies(cleaned, quote)) {
          r.repairs.add("removed the first " + quote + " characters of every line, a prefix that numbers or times it ('"
              + prefix + "' on the first), as a line number or a log's time stamp does");
        } else if (quote > 0) {
          r.repairs.add("removed the prefix '" + prefix + "' repeated before every line (a logger's or a launcher's)");
        }
      }
      int indent = Integer.MAX_VALUE;
      for (String l : cleaned) {
        if (l.length() > quote && !l.isBlank()) {
          indent = Math.min(indent, spaces(l.substring(quote)));
        }
      }
      indent = indent == Integer.MAX_VALUE ? 0 : indent;
      if (indent > 0) {
        r.repairs.add("removed an indent of " + indent + " common to every line");
      }
      for (int i = 0; i < cleaned.size(); i++) {
        String l = cleaned.get(i);
        int cut = Math.min(l.length(), quote);
        String rest = l.substring(cut);
        int ind = Math.min(indent, spaces(rest));
        r.lines.add((i + 1) + "|" + (cut + ind) + "|" + rest.substring(ind));
      }
      return r;
    }

    /** The problem scan, a character at a time through the String. */
    private void scan(int number, String raw, Limits limits) {
      for (int i = 0; i < raw.length(); ) {
        char c = raw.charAt(i);
        if (c >= '0' && c <= '9') {
          int start = i;
          int digits = 0;
          while (i < raw.length() && Character.isDigit(raw.charAt(i)) && raw.charAt(i) <= '9') {
            i++;
            digits++;
            if (raw.startsWith(",", i) && i + 4 <= raw.length() && raw.substring(i + 1, i + 4).chars().allMatch(d -> d >= '0' && d <= '9')
                && (i + 4 == raw.length() || !(raw.charAt(i + 4) >= '0' && raw.charAt(i + 4) <= '9'))) {
              i++;
            }
          }
          boolean decimal = start > 0 && raw.charAt(start - 1) == '.'
              || i < raw.length() && "eE.".indexOf(raw.charAt(i)) >= 0;
          if (digits > limits.maxNumberDigits()) {
            tooManyDigits = tooManyDigits != null ? tooManyDigits : number + ":" + (start + 1) + " ERROR";
          } else if (digits > 19 && !decimal) {
            beyond64Bits = beyond64Bits != null ? beyond64Bits : number + ":" + (start + 1) + " ERROR";
          }
          continue;
        }
        if (c > '9' && c != 0x7F && c > maxChar) {
          maxChar = c;
        }
        if ((c < 0x20 && c != '\t' && c != '\f' && c != 0x1B) || c == 0x7F) {
          control = control != null ? control : number + ":" + (i + 1) + " WARNING";
        }
        i++;
      }
    }

    private static int spaces(String s) {
      int i = 0;
      while (i < s.length() && s.charAt(i) == ' ') {
        i++;
      }
      return i;
    }
  }
}
