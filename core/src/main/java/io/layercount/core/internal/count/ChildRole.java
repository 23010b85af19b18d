package io.layercount.core.internal.count;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a child sits on its parent's dataflow, read from its name alone (a PyTorch printout shows no
 * graph): a {@code downsample}/{@code shortcut}/{@code skip} child bypasses its siblings; an
 * {@code aux*} head hangs off the path; {@code branch*} children (Inception) and sibling
 * query/key/value projections run side by side; everything else runs in printed order.
 *
 * @param kind the role
 * @param group for a parallel child, which branch it belongs to ({@code branch5x5} for
 *     {@code branch5x5_1} and {@code branch5x5_2}); {@code null} otherwise
 * @param step within a branch, the step ({@code 2} for {@code branch3x3_2a} and {@code branch3x3_2b},
 *     which run side by side); 0 otherwise
 */
record ChildRole(Kind kind, String group, int step) {
  enum Kind { SEQUENCE, BYPASS, AUXILIARY, PARALLEL }

  private static final Pattern BYPASS = Pattern.compile("(?i)(downsample|shortcut|short_cut|skip(_connection)?)(_?\\d+)?");
  private static final Pattern AUXILIARY = Pattern.compile("(?i)aux.*");
  private static final Pattern BRANCH = Pattern.compile("(?i)(branch.*?)(?:_(\\d+)[a-z]?)?");
  private static final Pattern QKV = Pattern.compile("(?i)(q|k|v|query|key|value)(_proj|_lin|_linear)?");

  static ChildRole of(String name, boolean qkvSiblings) {
    if (BYPASS.matcher(name).matches()) {
      return new ChildRole(Kind.BYPASS, null, 0);
    }
    if (AUXILIARY.matcher(name).matches()) {
      return new ChildRole(Kind.AUXILIARY, null, 0);
    }
    Matcher branch = BRANCH.matcher(name);
    if (branch.matches()) {
      return new ChildRole(Kind.PARALLEL, branch.group(1),
          branch.group(2) == null ? 0 : Integer.parseInt(branch.group(2).length() > 6 ? "0" : branch.group(2)));
    }
    if (qkvSiblings && QKV.matcher(name).matches()) {
      return new ChildRole(Kind.PARALLEL, name, 0);
    }
    return new ChildRole(Kind.SEQUENCE, null, 0);
  }

  /** Whether {@code name} is a query, key or value projection (parallel only when two or more are siblings). */
  static boolean isQkv(String name) {
    return QKV.matcher(name).matches();
  }
}
