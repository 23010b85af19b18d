package io.layercount.core.spi;

import io.layercount.core.Diagnostic;
import io.layercount.core.Limits;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

/**
 * Input text split into lines, with copy damage undone and every line still tied to its place in
 * the original input.
 *
 * <p>Undone here, for every format: CRLF and CR line ends, ANSI colour codes, no-break spaces (read
 * as spaces), tabs (expanded to stops of 8; in a text indented with tabs alone, each leading tab an
 * indent step of 2 spaces, as a printout's level), trailing white space, a quote or comment mark
 * before every line ({@code > } from mail and Markdown, {@code # } from a Python file or notebook,
 * {@code ## } from R Markdown output, {@code // } from JavaScript), a prefix on every line
 * ({@link LinePrefix}: a logger's, torchrun's {@code [rank0]: }, {@code cat -n}'s line numbers, a
 * log's time stamps), and an indent common to every non-blank line. Each repair is reported as an
 * {@code info} diagnostic. What is specific to a format (text before and after a summary, a prefix
 * on some lines only) is the parser's to handle.
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
  /** The lines as parts of the input's bytes, where each is one ({@link #ascii()}), else {@code null}. */
  private final AsciiLines ascii;
  private final List<Diagnostic> repairs;
  private final List<Diagnostic> problems;
  /** The numbers too long to be read as counts, or {@code null} where the text has none. */
  private final UnreadNumbers unreadNumbers;
  private final Limits limits;
  private final char maxChar;
  /** The needles {@link #linesContaining} searched for, and what each found: parsers share a few. */
  private final Map<String, int[]> searched = new HashMap<>(4);

  private Source(String name, List<Line> lines, AsciiLines ascii, List<Diagnostic> repairs, List<Diagnostic> problems,
      UnreadNumbers unreadNumbers, Limits limits, char maxChar) {
    this.unreadNumbers = unreadNumbers;
    this.maxChar = maxChar;
    this.name = name;
    this.lines = lines;
    this.ascii = ascii;
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
    // ASCII, as printouts are, is read as bytes: the same source, its lines parts of them
    if (isAscii(text)) {
      Source ascii = ofAscii(name, text.getBytes(StandardCharsets.ISO_8859_1), 0, limits);
      if (ascii != null) {
        return ascii;
      }
    }
    return ofText(name, text, limits);
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@link #of(String, String, Limits)} by the text's characters, every line cut out as a string:
   * for text that is not ASCII, and for tests, the reading {@link #ofAscii} must agree with.
   */
  static Source ofText(String name, String text, Limits limits) {
    return ofText(name, text, limits, false);
  }

  /** {@link #ofText(String, String, Limits)}; {@code tabSteps}: each leading tab one indent step ({@link Cleaning#tabSteps}). */
  private static Source ofText(String name, String text, Limits limits, boolean tabSteps) {
    if (text.length() > limits.maxInputChars()) {
      return tooLarge(name, text.length(), limits);
    }
    List<Diagnostic> repairs = new ArrayList<>();
    String normal = normalLineEnds(text, repairs);
    int end = normal.endsWith("\n") ? normal.length() - 1 : normal.length();
    // split by hand, each line cleaned as it is cut: every line of the input once, without the list
    // and pattern of String.split, the line ends found in one scan
    Lines lines = new Lines(end);
    Cleaning cleaning = new Cleaning(limits, tabSteps);
    if (end > 0) {
      int from = 0;
      for (int nl = normal.indexOf('\n'); nl >= 0 && nl < end; nl = normal.indexOf('\n', nl + 1)) {
        lines.add(cleaning.clean(lines.count, normal.substring(from, nl)), cleaning.lead, cleaning.trail);
        from = nl + 1;
      }
      lines.add(cleaning.clean(lines.count, normal.substring(from, end)), cleaning.lead, cleaning.trail);
    }
    return !tabSteps && cleaning.indentedByTabs() ? ofText(name, text, limits, true)
        : cleaning.finish(name, lines, null, repairs);
  }

  /**
   * The same source as {@link #of(String, String, Limits)} makes of these bytes read as ISO-8859-1
   * from {@code from} on, made from the bytes themselves when they are ASCII with no CR but in CRLF
   * line ends (as printouts are): one scan finds each line's end and whether it holds anything to
   * repair or report. A line with nothing to repair but spaces cut is kept as its place in the bytes, and its
   * string made only when a parser asks for it ({@link #ascii()} reads them in place); the bytes
   * must not change while the source is in use. {@code null} when a byte is past ASCII or a CR
   * ends a line alone: such text is decoded first and read by {@link #of(String, String, Limits)}.
   */
  public static Source ofAscii(String name, byte[] bytes, int from, Limits limits) {
    return ofAscii(name, bytes, from, limits, false);
  }

  /** {@link #ofAscii(String, byte[], int, Limits)}; {@code tabSteps}: each leading tab one indent step. */
  private static Source ofAscii(String name, byte[] bytes, int from, Limits limits, boolean tabSteps) {
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
    // the text ends before its last line end, LF or CRLF, as the decoded reading ends it
    int end = bytes.length;
    boolean crlf = false;
    if (size > 0 && bytes[end - 1] == '\n') {
      end--;
      crlf = end > from && bytes[end - 1] == '\r';
      end -= crlf ? 1 : 0;
    }
    Lines lines = new Lines(end - from);
    Cleaning cleaning = new Cleaning(limits, tabSteps);
    if (end == from) {
      return cleaning.finish(name, lines, bytes, lineEndRepairs(crlf));
    }
    // a line's start, end and whether it needs the exact scan, found in one pass
    AsciiLine scan = new AsciiLine();
    int start = from;
    while (true) {
      int i = scan.end(bytes, start, end, Math.max(cleaning.largest(), '9'));
      int cut;
      if (scan.plain && i - start <= limits.maxLineChars() && (cut = cleaning.plain(bytes, start, i, scan.top)) >= 0) {
        lines.add(start, cut, cleaning.lead);
      } else {
        int read = checkedLine(bytes, start, i, lines, cleaning);
        if (read < 0) {
          return null;
        }
        crlf |= read > 0;
      }
      if (i >= end) {
        break;
      }
      start = i + 1;
    }
    return !tabSteps && cleaning.indentedByTabs() ? ofAscii(name, bytes, from, limits, true)
        : cleaning.finish(name, lines, bytes, lineEndRepairs(crlf));
  }

  /** The repairs of a text's line ends read from bytes: the CRLF ends taken off, where there were any. */
  private static List<Diagnostic> lineEndRepairs(boolean crlf) {
    List<Diagnostic> repairs = new ArrayList<>();
    if (crlf) {
      repairs.add(Diagnostic.info(0, 0, CRLF_REPAIR));
    }
    return repairs;
  }

  /**
   * The cleaned lines of a text whose number of lines is not known in advance, and their leading
   * spaces, in chunks of {@link #LINE_CHUNK} (the first growing from 64): an array grown by doubling
   * reaches half a G1 region (512 KB, at 131,072 lines) before the text has that many lines, and
   * such an array is allocated apart and outlives its use, holding every line it points to through
   * the counting. A line is a string where it was repaired or read from a string, else the part
   * {@code [start, end)} of the input's bytes, its trailing spaces cut.
   */
  private static final class Lines {
    private String[][] texts = new String[4][];
    private int[][] starts = new int[4][];
    private int[][] ends = new int[4][];
    private int[][] leads = new int[4][];
    /** The first chunk's first size: about the lines a text of its length has, so that it seldom grows. */
    private final int first;
    int count;
    /** How many lines are strings. */
    int strings;

    /** Lines of a text of {@code chars} characters. */
    Lines(int chars) {
      this.first = Math.max(64, Math.min(LINE_CHUNK, chars / 32 + 1));
    }

    /**
     * Adds a line read as a string, with the white space cut off its end: a string line has no
     * place in the bytes, and {@link #ends} holds that count for it.
     */
    void add(String text, int lead, int trail) {
      int at = room();
      int chunk = count / LINE_CHUNK;
      if (texts[chunk] == null) {
        texts[chunk] = new String[leads[chunk].length];
      }
      texts[chunk][at] = text;
      leads[chunk][at] = lead;
      ends[chunk][at] = trail;
      strings++;
      count++;
    }

    void add(int start, int end, int lead) {
      int at = room();
      int chunk = count / LINE_CHUNK;
      starts[chunk][at] = start;
      ends[chunk][at] = end;
      leads[chunk][at] = lead;
      count++;
    }

    /** The place of line {@link #count} in its chunk, the chunk made or grown to hold it. */
    private int room() {
      int chunk = count / LINE_CHUNK;
      int at = count % LINE_CHUNK;
      if (chunk == leads.length) {
        texts = Arrays.copyOf(texts, 2 * chunk);
        starts = Arrays.copyOf(starts, 2 * chunk);
        ends = Arrays.copyOf(ends, 2 * chunk);
        leads = Arrays.copyOf(leads, 2 * chunk);
      }
      if (leads[chunk] == null) {
        int size = chunk == 0 ? first : LINE_CHUNK;
        starts[chunk] = new int[size];
        ends[chunk] = new int[size];
        leads[chunk] = new int[size];
      } else if (at == leads[chunk].length) {
        int size = Math.min(LINE_CHUNK, 2 * at);
        if (texts[chunk] != null) {
          texts[chunk] = Arrays.copyOf(texts[chunk], size);
        }
        starts[chunk] = Arrays.copyOf(starts[chunk], size);
        ends[chunk] = Arrays.copyOf(ends[chunk], size);
        leads[chunk] = Arrays.copyOf(leads[chunk], size);
      }
      return at;
    }

    /**
     * One of the chunked arrays as one array of at least {@link #count} entries: the first chunk
     * itself where it holds every line (most texts), else a copy of the chunks joined.
     */
    private Object joined(Object[] chunks, Object into) {
      if (count <= LINE_CHUNK && chunks[0] != null) {
        return chunks[0];
      }
      for (int c = 0; c * LINE_CHUNK < count; c++) {
        if (chunks[c] != null) {
          System.arraycopy(chunks[c], 0, into, c * LINE_CHUNK, Math.min(LINE_CHUNK, count - c * LINE_CHUNK));
        }
      }
      return into;
    }

    /** The strings, {@code null} where a line is a part of the bytes, or {@code null} if none is a string. */
    String[] texts() {
      return strings == 0 ? null : (String[]) joined(texts, new String[count]);
    }

    int[] starts() {
      return (int[]) joined(starts, new int[count]);
    }

    int[] ends() {
      return (int[]) joined(ends, new int[count]);
    }

    int[] leads() {
      return (int[]) joined(leads, new int[count]);
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
    /** The white space {@link #clean} cut off the end of the line it read last (a tab as the spaces it expanded to). */
    int trail;
    private char[] buffer = new char[256];
    private int ansi;
    private int noBreak;
    private int tabs;
    private int trailing;
    /**
     * Each tab before a line's first character is one indent step of {@link #TAB_STEP} spaces, not a
     * tab stop of 8: for a text indented with tabs alone ({@link #indentedByTabs}), as a printout
     * whose two spaces a level an editor turned into a tab each. Tabs after the first character still
     * go to stops of 8, as on the first reading, so that columns keep lining up.
     */
    private final boolean tabSteps;
    /** Lines not blank whose indent is tabs only, spaces only, and both. */
    private int ledByTabs;
    private int ledBySpaces;
    private int ledByBoth;

    /** The spaces of an indent step: a PyTorch printout's (a table's indent is common to its lines, and removed). */
    static final int TAB_STEP = 2;

    Cleaning(Limits limits, boolean tabSteps) {
      this.limits = limits;
      this.scan = new InputProblems(limits);
      this.tabSteps = tabSteps;
    }

    /**
     * Whether the text is indented with tabs alone: some line that is not blank starts with tabs,
     * and none starts with a space or mixes the two. Such a text is read again with
     * {@link #tabSteps}: at stops of 8 its levels are 8 columns apart, which no printout is.
     */
    boolean indentedByTabs() {
      return ledByTabs > 0 && ledBySpaces == 0 && ledByBoth == 0;
    }

    /**
     * Counts the indent of a line as kept, where it is not blank, in {@link #ledByTabs} and the
     * others; the number of tabs it starts with where its indent is tabs only, else 0.
     */
    private int countIndent(String line) {
      int i = 0;
      int tabCount = 0;
      boolean space = false;
      for (; i < line.length(); i++) {
        char c = line.charAt(i);
        if (c == '\t') {
          tabCount++;
        } else if (c == ' ') {
          space = true;
        } else {
          break;
        }
      }
      if (i == 0 || line.isBlank()) {
        return 0; // no indent, or a blank line (its white space is cut)
      }
      if (tabCount > 0 && space) {
        ledByBoth++;
        return 0;
      }
      if (space) {
        ledBySpaces++;
        return 0;
      }
      ledByTabs++;
      return tabCount;
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
      // a page or chat that shows the text turns its spaces (an indent above all) into no-break ones:
      // U+00A0, the figure space U+2007 and the narrow one U+202F (replace answers the string itself
      // where it holds no such character)
      String spaced = l.replace('\u00A0', ' ').replace('\u2007', ' ').replace('\u202F', ' ');
      if (spaced != l) {
        l = spaced;
        noBreak++;
        changed = true;
      }
      // the indent of the line as kept (a line past the limit is empty), its colour codes out
      int leadingTabs = countIndent(l);
      if (scan.tab) { // colour codes hold no tab: removing them leaves every tab
        tabs++;
        l = expandTabs(l);
        if (tabSteps && leadingTabs > 0) {
          // the leading tabs, 8 columns each at stops of 8, become a step each
          l = l.substring((8 - TAB_STEP) * leadingTabs);
        }
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
      trail = l.length() - end;
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
     * The line {@code bytes[from, to)}, cleaned: bytes within the limit with no control character,
     * DEL or byte past ASCII ({@code top} the largest of them where that is above {@link #largest()}
     * and {@code '9'}, else not above those). Only a run of digits too long for a count sends it to
     * {@link #clean} (-1); past that there is nothing to repair but trailing spaces, the only white
     * space left, and the answer is where they start. Sets {@link #lead}.
     */
    int plain(byte[] bytes, int from, int to, int top) {
      if (!scan.plainNumbers(bytes, from, to, top)) {
        return -1;
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
      if (lead > 0 && first < end) {
        ledBySpaces++;
      }
      return end;
    }

    /**
     * The source of the cleaned lines with their leading spaces: the repairs of the whole text
     * (quote mark, common indent) made, and added to {@code repairs}. {@code bytes} holds the lines
     * that are parts of it, or is {@code null} where every line is a string.
     */
    Source finish(String name, Lines cleanedLines, byte[] bytes, List<Diagnostic> repairs) {
      Cleaned cleaned = new Cleaned(bytes, cleanedLines);
      List<Diagnostic> problems = new ArrayList<>();
      if (ansi > 0) {
        repairs.add(Diagnostic.info(0, 0, "removed ANSI colour codes from " + ansi + " line(s)"));
      }
      if (noBreak > 0) {
        repairs.add(Diagnostic.info(0, 0, "read no-break spaces as spaces in " + noBreak + " line(s)"));
      }
      if (tabs > 0 && tabSteps) {
        repairs.add(Diagnostic.info(0, 0, "read each leading tab as an indent of " + TAB_STEP
            + " spaces (a text indented with tabs), other tabs at stops of 8, in " + tabs + " line(s)"));
      } else if (tabs > 0) {
        repairs.add(Diagnostic.info(0, 0, "expanded tabs to spaces (stops of 8) in " + tabs + " line(s)"));
      }
      if (trailing > 0) {
        repairs.add(Diagnostic.info(0, 0, "removed trailing white space from " + trailing + " line(s)"));
      }
      // the mark is sought line by line, and most texts show at once that they have none
      String mark = QuoteMark.common(cleaned);
      int quote = mark.length();
      if (quote > 0) {
        repairs.add(Diagnostic.info(0, 0, "removed a '" + mark.strip() + "' " + QuoteMark.what(mark) + " before every line"));
        // the indents that matter are those after the mark
        cleaned.leadsAfter(quote);
      } else {
        quote = LinePrefix.width(cleaned);
        if (quote > 0) {
          String prefix = firstPrefix(cleaned, quote);
          repairs.add(Diagnostic.info(0, 0, LinePrefix.varies(cleaned, quote)
              ? "removed the first " + quote + " characters of every line, a prefix that numbers or times it ('"
                  + prefix + "' on the first), as a line number or a log's time stamp does"
              : "removed the prefix '" + prefix + "' repeated before every line (a logger's or a launcher's)"));
          cleaned.leadsAfter(quote);
        }
      }
      int indent = cleaned.commonIndent(quote);
      if (indent > 0) {
        repairs.add(Diagnostic.info(0, 0, "removed an indent of " + indent + " common to every line"));
      }
      UnreadNumbers unread = scan.report(problems);
      LineList lines = new LineList(cleaned, quote, indent);
      return new Source(name, lines, bytes != null && cleaned.texts == null ? new AsciiLines(lines) : null, repairs,
          problems, unread, limits, scan.max);
    }
  }

  /** The prefix of {@code width} characters of the first non-blank line, its spaces at either end cut. */
  private static String firstPrefix(List<String> lines, int width) {
    for (String line : lines) {
      if (!line.isBlank()) {
        return line.substring(0, Math.min(width, line.length())).strip();
      }
    }
    return "";
  }

  /**
   * The cleaned lines, before the quote mark and common indent are cut: a string each, or a part of
   * the bytes ({@code texts} is {@code null} where every line is).
   */
  private static final class Cleaned extends AbstractList<String> implements RandomAccess {
    final byte[] bytes;
    final String[] texts;
    final int[] starts;
    /** Where a line that is a part of the bytes ends; for a string line, the white space cut off its end. */
    final int[] ends;
    final int[] leads;
    /** How many lines there are: the arrays may be longer. */
    final int size;

    Cleaned(byte[] bytes, Lines lines) {
      this.size = lines.count;
      this.bytes = bytes;
      this.texts = lines.texts();
      this.starts = lines.starts();
      this.ends = lines.ends();
      this.leads = lines.leads();
    }

    boolean isString(int i) {
      return texts != null && texts[i] != null;
    }

    /** Line {@code i} as a string, made now where it is a part of the bytes. */
    @Override
    public String get(int i) {
      return isString(i) ? texts[i] : new String(bytes, starts[i], ends[i] - starts[i], StandardCharsets.ISO_8859_1);
    }

    @Override
    public int size() {
      return size;
    }

    int length(int i) {
      return isString(i) ? texts[i].length() : ends[i] - starts[i];
    }

    /** Counts the leading spaces again, from {@code quote} on. */
    void leadsAfter(int quote) {
      for (int i = 0; i < size; i++) {
        if (isString(i)) {
          leads[i] = leadingSpaces(texts[i], quote);
        } else {
          int k = Math.min(starts[i] + quote, ends[i]);
          int first = k;
          while (k < ends[i] && bytes[k] == ' ') {
            k++;
          }
          leads[i] = k - first;
        }
      }
    }

    /** The fewest leading spaces (counted after the quote mark) of a line with text. */
    int commonIndent(int quote) {
      int min = Integer.MAX_VALUE;
      for (int i = 0; i < size; i++) {
        // trailing white space is gone: a line with nothing past the quote mark is blank, any other is not
        if (length(i) > quote) {
          min = Math.min(min, leads[i]);
        }
      }
      return min == Integer.MAX_VALUE ? 0 : min;
    }
  }

  /** A text of {@code length} characters, past {@link Limits#maxInputChars()}: no lines, and the error. */
  private static Source tooLarge(String name, int length, Limits limits) {
    List<Diagnostic> problems = List.of(Diagnostic.error(0, 0, Limits.exceeded(
        String.format(java.util.Locale.ROOT, "the input has %,d characters", length),
        "maxInputChars", limits.maxInputChars()) + "; nothing was read"));
    return new Source(name, List.of(), null, List.of(), problems, null, limits, (char) 0);
  }

  /**
   * The lines, read-only, each made when first asked for: a parser that reads the bytes in place
   * ({@link #ascii()}) asks for few. Not a list of every line made up front: a list of every line of
   * a large text is large enough for a collector to treat as one of its costly large objects, and its
   * strings were more memory than the model the text describes. One class, whose {@code get} is an
   * array access once a line is made, for every text: the parsers ask for each line several times,
   * and the JIT's first tier, which the command line runs, makes a call through each wrapper a list
   * has.
   */
  private static final class LineList extends AbstractList<Line> implements RandomAccess {
    private final Cleaned cleaned;
    private final int quote;
    private final int indent;
    /** The lines made so far; two threads may make one twice, each an equal line. */
    private final Line[] made;

    LineList(Cleaned cleaned, int quote, int indent) {
      this.cleaned = cleaned;
      this.quote = quote;
      this.indent = indent;
      this.made = new Line[cleaned.size()];
    }

    @Override
    public Line get(int index) {
      Line line = made[index];
      if (line == null) {
        line = make(index);
        made[index] = line;
      }
      return line;
    }

    private Line make(int i) {
      int cut = offset(i);
      String text = cleaned.isString(i) ? cleaned.texts[i].substring(cut)
          : new String(cleaned.bytes, cleaned.starts[i] + cut, cleaned.ends[i] - cleaned.starts[i] - cut,
              StandardCharsets.ISO_8859_1);
      return new Line(i + 1, cut, text, indent(i));
    }

    /** How many characters of line {@code i} as cleaned come before its text: its quote mark and indent cut. */
    int offset(int i) {
      return Math.min(cleaned.length(i), quote) + Math.min(indent, cleaned.leads[i]);
    }

    /** Line {@code i}'s text's length with the white space cut off its end. */
    int widthAsRead(int i) {
      int text = cleaned.length(i) - offset(i);
      if (cleaned.isString(i)) {
        return text + cleaned.ends[i];
      }
      // the spaces and tabs (to stops of 8 from the line's start) after the text in the bytes
      int column = cleaned.length(i);
      for (int k = cleaned.ends[i]; k < cleaned.bytes.length; k++) {
        byte b = cleaned.bytes[k];
        if (b == ' ') {
          column++;
        } else if (b == '\t') {
          column = (column / 8 + 1) * 8;
        } else {
          break;
        }
      }
      return text + column - cleaned.length(i);
    }

    /** The spaces line {@code i}'s text starts with, once the common indent is cut. */
    int indent(int i) {
      return cleaned.leads[i] - Math.min(indent, cleaned.leads[i]);
    }

    @Override
    public int size() {
      return made.length;
    }
  }

  /**
   * The lines of a text read from ASCII bytes where none needed a repair beyond cutting spaces and
   * a quote mark: each is a part of the bytes, read in place. What {@link Source#lines()} holds, with
   * no string made: line {@code i} there has the text {@code bytes()[start(i), end(i))}, the number
   * {@code i + 1} and the indent {@code indent(i)}.
   */
  public static final class AsciiLines {
    private final LineList lines;
    private final byte[] bytes;
    private final int[] starts;
    private final int[] ends;

    private AsciiLines(LineList lines) {
      this.lines = lines;
      this.bytes = lines.cleaned.bytes;
      this.ends = lines.cleaned.ends;
      if (lines.quote == 0 && lines.indent == 0) {
        this.starts = lines.cleaned.starts;
      } else {
        this.starts = new int[lines.size()];
        for (int i = 0; i < starts.length; i++) {
          starts[i] = lines.cleaned.starts[i] + lines.offset(i);
        }
      }
    }

    /** The input's bytes; not to be changed. */
    public byte[] bytes() {
      return bytes;
    }

    /** How many lines there are, as in {@link Source#lines()}. */
    public int size() {
      return lines.size();
    }

    /** Where line {@code i}'s text starts in {@link #bytes()}. */
    public int start(int i) {
      return starts[i];
    }

    /** Where line {@code i}'s text ends in {@link #bytes()} (exclusive). */
    public int end(int i) {
      return ends[i];
    }

    /** The spaces line {@code i}'s text starts with, as {@link Line#indent()}. */
    public int indent(int i) {
      return lines.indent(i);
    }

    /** Whether line {@code i} is blank: the white space at a line's end is cut, so a blank line is an empty one. */
    public boolean isBlank(int i) {
      return starts[i] == ends[i];
    }

    /** The indexes of the lines whose text contains {@code needle} (of no line feed), in order. */
    int[] containing(String needle) {
      byte[] n = needle.getBytes(StandardCharsets.ISO_8859_1);
      int anchor = ByteSearch.anchor(n);
      int[] found = new int[8];
      int count = 0;
      int line = 0;
      int last = size() - 1;
      int[] hits = new int[64];
      ByteSearch search = new ByteSearch(bytes, n[anchor], last < 0 ? 0 : starts[0], last < 0 ? 0 : ends[last]);
      for (int h; (h = search.next(hits)) > 0;) {
        for (int k = 0; k < h; k++) {
          int from = hits[k] - anchor;
          while (line < last && ends[line] < from + n.length) {
            line++;
          }
          if ((count == 0 || found[count - 1] != line) && from >= starts[line] && from + n.length <= ends[line]
              && ByteSearch.matches(bytes, from, n)) {
            if (count == found.length) {
              found = Arrays.copyOf(found, count * 2);
            }
            found[count++] = line;
          }
        }
      }
      return Arrays.copyOf(found, count);
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

  /**
   * The lines as parts of the input's bytes, read in place with no string made, where the source
   * was read from ASCII bytes and no line needed a repair beyond cutting spaces and a quote mark;
   * else {@code null}, and the lines are read from {@link #lines()}.
   */
  public AsciiLines ascii() {
    return ascii;
  }

  /**
   * The step of the text's indents: the greatest common divisor of the indents of its lines that
   * are not blank, the common indent cut; 0 where no such line is indented. A PyTorch printout's is
   * 2 (its children sit 2 spaces in), or 1 beside a line indented by an odd number of spaces.
   */
  public int indentStep() {
    int step = 0;
    // a printout's first indented line is a child 2 spaces in: most texts are done at once
    for (int i = 0; i < lines.size() && (step == 0 || step > 2); i++) {
      int indent;
      if (ascii != null) {
        indent = ascii.isBlank(i) ? 0 : ascii.indent(i);
      } else {
        Line line = lines.get(i);
        indent = line.isBlank() ? 0 : line.indent();
      }
      if (indent > 0) {
        step = gcd(step, indent);
      }
    }
    return step;
  }

  private static int gcd(int a, int b) {
    while (b != 0) {
      int r = a % b;
      a = b;
      b = r;
    }
    return a;
  }

  /**
   * This text with its indents read in steps of {@code to} spaces where they are in steps of
   * {@code from} ({@code from > to > 0}): each full step of a line's indent becomes one of {@code to},
   * what is left of it stays. Every character keeps its original column ({@link Line#column}); the
   * lines are strings, with no {@link #ascii()} reading. The repairs are this text's: a parser that
   * reads the result reports the change itself.
   */
  public Source reindented(int from, int to) {
    if (from <= to || to <= 0) {
      throw new IllegalArgumentException("steps of " + from + " read as steps of " + to);
    }
    Line[] changed = new Line[lines.size()];
    for (int i = 0; i < changed.length; i++) {
      Line line = lines.get(i);
      int indent = line.indent();
      if (indent == 0 || line.isBlank()) {
        changed[i] = line;
        continue;
      }
      int kept = indent / from * to + indent % from;
      changed[i] = new Line(line.number(), line.offset() + indent - kept,
          " ".repeat(kept) + line.text().substring(indent), kept);
    }
    return withLines(List.of(changed));
  }

  /**
   * This text with {@code lines} for its lines (say, some of them joined: each keeps the number of
   * its first), in input order, read as strings with no {@link #ascii()} reading. The repairs and
   * problems are this text's: a parser that reads the result reports the change itself.
   */
  public Source withLines(List<Line> lines) {
    return new Source(name, List.copyOf(lines), null, repairs, problems, unreadNumbers, limits, maxChar);
  }

  /**
   * The width line {@code i} had as read: its text and the white space cut off its end (a tab there
   * counted as the spaces it expanded to). Where a text was cut into lines of one width (a hard
   * wrap), those lines' widths as they were, the spaces a cut left at a line's end included. A text
   * made of other lines ({@link #withLines}, {@link #reindented}) knows only their texts: their
   * lengths.
   */
  public int widthAsRead(int i) {
    return lines instanceof LineList list ? list.widthAsRead(i) : lines.get(i).text().length();
  }

  /**
   * This text with a prefix cut from the lines around line {@code at} (0-based) that carry one: a
   * logger's or a time stamp before each line of a summary printed through a logger, in a log whose
   * other lines differ ({@code INFO:root:}, {@code 2024-03-01 12:00:07,037 - INFO - }). {@code before}
   * is where the summary's own text starts on line {@code at} (a table's title): the prefix ends
   * before it, and is found as one on every line (a prefix that numbers or times the lines, or text
   * the same on each that ends as a log prefix does) among the lines next to {@code at} that start
   * alike, up to an empty line or one that starts otherwise, at least three. The lines keep their
   * numbers and columns; the cut is said in an {@code info} diagnostic added to {@link #repairs()}
   * (a parser that reads the result reports it). This text itself where there is no such prefix.
   */
  public Source withoutPrefixAround(int at, int before) {
    // a block indented under other text (a Markdown code block below a line of prose) whose lines
    // carry the prefix after that indent ("    ## Layer (type)", R Markdown's output so pasted)
    int indent = leadingSpaces(lines.get(at).text(), 0);
    if (indent > 0 && indent < before) {
      Source dedented = withoutIndentAround(at, indent);
      if (dedented != this) {
        Source cut = dedented.withoutPrefixAround(at, before - indent);
        if (cut != dedented) {
          return cut;
        }
      }
    }
    List<String> texts = new AbstractList<>() {
      @Override
      public String get(int i) {
        return lines.get(i).text();
      }

      @Override
      public int size() {
        return lines.size();
      }
    };
    Source marked = withoutMarkAround(texts, at, before);
    if (marked != null) {
      return marked;
    }
    int[] run = LinePrefix.around(texts, at, before);
    if (run == null) {
      return this;
    }
    int width = run[2];
    String prefix = lines.get(at).text().substring(0, width).strip();
    List<Line> cut = new ArrayList<>(lines);
    for (int i = run[0]; i <= run[1]; i++) {
      Line line = lines.get(i);
      int k = Math.min(width, line.text().length());
      cut.set(i, new Line(line.number(), line.offset() + k, line.text().substring(k)));
    }
    List<Diagnostic> more = new ArrayList<>(repairs);
    more.add(Diagnostic.info(0, 0, "removed the prefix '" + prefix + "' (" + width + " characters, as on line "
        + lines.get(at).number() + ") before lines " + lines.get(run[0]).number() + " to " + lines.get(run[1]).number()
        + ", a logger's or a time stamp before each line of the summary there"));
    return new Source(name, List.copyOf(cut), null, more, problems, unreadNumbers, limits, maxChar);
  }

  /**
   * This text with a quote or comment mark cut ({@link QuoteMark}: {@code #}, {@code >}, {@code //})
   * from the lines around line {@code at} that carry it, where line {@code at} starts with one before
   * {@code before}: a summary kept as a comment after a line of code that is not one (a Python file's
   * {@code model.summary()} and then its output, each line after {@code # }). The lines taken are
   * those next to {@code at}, up and down, that start with the mark, blank lines among them; at
   * least {@link LinePrefix#FEWEST_LINES} of them. {@code null} where there is no such run.
   */
  private Source withoutMarkAround(List<String> texts, int at, int before) {
    String anchor = texts.get(at);
    String mark = QuoteMark.common(List.of(anchor));
    if (mark.isEmpty() || mark.strip().length() > before) {
      return null;
    }
    String bare = mark.strip();
    int first = at;
    while (first > 0 && (texts.get(first - 1).isBlank() || texts.get(first - 1).startsWith(bare))) {
      first--;
    }
    int last = at;
    while (last + 1 < texts.size() && (texts.get(last + 1).isBlank() || texts.get(last + 1).startsWith(bare))) {
      last++;
    }
    while (first < at && texts.get(first).isBlank()) {
      first++;
    }
    while (last > at && texts.get(last).isBlank()) {
      last--;
    }
    String common = QuoteMark.common(texts.subList(first, last + 1));
    int marked = 0;
    for (int i = first; i <= last; i++) {
      marked += texts.get(i).isBlank() ? 0 : 1;
    }
    if (common.isEmpty() || marked < LinePrefix.FEWEST_LINES) {
      return null;
    }
    List<Line> cut = new ArrayList<>(lines);
    for (int i = first; i <= last; i++) {
      Line line = lines.get(i);
      // a line that is the mark alone ('#', the blank line of a commented block) is left blank
      int k = Math.min(line.text().startsWith(common) ? common.length() : bare.length(), line.text().length());
      if (!line.text().isBlank()) {
        cut.set(i, new Line(line.number(), line.offset() + k, line.text().substring(k)));
      }
    }
    List<Diagnostic> more = new ArrayList<>(repairs);
    more.add(Diagnostic.info(0, 0, "removed a '" + bare + "' " + QuoteMark.what(common) + " before lines "
        + lines.get(first).number() + " to " + lines.get(last).number() + " (a summary kept as a comment there)"));
    return new Source(name, List.copyOf(cut), null, more, problems, unreadNumbers, limits, maxChar);
  }

  /**
   * This text with an indent of {@code width} spaces cut from the lines around line {@code at}
   * (0-based) that all have it: a summary indented as a block under text that is not (a Markdown
   * code block below a line of prose, a paste indented in a mail), where the indent common to the
   * whole text is none. The lines taken are those next to {@code at}, up and down, that start with
   * {@code width} spaces, blank lines among them; at least {@link LinePrefix#FEWEST_LINES} with
   * text. Their numbers and columns are kept; the cut is said in an {@code info} diagnostic added to
   * {@link #repairs()}. This text itself where line {@code at} does not start so or the run is shorter.
   */
  public Source withoutIndentAround(int at, int width) {
    if (width <= 0 || leadingSpaces(lines.get(at).text(), 0) < width) {
      return this;
    }
    int first = at;
    while (first > 0 && indentedOrBlank(lines.get(first - 1), width)) {
      first--;
    }
    int last = at;
    while (last + 1 < lines.size() && indentedOrBlank(lines.get(last + 1), width)) {
      last++;
    }
    while (first < at && lines.get(first).isBlank()) {
      first++;
    }
    while (last > at && lines.get(last).isBlank()) {
      last--;
    }
    int withText = 0;
    for (int i = first; i <= last; i++) {
      withText += lines.get(i).isBlank() ? 0 : 1;
    }
    if (withText < LinePrefix.FEWEST_LINES) {
      return this;
    }
    List<Line> cut = new ArrayList<>(lines);
    for (int i = first; i <= last; i++) {
      Line line = lines.get(i);
      if (!line.isBlank()) {
        cut.set(i, new Line(line.number(), line.offset() + width, line.text().substring(width), line.indent() - width));
      }
    }
    List<Diagnostic> more = new ArrayList<>(repairs);
    more.add(Diagnostic.info(0, 0, "removed an indent of " + width + " before lines " + lines.get(first).number()
        + " to " + lines.get(last).number() + " (a block indented under text that is not, as a Markdown code block is)"));
    return new Source(name, List.copyOf(cut), null, more, problems, unreadNumbers, limits, maxChar);
  }

  /**
   * {@link #withoutIndentAround} at a summary table's header, line {@code header} (0-based), where
   * the header is indented and a rule stands next to it (above or below): a table draws its rules
   * from its first column, so the indent cut is the least of the header's and those rules'. This
   * text itself where the header has no indent or no rule next to it.
   */
  public Source withoutTableIndentAround(int header) {
    int margin = lines.get(header).indent();
    if (margin == 0) {
      return this;
    }
    boolean ruled = false;
    for (int i : new int[] {header - 1, header + 1}) {
      if (i >= 0 && i < lines.size() && isRule(lines.get(i).text(), RULES)) {
        margin = Math.min(margin, lines.get(i).indent());
        ruled = true;
      }
    }
    return ruled ? withoutIndentAround(header, margin) : this;
  }

  /** The characters a summary table draws its rules and borders with. */
  private static final String RULES = "=-_━─┏┓┳┌┐┬┡┩╇";

  /**
   * Whether {@code text} is a table's rule drawn with {@code chars}: only those characters and
   * spaces, at least three of them. For the parsers too.
   */
  public static boolean isRule(String text, String chars) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (chars.indexOf(c) >= 0) {
        n++;
      } else if (c != ' ') {
        return false;
      }
    }
    return n >= 3;
  }

  /** Whether {@code line} is blank or starts with {@code width} spaces. */
  private static boolean indentedOrBlank(Line line, int width) {
    return line.indent() >= width || line.isBlank();
  }

  /**
   * The most lines {@link #withoutPrefixesAround} looks around: each look reads the lines next to
   * it, and a text of many alike lines with no prefix to cut would make every look read them all.
   */
  public static final int PREFIX_LOOKS = 16;

  /**
   * {@link #withoutPrefixAround} at each of {@code lines} (indexes, ascending) where {@code before}
   * gives where a summary's own text starts on the line's text (0 or less: none there), skipping the
   * lines a cut has reached already, and looking around {@value #PREFIX_LOOKS} lines at most.
   */
  public Source withoutPrefixesAround(int[] lines, ToIntFunction<String> before) {
    Source read = this;
    int looks = 0;
    for (int i : lines) {
      Line line = read.lines.get(i);
      if (line != this.lines.get(i)) {
        continue; // a line a cut has reached
      }
      int start = before.applyAsInt(line.text());
      if (start <= 0) {
        continue;
      }
      if (++looks > PREFIX_LOOKS) {
        break;
      }
      read = read.withoutPrefixAround(i, start);
    }
    return read;
  }

  /**
   * The repairs this text holds beyond those of {@code original}, the text it was made from (the
   * prefix cuts of {@link #withoutPrefixAround}): what a parser that read this text has to say, the
   * original's being said by its caller.
   */
  public List<Diagnostic> repairsBeyond(Source original) {
    return repairs.subList(original.repairs.size(), repairs.size());
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
   * The numbers too long to be read as counts ({@link #problems()} reports them, as errors: where
   * such a number was a count, a count is missing), with the first and last line they stand on.
   *
   * @param diagnostics the problems of {@link #problems()} that report them
   */
  public record UnreadNumbers(List<Diagnostic> diagnostics, int firstLine, int lastLine) {}

  /** The numbers too long to be read as counts, or {@code null} where the text has none. */
  public UnreadNumbers unreadNumbers() {
    return unreadNumbers;
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
   * answer for each needle is kept: parsers that detect their format by one title (every summary
   * table prints {@code Layer (type}) share one search of the text.
   */
  public synchronized int[] linesContaining(String needle) {
    int[] lines = searched.get(needle);
    if (lines == null && hasCharAbove(needle, (char) Math.max(maxChar, 0x7f))) {
      lines = new int[0]; // a character past ASCII the text has none of (its largest is below it): no search
      searched.put(needle, lines);
    } else if (lines == null) {
      lines = ascii != null && needle.indexOf('\n') < 0 && !needle.isEmpty() && isAscii(needle)
          ? ascii.containing(needle) : containing(needle);
      searched.put(needle, lines);
    }
    return lines.clone();
  }

  private static boolean hasCharAbove(String needle, char max) {
    for (int i = 0; i < needle.length(); i++) {
      if (needle.charAt(i) > max) {
        return true;
      }
    }
    return false;
  }

  private int[] containing(String needle) {
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
    return Arrays.copyOf(found, count);
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

  /** What taking off CRLF line ends is reported as, whichever reading does it. */
  private static final String CRLF_REPAIR = "converted CRLF line ends";

  /** Lines kept per chunk while a text is split. */
  private static final int LINE_CHUNK = 4096;

  /**
   * {@code text} with its CRLF and CR line ends, and Unicode's line and paragraph separators, made
   * {@code \n}, each kind of repair noted.
   */
  private static String normalLineEnds(String text, List<Diagnostic> repairs) {
    text = unicodeLineEnds(text, repairs);
    if (text.indexOf('\r') < 0) {
      return text;
    }
    boolean crlf = text.contains("\r\n");
    boolean cr = text.replace("\r\n", "").indexOf('\r') >= 0;
    if (crlf) {
      repairs.add(Diagnostic.info(0, 0, CRLF_REPAIR));
    }
    if (cr) {
      repairs.add(Diagnostic.info(0, 0, "converted CR line ends"));
    }
    return text.replace("\r\n", "\n").replace('\r', '\n');
  }

  /**
   * {@code text} with U+2028 and U+2029 (Unicode's line and paragraph separators, which a rich-text
   * editor or a web page's copy may put where the lines ended) made {@code \n}, noted. Read as they
   * were, the whole text was one line: a printout its root's line alone, with nothing to count.
   */
  private static String unicodeLineEnds(String text, List<Diagnostic> repairs) {
    if (text.indexOf('\u2028') < 0 && text.indexOf('\u2029') < 0) {
      return text;
    }
    repairs.add(Diagnostic.info(0, 0, "read Unicode line and paragraph separators (U+2028, U+2029) as line ends"));
    return text.replace('\u2028', '\n').replace('\u2029', '\n');
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

  /**
   * Adds the line {@code bytes[start, i)} that holds something to check or repair, read by
   * {@link Cleaning#clean}: 1 where it ended with a CRLF (the CR taken off, as the decoded reading
   * takes it off), 0 where not, -1 where it holds a byte past ASCII or another CR (a CR line end),
   * which only the decoded reading reads. Apart from the line loop, which it would make larger.
   */
  private static int checkedLine(byte[] bytes, int start, int i, Lines lines, Cleaning cleaning) {
    int to = i > start && bytes[i - 1] == '\r' && i < bytes.length && bytes[i] == '\n' ? i - 1 : i;
    for (int k = start; k < to; k++) {
      if (bytes[k] < 0 || bytes[k] == '\r') {
        return -1;
      }
    }
    String line = cleaning.clean(lines.count, new String(bytes, start, to - start, StandardCharsets.ISO_8859_1));
    // most such lines are only checked (a long run of digits, a CRLF), not changed: still a part of the bytes
    if (startsWith(bytes, start, to, line)) {
      lines.add(start, start + line.length(), cleaning.lead);
    } else {
      lines.add(line, cleaning.lead, cleaning.trail);
    }
    return to < i ? 1 : 0;
  }

  /** Whether {@code bytes[from, to)} starts with {@code text}. */
  private static boolean startsWith(byte[] bytes, int from, int to, String text) {
    if (text.length() > to - from) {
      return false;
    }
    for (int k = 0; k < text.length(); k++) {
      if (text.charAt(k) != bytes[from + k]) {
        return false;
      }
    }
    return true;
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
