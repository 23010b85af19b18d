package io.layercount.cli;

import io.layercount.core.Limits;
import io.layercount.core.spi.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The input lines that diagnostics point at, shown the way the user would recognise them. The
 * lines are found only when a diagnostic first asks for one, and the text is repaired again (as
 * the library did) only for a line with a tab or a colour code: most inputs have no positioned
 * diagnostic, and splitting and repairing every input a second time was a sixth of a batch run.
 * Not thread-safe: the thread that writes the output uses it.
 */
final class SourceExcerpt {
  private static final SourceExcerpt NONE = new SourceExcerpt(null, null);

  private final String name;
  /** Gives the text when a line is first asked for; then {@code null}, the text kept in {@link #text}. */
  private Supplier<String> source;
  private String text;
  private String[] raw;
  private int repairedCount;
  private List<Source.Line> repaired;

  private SourceExcerpt(String name, Supplier<String> source) {
    this.name = name;
    this.source = source;
  }

  /** Lines of {@code text}; {@code null} text (an unreadable input) has none. */
  static SourceExcerpt of(String name, String text) {
    return text == null ? NONE : new SourceExcerpt(name, () -> text);
  }

  /**
   * Lines of the text {@code text} gives, asked for only when a line is first wanted (the text of an
   * input is decoded again only for a diagnostic that points at a line); {@code null} is none.
   */
  static SourceExcerpt of(String name, Supplier<String> text) {
    return new SourceExcerpt(name, text);
  }

  /**
   * Line {@code number} (1-based) laid out so that a diagnostic's column points into it, or
   * {@code null} when there is no such line.
   */
  String line(int number) {
    if (source != null) {
      text = source.get();
      source = null;
    }
    if (text == null || number < 1) {
      return null;
    }
    if (raw == null) {
      raw = splitLines(text);
      repairedCount = repairedLineCount(text, raw.length);
    }
    if (number > raw.length || number > repairedCount) {
      return null;
    }
    String original = raw[number - 1];
    // Columns count characters of the repaired line. Without tabs and colour codes the original
    // line has the same columns, and it is what the user pasted, so show it; otherwise show the
    // repaired text at its original offset so that the caret still lands right.
    if (original.indexOf('\t') < 0 && original.indexOf('\u001B') < 0) {
      return original.stripTrailing();
    }
    if (repaired == null) {
      repaired = Source.of(name, text).lines();
    }
    Source.Line line = repaired.get(number - 1);
    return " ".repeat(line.offset()) + line.text();
  }

  /** {@code text.split("\r\n|\r|\n", -1)}, without the regular expression. */
  private static String[] splitLines(String text) {
    List<String> lines = new ArrayList<>();
    int from = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        lines.add(text.substring(from, i));
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        from = i + 1;
      }
    }
    lines.add(text.substring(from));
    return lines.toArray(new String[0]);
  }

  /**
   * How many lines {@link Source#of(String, String)} makes of {@code text}, which has
   * {@code rawCount - 1} line ends: none for a text past the default size limit or without any
   * character but one line end; one fewer than the raw lines when the text ends with a line end.
   */
  private static int repairedLineCount(String text, int rawCount) {
    if (text.length() > Limits.DEFAULT.maxInputChars() || text.isEmpty()) {
      return 0;
    }
    char last = text.charAt(text.length() - 1);
    if (last != '\n' && last != '\r') {
      return rawCount;
    }
    return rawCount == 2 && (text.length() == 1 || text.equals("\r\n")) ? 0 : rawCount - 1;
  }
}
