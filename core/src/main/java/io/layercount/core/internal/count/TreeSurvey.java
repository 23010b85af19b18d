package io.layercount.core.internal.count;

import io.layercount.core.internal.rules.RuleTable;
import io.layercount.core.model.Arguments;
import io.layercount.core.model.Layer;
import java.util.Arrays;
import java.util.List;

/**
 * What one walk of a tree tells before it is counted: whether the text states per-layer counts
 * (some layer below the root has one, or is a repeat), whether a leaf hides modules its text does
 * not show ({@link HiddenChildren}), and how many nodes there are, a size for the maps over them.
 *
 * @param statedCounts the text states per-layer counts ({@link StatedCounts})
 * @param anyHidden some leaf's class hides children
 * @param nodes the nodes of the tree, each place counted (a layer printed at several places is counted at each)
 * @param firstLine the root's line, where each layer in printed order stands on a later line than
 *     the one before (a parsed printout: no layer at two places), so that maps over the tree may be
 *     kept by line ({@link io.layercount.core.internal.LineTable}); else 1, with {@code lastLine} 0
 * @param lastLine the last layer's line, where {@code firstLine} is one
 */
record TreeSurvey(boolean statedCounts, boolean anyHidden, int nodes, int firstLine, int lastLine, Layer gapAfter,
    Layer gapAt, Layer firstElided, int elided, Layer countKey) {
  /** Whether the layers' lines increase in printed order, {@link #firstLine} to {@link #lastLine}. */
  boolean linesIncrease() {
    return lastLine >= firstLine;
  }

  static TreeSurvey of(Layer root, RuleTable rules) {
    boolean stated = false;
    boolean hidden = false;
    Layer gapAfter = null;
    Layer gapAt = null;
    Layer firstElided = null;
    Layer countKey = null;
    int elided = 0;
    int nodes = 0;
    // printed order is pre-order: each layer's line after the one before, or no line order at all
    boolean increasing = true;
    long previous = Long.MIN_VALUE;
    Layer[] stack = new Layer[16];
    int top = 0;
    stack[0] = root;
    while (top >= 0) {
      Layer layer = stack[top--];
      nodes++;
      increasing &= layer.line() > previous;
      previous = layer.line();
      if (layer != root && (layer.stated().params() != null || layer.stated().repeated())) {
        stated = true;
      }
      if (countKey == null && isCountKey(layer.name())) {
        countKey = layer;
      }
      List<Layer> children = layer.children();
      if (children.isEmpty()) {
        hidden |= !rules.hiddenChildren(layer.typeName()).isEmpty();
        if (isElided(layer.arguments().positional())) {
          firstElided = firstElided == null ? layer : firstElided;
          elided++;
        }
        continue;
      }
      if (gapAt == null && children.size() > 1) {
        int k = numberingGap(children);
        if (k > 0) {
          gapAfter = children.get(k - 1);
          gapAt = children.get(k);
        }
      }
      if (top + children.size() >= stack.length) {
        stack = Arrays.copyOf(stack, Math.max(stack.length * 2, top + children.size() + 1));
      }
      for (int i = children.size() - 1; i >= 0; i--) {
        stack[++top] = children.get(i);
      }
    }
    return increasing ? new TreeSurvey(stated, hidden, nodes, root.line(), (int) previous, gapAfter, gapAt, firstElided,
        elided, countKey) : new TreeSurvey(stated, hidden, nodes, 1, 0, gapAfter, gapAt, firstElided, elided, countKey);
  }

  /**
   * Whether a key is a count written by hand, not a key PyTorch prints: a number with a times sign
   * after it or a times sign other than x before it ({@code (12*): Block(}, {@code (6x)}, {@code (*12)};
   * {@code (x12)} may be an attribute's name), where one module stands
   * for several, or a list of indices ({@link #isIndexList}). PyTorch prints an index, a range of them
   * ({@code (0-11): 12 x Block(}) or a name.
   */
  static boolean isCountKey(String name) {
    int n = name.length();
    if (n >= 3 && n <= 64 && isIndexList(name)) {
      return true;
    }
    if (n < 2 || n > 12) {
      return false;
    }
    char first = name.charAt(0);
    char last = name.charAt(n - 1);
    int from;
    int to;
    if (isTimes(last) && first >= '0' && first <= '9') {
      from = 0;
      to = n - 1;
    } else if ((first == '*' || first == '\u00d7') && last >= '0' && last <= '9') {
      // (x12) may be a name: x1, x2 are attributes
      from = 1;
      to = n;
    } else {
      return false;
    }
    String number = name.substring(from, to).strip();
    return !number.isEmpty() && Arguments.digits(number, 0, number.length()) >= 0;
  }

  /**
   * Whether a key lists indices ({@code (0,1,2): EncoderLayer(}, as a published Informer printout was
   * collapsed by hand): digits, commas and spaces, at least one comma, a digit at each end. PyTorch
   * prints one index or a range, never a list.
   */
  static boolean isIndexList(String name) {
    int n = name.length();
    if (!isDigit(name.charAt(0)) || !isDigit(name.charAt(n - 1)) || name.indexOf(',') < 0) {
      return false;
    }
    for (int i = 1; i < n - 1; i++) {
      char c = name.charAt(i);
      if (!isDigit(c) && c != ',' && c != ' ') {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isTimes(char c) {
    return c == '*' || c == 'x' || c == 'X' || c == '\u00d7';
  }

  /**
   * Where children numbered 0, 1, 2, ... (a printout's Sequential or ModuleList, runs taking their
   * numbers) skip numbers: the index of the first child after the gap, or 0. Modules deleted from a
   * printout by hand ({@code (0): Block(...)}, then {@code (11): Block(}) leave one; a printout as
   * PyTorch wrote it never does.
   */
  private static int numberingGap(List<Layer> children) {
    String first = children.get(0).name();
    if (first.isEmpty() || first.charAt(0) != '0' || first.length() != 1) {
      return 0; // not numbered from 0 (keys, or a part of a list)
    }
    long next = children.get(0).repeat();
    for (int k = 1; k < children.size(); k++) {
      String name = children.get(k).name();
      long n = name.isEmpty() || name.length() > 9 ? -1 : Arguments.digits(name, 0, name.length());
      if (n < 0 || n < next) {
        return 0; // not one numbering
      }
      if (n > next) {
        return k;
      }
      next = n + children.get(k).repeat();
    }
    return 0;
  }

  /**
   * Whether a leaf's printed arguments are only an elision mark, or end in one after modules
   * flattened into the line: {@code Sequential(...)}, {@code Sequential((0): SEBasicBlock(...), ...)},
   * a block shortened by hand.
   */
  static boolean isElided(List<String> positional) {
    // the items, not the text: a text written out again from its items is not kept (Arguments.raw)
    if (positional.isEmpty()) {
      return false;
    }
    String last = positional.get(positional.size() - 1);
    return last.equals("...") || last.equals("…") || last.endsWith("(...)") || last.endsWith("(…)");
  }

  /** Whether some leaf stands for modules left out ({@link #isElided}; {@link #firstElided} the first). */
  boolean anyElided() {
    return elided > 0;
  }

  /** Whether a module's key is a count written by hand ({@link #isCountKey}; {@link #countKey} the first). */
  boolean anyCountKey() {
    return countKey != null;
  }

  /** Whether numbered children skip numbers somewhere ({@link #gapAt} is the first after the gap). */
  boolean numberingGap() {
    return gapAt != null;
  }
}
