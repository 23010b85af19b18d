package io.layercount.core.spi;

import io.layercount.core.Diagnostic;
import io.layercount.core.Limits;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;
import java.util.regex.Pattern;

/**
 * Input text split into lines, with copy damage undone and every line still tied to its place in
 * the original input.
 *
 * <p>Undone here, for every format: CRLF and CR line ends, ANSI colour codes, tabs (expanded to
 * stops of 8), trailing white space, a quote or comment mark before every line ({@code > } from mail
 * and Markdown, {@code # } from a Python file or notebook, {@code ## } from R Markdown output,
 * {@code // } from JavaScript), and an indent common to every non-blank line. Each repair is reported as an {@code info} diagnostic. What is specific to a
 * format (text before and after a summary, log prefixes) is the parser's to handle.
 *
 * <p>The {@link Limits} are applied here for every format: a text longer than
 * {@link Limits#maxInputChars()} has no lines at all, a line longer than {@link Limits#maxLineChars()}
 * is left out (kept as an empty line under its number), and both are reported in {@link #problems()}
 * as errors naming the limit. Parsers read the other limits from {@link #limits()}.
 */
public final class Source {
  private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]");

  private final String name;
  private final List<Line> lines;
  private final List<Diagnostic> repairs;
  private final List<Diagnostic> problems;
  private final Limits limits;
  private final char maxChar;
  /** The needle {@link #linesContaining} searched for last, and what it found. */
  private String searched;
  private int[] searchedLines;

  private Source(String name, List<Line> lines, List<Diagnostic> repairs, List<Diagnostic> problems, Limits limits,
      char maxChar) {
    this.maxChar = maxChar;
    this.name = name;
    this.lines = lines;
    this.repairs = List.copyOf(repairs);
    this.problems = List.copyOf(problems);
    this.limits = limits;
  }

  /**
   * A line after repair.
   *
   * @param number 1-based line number in the original input
   * @param offset how many characters were removed before the text (quote and common indent)
   * @param text the repaired text
   * @param indent how many spaces {@code text} starts with: found once here, where every parser asks
   */
  public record Line(int number, int offset, String text, int indent) {
    /** Checks that the indent lies within the text (it is not recounted: the point is to count once). */
    public Line {
      if (indent < 0 || indent > text.length()) {
        throw new IllegalArgumentException("indent " + indent + " outside a text of " + text.length() + " characters");
      }
    }

    /** A line whose indent is counted from {@code text}. */
    public Line(int number, int offset, String text) {
      this(number, offset, text, leadingSpaces(text, 0));
    }

    /** The original column (1-based) of a 0-based index into {@link #text()}. */
    public int column(int index) {
      return offset + index + 1;
    }

    /** Whether the repaired text is empty or white space. */
    public boolean isBlank() {
      // past the indent, a line with text shows it at once
      return (indent >= text.length() || Character.isWhitespace(text.charAt(indent))) && text.isBlank();
    }
  }

  /** Repairs {@code text} under the default {@link Limits}. */
  public static Source of(String name, String text) {
    return of(name, text, Limits.DEFAULT);
  }

  /**
   * Repairs {@code text}; {@code name} is what diagnostics call the input (a path or {@code -}).
   * Never throws on bad input: what cannot be read is reported in {@link #problems()}.
   */
  public static Source of(String name, String text, Limits limits) {
    if (text.length() > limits.maxInputChars()) {
      return tooLarge(name, text.length(), limits);
    }
    List<Diagnostic> repairs = new ArrayList<>();
    String normal = normalLineEnds(text, repairs);
    int end = normal.endsWith("\n") ? normal.length() - 1 : normal.length();
    // split by hand, each line cleaned as it is cut: every line of the input once, without the list
    // and pattern of String.split, the line ends found in one scan
    Lines lines = new Lines();
    Cleaning cleaning = new Cleaning(limits);
    if (end > 0) {
      int from = 0;
      for (int nl = normal.indexOf('\n'); nl >= 0 && nl < end; nl = normal.indexOf('\n', nl + 1)) {
        lines.add(cleaning.clean(lines.count, normal.substring(from, nl)), cleaning.lead);
        from = nl + 1;
      }
      lines.add(cleaning.clean(lines.count, normal.substring(from, end)), cleaning.lead);
    }
    return cleaning.finish(name, lines, repairs);
  }

  /**
   * The same source as {@link #of(String, String, Limits)} makes of these bytes read as ISO-8859-1
   * from {@code from} on, made from the bytes themselves when they are ASCII without a CR (as
   * printouts are): one scan finds each line's end and whether it holds anything to repair or
   * report, and a line's text is copied out of the bytes once, with no string of the whole text
   * and no char copy of each line. {@code null} when a byte is past ASCII or a CR: such text is
   * decoded first and read by {@link #of(String, String, Limits)}.
   */
  public static Source ofAscii(String name, byte[] bytes, int from, Limits limits) {
    int size = bytes.length - from;
    if (size > limits.maxInputChars()) {
      // as many characters as bytes only where every byte is ASCII: other text may have fewer
      for (int i = from; i < bytes.length; i++) {
        if (bytes[i] < 0) {
          return null;
        }
      }
      return tooLarge(name, size, limits);
    }
    int end = size > 0 && bytes[bytes.length - 1] == '\n' ? bytes.length - 1 : bytes.length;
    if (end == from) {
      return of(name, "", limits);
    }
    // a line's start, end and whether it needs the exact scan, found in one pass
    Lines lines = new Lines();
    Cleaning cleaning = new Cleaning(limits);
    AsciiLine scan = new AsciiLine();
    int start = from;
    while (true) {
      int i = scan.end(bytes, start, end, Math.max(cleaning.largest(), '9'));
      String line;
      if (scan.plain && i - start <= limits.maxLineChars()) {
        line = cleaning.plain(lines.count, bytes, start, i, scan.top);
      } else {
        for (int k = start; k < i; k++) {
          if (bytes[k] < 0 || bytes[k] == '\r') {
            return null;
          }
        }
        line = cleaning.clean(lines.count, new String(bytes, start, i - start, StandardCharsets.ISO_8859_1));
      }
      lines.add(line, cleaning.lead);
      if (i >= end) {
        break;
      }
      start = i + 1;
    }
    return cleaning.finish(name, lines, new ArrayList<>());
  }

  /**
   * The cleaned lines of a text whose number of lines is not known in advance, and their leading
   * spaces, in chunks of {@link #LINE_CHUNK} (the first growing from 64): an array grown by doubling
   * reaches half a G1 region (512 KB, at 131,072 lines) before the text has that many lines, and
   * such an array is allocated apart and outlives its use, holding every line it points to through
   * the counting.
   */
  private static final class Lines {
    private String[][] texts = new String[4][];
    private int[][] leads = new int[4][];
    int count;

    void add(String text, int lead) {
      int chunk = count / LINE_CHUNK;
      int at = count % LINE_CHUNK;
      if (chunk == texts.length) {
        texts = Arrays.copyOf(texts, 2 * chunk);
        leads = Arrays.copyOf(leads, 2 * chunk);
      }
      if (texts[chunk] == null) {
        int size = chunk == 0 ? 64 : LINE_CHUNK;
        texts[chunk] = new String[size];
        leads[chunk] = new int[size];
      } else if (at == texts[chunk].length) {
        texts[chunk] = Arrays.copyOf(texts[chunk], 2 * at);
        leads[chunk] = Arrays.copyOf(leads[chunk], 2 * at);
      }
      texts[chunk][at] = text;
      leads[chunk][at] = lead;
      count++;
    }

    /** Copies the lines into {@code into} and their leading spaces into {@code leadsInto}, each of {@link #count}. */
    void gather(String[] into, int[] leadsInto) {
      for (int c = 0; c * LINE_CHUNK < count; c++) {
        int length = Math.min(LINE_CHUNK, count - c * LINE_CHUNK);
        System.arraycopy(texts[c], 0, into, c * LINE_CHUNK, length);
        System.arraycopy(leads[c], 0, leadsInto, c * LINE_CHUNK, length);
      }
    }
  }

  /**
   * The repairs of each line and of the whole text, with what they found: the one way
   * {@link #of(String, String, Limits)} and {@link #ofAscii} clean a text.
   */
  private static final class Cleaning {
    private final Limits limits;
    private final InputProblems scan;
    /**
     * The leading spaces of the line cleaned last, counted while it is scanned: the indent repairs
     * and every parser need them.
     */
    int lead;
    private char[] buffer = new char[256];
    private int ansi;
    private int tabs;
    private int trailing;

    Cleaning(Limits limits) {
      this.limits = limits;
      this.scan = new InputProblems(limits);
    }

    /** Line {@code n} (0-based) as read, cleaned: checked, colour codes removed, tabs expanded, trailing space cut. */
    String clean(int n, String raw) {
      String l = raw;
      if (l.length() <= limits.maxLineChars()) {
        buffer = room(buffer, l.length());
      }
      // a character at a time through String.charAt is slow in the JIT's first tier: the line is
      // scanned in the buffer, where check leaves it
      l = scan.check(n + 1, l, buffer);
      boolean changed = false;
      if (scan.escape) {
        String stripped = ANSI.matcher(l).replaceAll("");
        if (!stripped.equals(l)) {
          ansi++;
          l = stripped;
          changed = true;
        }
      }
      if (scan.tab) { // colour codes hold no tab: removing them leaves every tab
        tabs++;
        l = expandTabs(l);
        changed = true;
      }
      if (changed) {
        buffer = room(buffer, l.length());
        l.getChars(0, l.length(), buffer, 0);
      }
      int end = l.length();
      while (end > 0 && Character.isWhitespace(buffer[end - 1])) {
        end--;
      }
      if (end < l.length()) {
        trailing++;
        l = l.substring(0, end);
      }
      int first = 0;
      while (first < end && buffer[first] == ' ') {
        first++;
      }
      lead = first;
      return l;
    }

    /** The largest character taken in so far ({@link InputProblems#max}). */
    char largest() {
      return scan.max;
    }

    /**
     * Line {@code n} (0-based), {@code bytes[from, to)}, cleaned: bytes within the limit with no
     * control character, DEL or byte past ASCII ({@code top} the largest of them where that is
     * above {@link #largest()} and {@code '9'}, else not above those). Only a run of
     * digits too long for a count sends it to {@link #clean}; past that there is nothing to repair
     * but trailing spaces, the only white space left.
     */
    String plain(int n, byte[] bytes, int from, int to, int top) {
      if (!scan.plainNumbers(bytes, from, to, top)) {
        return clean(n, new String(bytes, from, to - from, StandardCharsets.ISO_8859_1));
      }
      int end = to;
      while (end > from && bytes[end - 1] == ' ') {
        end--;
      }
      if (end < to) {
        trailing++;
      }
      int first = from;
      while (first < end && bytes[first] == ' ') {
        first++;
      }
      lead = first - from;
      return new String(bytes, from, end - from, StandardCharsets.ISO_8859_1);
    }

    /**
     * The source of the cleaned lines with their leading spaces: the repairs of the whole text
     * (quote mark, common indent) made, and added to {@code repairs}.
     */
    Source finish(String name, Lines cleanedLines, List<Diagnostic> repairs) {
      String[] cleaned = new String[cleanedLines.count];
      int[] leads = new int[cleanedLines.count];
      cleanedLines.gather(cleaned, leads);
      List<Diagnostic> problems = new ArrayList<>();
      if (ansi > 0) {
        repairs.add(Diagnostic.info(0, 0, "removed ANSI colour codes from " + ansi + " line(s)"));
      }
      if (tabs > 0) {
        repairs.add(Diagnostic.info(0, 0, "expanded tabs to spaces (stops of 8) in " + tabs + " line(s)"));
      }
      if (trailing > 0) {
        repairs.add(Diagnostic.info(0, 0, "removed trailing white space from " + trailing + " line(s)"));
      }
      String mark = QuoteMark.common(Arrays.asList(cleaned));
      int quote = mark.length();
      if (quote > 0) {
        repairs.add(Diagnostic.info(0, 0, "removed a '" + mark.strip() + "' " + QuoteMark.what(mark) + " before every line"));
        // the indents that matter are those after the mark
        for (int i = 0; i < cleaned.length; i++) {
          leads[i] = leadingSpaces(cleaned[i], quote);
        }
      }
      int indent = commonIndent(cleaned, quote, leads);
      if (indent > 0) {
        repairs.add(Diagnostic.info(0, 0, "removed an indent of " + indent + " common to every line"));
      }
      Line[] lines = new Line[cleaned.length];
      for (int i = 0; i < cleaned.length; i++) {
        String l = cleaned[i];
        int cut = Math.min(l.length(), quote);
        int ind = Math.min(indent, leads[i]);
        lines[i] = new Line(i + 1, cut + ind, l.substring(cut + ind), leads[i] - ind);
      }
      scan.report(problems);
      return new Source(name, new LineList(lines), repairs, problems, limits, scan.max);
    }
  }

  /** A text of {@code length} characters, past {@link Limits#maxInputChars()}: no lines, and the error. */
  private static Source tooLarge(String name, int length, Limits limits) {
    List<Diagnostic> problems = List.of(Diagnostic.error(0, 0, Limits.exceeded(
        String.format(java.util.Locale.ROOT, "the input has %,d characters", length),
        "maxInputChars", limits.maxInputChars()) + "; nothing was read"));
    return new Source(name, List.of(), List.of(), problems, limits, (char) 0);
  }

  /**
   * The lines, read-only, over the array they were made in rather than a copy of it: a list of every
   * line of a large text is large enough for a collector to treat as one of its costly large
   * objects. One class, whose {@code get} is the array access, for every text: the parsers ask for
   * each line several times, and the JIT's first tier, which the command line runs, makes a call
   * through each wrapper a list has.
   */
  private static final class LineList extends AbstractList<Line> implements RandomAccess {
    private final Line[] lines;

    LineList(Line[] lines) {
      this.lines = lines;
    }

    @Override
    public Line get(int index) {
      return lines[index];
    }

    @Override
    public int size() {
      return lines.length;
    }
  }

  /** The input's name as given (a path or {@code -}). */
  public String name() {
    return name;
  }

  /** The lines after repair, in input order. */
  public List<Line> lines() {
    return lines;
  }

  /** The repairs made to the whole text, as {@code info} diagnostics. */
  public List<Diagnostic> repairs() {
    return repairs;
  }

  /**
   * What the text holds that no parser can read: lines or a whole input past a limit (errors: a
   * count may be missing), NUL and other control characters, numbers too long to be a count.
   */
  public List<Diagnostic> problems() {
    return problems;
  }

  /**
   * The largest character in the text (lines past the length limit aside): a parser looking for
   * characters no plain text holds, such as box drawing, need not look where none can be.
   */
  public char maxChar() {
    return maxChar;
  }

  /**
   * The indexes (into {@link #lines()}) of the lines that contain {@code needle}, in order. The
   * answer for the last needle asked is kept: parsers that detect their format by one title (every
   * summary table prints {@code Layer (type}) share one search of the text.
   */
  public synchronized int[] linesContaining(String needle) {
    if (!needle.equals(searched)) {
      int[] found = new int[8];
      int count = 0;
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).text().contains(needle)) {
          if (count == found.length) {
            found = Arrays.copyOf(found, count * 2);
          }
          found[count++] = i;
        }
      }
      searched = needle;
      searchedLines = Arrays.copyOf(found, count);
    }
    return searchedLines.clone();
  }

  /** The limits this text was read under; parsers apply the nesting, layer and digit limits. */
  public Limits limits() {
    return limits;
  }

  /** The repaired text, lines joined by {@code \n}. */
  public String text() {
    StringBuilder sb = new StringBuilder();
    for (Line l : lines) {
      sb.append(l.text()).append('\n');
    }
    return sb.toString();
  }

  /** Lines kept per chunk while a text is split. */
  private static final int LINE_CHUNK = 4096;

  /** {@code text} with its CRLF and CR line ends made {@code \n}, each kind of repair noted. */
  private static String normalLineEnds(String text, List<Diagnostic> repairs) {
    if (text.indexOf('\r') < 0) {
      return text;
    }
    boolean crlf = text.contains("\r\n");
    boolean cr = text.replace("\r\n", "").indexOf('\r') >= 0;
    if (crlf) {
      repairs.add(Diagnostic.info(0, 0, "converted CRLF line ends"));
    }
    if (cr) {
      repairs.add(Diagnostic.info(0, 0, "converted CR line ends"));
    }
    return text.replace("\r\n", "\n").replace('\r', '\n');
  }

  private static String expandTabs(String line) {
    StringBuilder sb = new StringBuilder(line.length() + 16);
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\t') {
        do {
          sb.append(' ');
        } while (sb.length() % 8 != 0);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** The fewest leading spaces ({@code leads}, counted after the quote mark) of a line with text. */
  private static int commonIndent(String[] lines, int quote, int[] leads) {
    int min = Integer.MAX_VALUE;
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      // trailing white space is gone: a line with nothing past the quote mark is blank, any other is not
      if (l.length() <= quote) {
        continue;
      }
      min = Math.min(min, leads[i]);
    }
    return min == Integer.MAX_VALUE ? 0 : min;
  }

  /** How many spaces {@code s} holds from {@code from} on (none when it ends before). */
  private static int leadingSpaces(String s, int from) {
    int i = from;
    while (i < s.length() && s.charAt(i) == ' ') {
      i++;
    }
    return i - from;
  }

  /** {@code buffer}, or a larger one if it holds fewer than {@code length} chars. */
  private static char[] room(char[] buffer, int length) {
    return length <= buffer.length ? buffer : new char[Math.max(length, buffer.length * 2)];
  }

}
