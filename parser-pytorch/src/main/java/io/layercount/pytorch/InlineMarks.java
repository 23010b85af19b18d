package io.layercount.pytorch;

import io.layercount.core.Diagnostic;
import io.layercount.core.spi.Source;
import java.util.ArrayList;
import java.util.List;

/**
 * Marks written into a printout's module lines by whoever published it: a Python comment after a
 * module ({@code (patch_embed): PatchEmbed(     # input (batch, c, 224, 224)}), which hid the
 * block's opening parenthesis so that its modules were silently dropped, and Markdown's bold
 * ({@code (**blocks**): **ModuleList**(}), which made the line no module's and dropped its whole
 * block. PyTorch prints neither, so each is cut where it stands on a line that is a module's, or a
 * block's closing line, without it; said in an {@code info}. Looked for only in a text that has one.
 */
final class InlineMarks {
  private InlineMarks() {}

  static Source cut(Source source, List<Diagnostic> notes) {
    int[] commented = source.linesContaining(" #");
    int[] bold = source.linesContaining("**");
    if (commented.length == 0 && bold.length == 0) {
      return source;
    }
    List<Source.Line> lines = new ArrayList<>(source.lines());
    int comments = 0;
    int firstComment = 0;
    for (int i : commented) {
      Source.Line line = lines.get(i);
      String cut = withoutComment(line.text());
      if (cut != null) {
        lines.set(i, new Source.Line(line.number(), line.offset(), cut));
        firstComment = comments++ == 0 ? line.number() : firstComment;
      }
    }
    int bolds = 0;
    int firstBold = 0;
    for (int i : bold) {
      Source.Line line = lines.get(i);
      String plain = line.text().replace("**", "");
      if (isModuleLine(plain)) {
        lines.set(i, new Source.Line(line.number(), line.offset(), plain));
        firstBold = bolds++ == 0 ? line.number() : firstBold;
      }
    }
    if (comments == 0 && bolds == 0) {
      return source;
    }
    if (comments > 0) {
      notes.add(Diagnostic.info(firstComment, 0, "removed a comment ('# ...') after the module on " + comments
          + " line(s): PyTorch prints none"));
    }
    if (bolds > 0) {
      notes.add(Diagnostic.info(firstBold, 0, "removed Markdown's bold marks ('**') from " + bolds
          + " module line(s)"));
    }
    return source.withLines(lines);
  }

  /** {@code text} without the comment after a module or closing line on it, or {@code null} where it has none. */
  static String withoutComment(String text) {
    int from = 0;
    while (true) {
      int hash = text.indexOf(" #", from);
      if (hash < 0) {
        return null;
      }
      String before = text.substring(0, hash).stripTrailing();
      if (isModuleLine(before) || isCloser(before)) {
        return before;
      }
      from = hash + 2;
    }
  }

  /** A module's line: {@code (key): Class(} or {@code (key): Class(...)}, or a printout's first line {@code Class(}. */
  private static boolean isModuleLine(String t) {
    String s = t.strip();
    if (!(s.endsWith("(") || s.endsWith(")"))) {
      return false;
    }
    int colon = s.indexOf("): ");
    if (s.startsWith("(") && colon > 1) {
      return Character.isJavaIdentifierStart(s.charAt(colon + 3));
    }
    // a printout's first line: a class name and '('
    int open = s.indexOf('(');
    return open > 0 && s.endsWith("(") && open == s.length() - 1 && isName(s.substring(0, open));
  }

  private static boolean isCloser(String t) {
    String s = t.strip();
    return !s.isEmpty() && s.chars().allMatch(c -> c == ')');
  }

  /** Whether {@code s} is a class name as PyTorch prints one: an identifier, dots allowed ({@code lora.Linear}). */
  static boolean isName(String s) {
    if (s.isEmpty() || !Character.isJavaIdentifierStart(s.charAt(0))) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isJavaIdentifierPart(c) && c != '.') {
        return false;
      }
    }
    return true;
  }
}
