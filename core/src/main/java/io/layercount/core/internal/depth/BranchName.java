package io.layercount.core.internal.depth;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Inception branch child's key read as branch, step and lane: {@code branch3x3dbl_3a} is branch
 * {@code branch3x3dbl}, step 3, lane {@code a}; {@code branch1} is branch {@code branch1}, step 0.
 */
record BranchName(String branch, int step, String lane) {
  private static final Pattern KEY = Pattern.compile("(?i)(branch.*?)(?:_(\\d{1,6})([a-z]?))?");

  static BranchName of(String key) {
    Matcher m = KEY.matcher(key);
    if (!m.matches() || m.group(2) == null) {
      return new BranchName(key, 0, "");
    }
    return new BranchName(m.group(1), Integer.parseInt(m.group(2)), m.group(3));
  }
}
