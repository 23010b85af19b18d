package io.layercount.pytorch.table;

import java.util.OptionalLong;

/**
 * A {@code Param #} cell of a torchinfo table.
 *
 * @param count the printed number; 0 for {@code --}; {@code null} for {@code (recursive)} or
 *     unreadable text
 * @param frozen printed in parentheses ({@code (1,234)}): none of the row's parameters is trainable
 * @param recursive {@code (recursive)}: the module was already shown; its parameters are counted there
 * @param readable whether the text was understood
 */
record ParamCell(Long count, boolean frozen, boolean recursive, boolean readable) {
  static final ParamCell EMPTY = new ParamCell(0L, false, false, true);

  static ParamCell parse(String text) {
    if (text == null || text.isEmpty() || text.equals("--") || isDash(text)) {
      return EMPTY;
    }
    if (text.equals("(recursive)")) {
      return new ParamCell(null, false, true, true);
    }
    boolean frozen = text.length() > 2 && text.startsWith("(") && text.endsWith(")");
    OptionalLong n = Count.parse(frozen ? text.substring(1, text.length() - 1) : text);
    if (n.isEmpty()) {
      return new ParamCell(null, false, false, false);
    }
    return new ParamCell(n.getAsLong(), frozen, false, true);
  }

  /**
   * Whether {@code text} is one dash: torchinfo's {@code --} as a web page or an editor made it (an
   * en or em dash), or with a hyphen lost where the spaces of a table were collapsed.
   */
  private static boolean isDash(String text) {
    return text.length() == 1 && (text.charAt(0) == '-' || text.charAt(0) >= '\u2010' && text.charAt(0) <= '\u2015');
  }
}
