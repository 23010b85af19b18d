package io.layercount.pytorch;

import io.layercount.core.spi.Source;
import java.util.List;

/**
 * Where a printout begins: a line ending in a block opener ({@code ResNet(}), confirmed by the
 * line after it.
 *
 * @param line index of the opener in the source's lines
 * @param prefix text repeated at the start of every printout line ({@code [rank0]: }), often empty
 * @param rootIndent the root's indent after the prefix: children sit 2 further in
 * @param header the root's module text
 * @param withChild whether a {@code (key): } child confirmed it (rather than extra lines or a close)
 */
record PrintoutStart(int line, String prefix, int rootIndent, ModuleText header, boolean withChild) {
  /** How far past an opener to look for its first child when extra lines come first. */
  private static final int LOOKAHEAD = 64;

  /** The printout starting at line {@code i}, or {@code null}. */
  static PrintoutStart at(List<Source.Line> lines, int i) {
    String s = lines.get(i).text();
    ModuleText header = LineSyntax.openerAtEnd(s, 0);
    if (header == null) {
      return null;
    }
    int next = nextNonBlank(lines, i + 1);
    if (next < 0) {
      return null;
    }
    String n = lines.get(next).text();
    int lead = lines.get(i).indent();
    int nameAt = header.typeStart();
    int spaceStart = nameAt;
    while (spaceStart > lead && s.charAt(spaceStart - 1) == ' ') {
      spaceStart--;
    }
    // Text before the name: a prefix on every line (torchrun's "[rank0]: ") or on the first only.
    // The prefix may end anywhere in the spaces before the name, and the next line must repeat it.
    // Wherever it ends, the indents relative to it are the same; only whether later lines repeat all
    // of it differs. So the longest cut the next line repeats and the shortest are all worth trying
    // (trying every cut, each compared afresh, was quadratic in the length of the line).
    if (spaceStart > lead) {
      int longest = Math.min(nameAt, commonPrefix(s, n));
      for (int cut : new int[] {longest, spaceStart}) {
        if (cut >= spaceStart && cut <= longest) {
          PrintoutStart start = confirm(lines, i, next, s.substring(0, cut), nameAt - cut, header);
          if (start != null) {
            return start;
          }
        }
      }
    }
    return confirm(lines, i, next, "", lead, header);
  }

  private static int commonPrefix(String a, String b) {
    int max = Math.min(a.length(), b.length());
    int k = 0;
    while (k < max && a.charAt(k) == b.charAt(k)) {
      k++;
    }
    return k;
  }

  private static PrintoutStart confirm(
      List<Source.Line> lines, int i, int next, String prefix, int rootIndent, ModuleText header) {
    int from = prefix.length();
    String n = lines.get(next).text();
    int ind = LineSyntax.indent(n, from);
    if (ind == rootIndent && LineSyntax.isCloser(n, from + ind)) {
      return new PrintoutStart(i, prefix, rootIndent, header, false);
    }
    if (ind != rootIndent + 2) {
      // the opener copied without its indent (a block selected out of a printout from its first
      // character on), or with more (pasted after other text): its first child and its closing
      // line keep theirs, which place it
      int placed = ind - 2;
      if (placed >= 0 && isChild(n, from + ind) && closedAt(lines, next, from, placed)) {
        return new PrintoutStart(i, prefix, placed, header, true);
      }
      // its children indented further than PyTorch puts them, its closing line at its own indent
      // (a first level of 4 spaces, the levels under it of 2): the reading takes them as children
      if (ind > rootIndent + 2 && childAt(lines, next, from, ind) && closedAt(lines, next, from, rootIndent)) {
        return new PrintoutStart(i, prefix, rootIndent, header, true);
      }
      return null;
    }
    if (isChild(n, from + ind)) {
      return new PrintoutStart(i, prefix, rootIndent, header, true);
    }
    // Extra lines first (BatchNormAct2d-style roots): look on for a child before the block closes.
    // Without a child, only a capitalised class name counts, so that a 2-space indented Python
    // call in a log ("x = build(" ... ")") is not taken for a model.
    int end = Math.min(lines.size(), next + LOOKAHEAD);
    for (int j = next + 1; j < end; j++) {
      String m = lines.get(j).text();
      if (!m.startsWith(prefix)) {
        return null;
      }
      if (LineSyntax.isBlank(m, from)) {
        continue;
      }
      int mi = LineSyntax.indent(m, from);
      if (mi == rootIndent + 2 && isChild(m, from + mi)) {
        return new PrintoutStart(i, prefix, rootIndent, header, true);
      }
      if (mi <= rootIndent) {
        // nor is a block in braces without a child a model: a Hugging Face config printed as
        // "SambaConfig {" and its JSON
        boolean closes = mi == rootIndent && LineSyntax.isCloser(m, from + mi)
            && Character.isUpperCase(header.typeName().charAt(0)) && header.form() != ModuleNode.Form.BRACES;
        return closes ? new PrintoutStart(i, prefix, rootIndent, header, false) : null;
      }
    }
    return null;
  }

  /**
   * Whether a module's line indented {@code indent} (after {@code from} characters of prefix) comes
   * from line {@code next} on, within {@link #LOOKAHEAD} lines and before a line indented less (its
   * block's own lines may come first).
   */
  private static boolean childAt(List<Source.Line> lines, int next, int from, int indent) {
    int end = Math.min(lines.size(), next + LOOKAHEAD);
    for (int j = next; j < end; j++) {
      String m = lines.get(j).text();
      if (LineSyntax.isBlank(m, from)) {
        continue;
      }
      int mi = LineSyntax.indent(m, from);
      if (mi < indent) {
        return false;
      }
      if (mi == indent && isChild(m, from + mi)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether, after line {@code next}, the first line indented {@code indent} or less (after
   * {@code from} characters of prefix) is a closing line at exactly {@code indent}.
   */
  private static boolean closedAt(List<Source.Line> lines, int next, int from, int indent) {
    for (int j = next + 1; j < lines.size(); j++) {
      String m = lines.get(j).text();
      if (LineSyntax.isBlank(m, from)) {
        continue;
      }
      int mi = LineSyntax.indent(m, from);
      if (mi <= indent) {
        return mi == indent && LineSyntax.isCloser(m, from + mi);
      }
    }
    return false;
  }

  /** Whether {@code s} holds a module's line ({@code (key): Type...}) whose {@code (} is at {@code at}. */
  static boolean isChild(String s, int at) {
    return at < s.length() && s.charAt(at) == '(' && LineSyntax.childText(s, at, new int[1]) != null;
  }

  private static int nextNonBlank(List<Source.Line> lines, int from) {
    for (int j = from; j < lines.size(); j++) {
      if (!lines.get(j).isBlank()) {
        return j;
      }
    }
    return -1;
  }
}
