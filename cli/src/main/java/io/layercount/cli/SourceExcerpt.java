package io.layercount.cli;

import io.layercount.core.spi.Source;
import java.util.List;

/** The input lines that diagnostics point at, shown the way the user would recognise them. */
final class SourceExcerpt {
  private static final SourceExcerpt NONE = new SourceExcerpt(new String[0], List.of());

  private final String[] raw;
  private final List<Source.Line> repaired;

  private SourceExcerpt(String[] raw, List<Source.Line> repaired) {
    this.raw = raw;
    this.repaired = repaired;
  }

  /** Lines of {@code text}; {@code null} text (an unreadable input) has none. */
  static SourceExcerpt of(String name, String text) {
    if (text == null) {
      return NONE;
    }
    return new SourceExcerpt(text.split("\r\n|\r|\n", -1), Source.of(name, text).lines());
  }

  /**
   * Line {@code number} (1-based) laid out so that a diagnostic's column points into it, or
   * {@code null} when there is no such line.
   */
  String line(int number) {
    if (number < 1 || number > raw.length || number > repaired.size()) {
      return null;
    }
    String original = raw[number - 1];
    // Columns count characters of the repaired line. Without tabs and colour codes the original
    // line has the same columns, and it is what the user pasted, so show it; otherwise show the
    // repaired text at its original offset so that the caret still lands right.
    if (original.indexOf('\t') < 0 && original.indexOf('\u001B') < 0) {
      return original.stripTrailing();
    }
    Source.Line line = repaired.get(number - 1);
    return " ".repeat(line.offset()) + line.text();
  }
}
