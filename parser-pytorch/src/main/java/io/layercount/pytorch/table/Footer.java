package io.layercount.pytorch.table;

import io.layercount.core.Diagnostic;
import io.layercount.core.model.Network;
import io.layercount.core.spi.Source;
import java.util.ArrayList;
import java.util.List;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The lines below a table's rows: {@code Total params: 36,928}, {@code Total mult-adds (M): 173.71},
 * {@code Params size (kB): 147.71}, ...
 *
 * <p>The parameter totals become {@link Network.StatedTotals}; mult-adds and sizes become
 * {@link Network.StatedCosts} (mult-adds as a whole number, sizes in megabytes).
 */
final class Footer {
  /** Multipliers of a count's unit. */
  private static final Map<String, BigDecimal> COUNT_UNITS = Map.of(
      "", BigDecimal.ONE, "k", BigDecimal.TEN.pow(3), "K", BigDecimal.TEN.pow(3), "M", BigDecimal.TEN.pow(6),
      "G", BigDecimal.TEN.pow(9), "T", BigDecimal.TEN.pow(12));
  /** How many of a size's unit make a megabyte (a size without unit is in bytes). */
  private static final Map<String, BigDecimal> SIZE_UNITS = Map.of(
      "", BigDecimal.TEN.pow(6), "B", BigDecimal.TEN.pow(6), "kB", BigDecimal.TEN.pow(3), "KB", BigDecimal.TEN.pow(3),
      "MB", BigDecimal.ONE, "GB", new BigDecimal("0.001"), "TB", new BigDecimal("0.000001"));

  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private Long multAdds;
  private Double inputMB;
  private Double forwardBackwardMB;
  private Double paramsMB;
  private Double totalMB;
  private Long total;
  private Long trainable;
  private Long nonTrainable;
  private int totalLine;

  /** Whether {@code text} has the form of a footer line (known key or not). */
  static boolean isFooterLine(String text) {
    return parts(text.trim()) != null;
  }

  /**
   * The parts of a footer line {@code t} (trimmed), {@code Key (unit): value} as the expression
   * {@code ([A-Za-z][A-Za-z/ .-]*?)\s*(?:\(([^()]*)\))?\s*:\s*(-?[0-9][0-9,]*(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)}
   * matches the whole of it (torchinfo 1.8 printed the unit as {@code Units.GIGABYTES}): the key
   * (trimmed), the unit in brackets or {@code null}, and the value; {@code null} for any other
   * line. Read by hand: the table readers ask this of every row, and the expression's lazy key
   * tried every place of a row such as {@code ResNet   [1, 1000]   --} against the rest, through its
   * runs of spaces (43 % of the time the tables took). The key's characters hold no bracket, colon
   * or digit, so the longest run of them is the key wherever the expression's shortest one is
   * (they differ by trailing spaces), and the rest is read left to right without going back; the
   * parts are cut out only of a line that matches. {@code FooterLineTest} holds it to the expression.
   */
  static String[] parts(String t) {
    int n = t.length();
    if (n == 0 || !isLetter(t.charAt(0))) {
      return null;
    }
    int i = 1;
    while (i < n && isKeyChar(t.charAt(i))) {
      i++;
    }
    int keyEnd = i;
    i = skipSpace(t, i);
    int open = -1;
    int close = -1;
    if (i < n && t.charAt(i) == '(') {
      open = i;
      close = i + 1;
      while (close < n && t.charAt(close) != ')' && t.charAt(close) != '(') {
        close++;
      }
      if (close == n || t.charAt(close) != ')') {
        return null;
      }
      i = skipSpace(t, close + 1);
    }
    if (i == n || t.charAt(i) != ':') {
      return null;
    }
    i = skipSpace(t, i + 1);
    if (!isNumber(t, i)) {
      return null;
    }
    return new String[] {t.substring(0, keyEnd).trim(), open < 0 ? null : t.substring(open + 1, close), t.substring(i)};
  }

  /** Whether {@code t} from {@code from} to its end is {@code -?[0-9][0-9,]*(\.[0-9]+)?([eE][-+]?[0-9]+)?}. */
  private static boolean isNumber(String t, int from) {
    int n = t.length();
    int i = from < n && t.charAt(from) == '-' ? from + 1 : from;
    if (i == n || !isDigit(t.charAt(i))) {
      return false;
    }
    while (i < n && (isDigit(t.charAt(i)) || t.charAt(i) == ',')) {
      i++;
    }
    if (i < n && t.charAt(i) == '.') {
      int digits = ++i;
      while (i < n && isDigit(t.charAt(i))) {
        i++;
      }
      if (i == digits) {
        return false;
      }
    }
    if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
      i++;
      if (i < n && (t.charAt(i) == '-' || t.charAt(i) == '+')) {
        i++;
      }
      int digits = i;
      while (i < n && isDigit(t.charAt(i))) {
        i++;
      }
      if (i == digits) {
        return false;
      }
    }
    return i == n;
  }

  /** Past the white space ({@code \s}: space, tab, line ends, vertical tab, form feed) from {@code i}. */
  private static int skipSpace(String t, int i) {
    while (i < t.length() && " \t\n\u000B\f\r".indexOf(t.charAt(i)) >= 0) {
      i++;
    }
    return i;
  }

  private static boolean isLetter(char c) {
    return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
  }

  private static boolean isKeyChar(char c) {
    return isLetter(c) || c == '/' || c == ' ' || c == '.' || c == '-';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Reads the footer lines of one table; lines that are not footer lines are ignored. */
  static Footer read(List<Source.Line> lines) {
    Footer footer = new Footer();
    for (Source.Line line : lines) {
      String[] parts = parts(line.text().trim());
      if (parts != null) {
        footer.accept(line, parts[0], parts[1], parts[2]);
      }
    }
    return footer;
  }

  private void accept(Source.Line line, String key, String unit, String value) {
    int column = line.column(line.indent());
    switch (key.toLowerCase(Locale.ROOT)) {
      case "total params":
        total = count(line, column, key, value);
        totalLine = line.number();
        break;
      case "trainable params":
        trainable = count(line, column, key, value);
        break;
      case "non-trainable params":
        nonTrainable = count(line, column, key, value);
        break;
      case "total mult-adds":
        multAdds = scaled(value, COUNT_UNITS.get(unitSuffix(unit, false).trim()), line, column, key, unit);
        break;
      case "input size":
        inputMB = megabytes(value, unit, line, column, key);
        break;
      case "forward/backward pass size":
        forwardBackwardMB = megabytes(value, unit, line, column, key);
        break;
      case "params size":
        paramsMB = megabytes(value, unit, line, column, key);
        break;
      case "estimated total size":
        totalMB = megabytes(value, unit, line, column, key);
        break;
      default:
        diagnostics.add(Diagnostic.info(line.number(), column,
            "footer line '" + key + "' is not one layercount knows; its value " + value + " is not used"));
    }
  }

  /** The value in megabytes of the text's own unit, or {@code null} (reported) for an unknown unit. */
  private Double megabytes(String value, String unit, Source.Line line, int column, String key) {
    BigDecimal perMB = SIZE_UNITS.get(unitSuffix(unit, true).trim());
    if (perMB == null) {
      diagnostics.add(Diagnostic.info(line.number(), column, "footer line '" + key + "' has a unit layercount does not"
          + " know (" + unit + "); its value " + value + " is not used"));
      return null;
    }
    return new BigDecimal(value.replace(",", "")).divide(perMB, MathContext.DECIMAL64).doubleValue();
  }

  /** {@code value} times {@code multiplier}, rounded to a whole number, or {@code null} (reported). */
  private Long scaled(String value, BigDecimal multiplier, Source.Line line, int column, String key, String unit) {
    if (multiplier == null) {
      diagnostics.add(Diagnostic.info(line.number(), column, "footer line '" + key + "' has a unit layercount does not"
          + " know (" + unit + "); its value " + value + " is not used"));
      return null;
    }
    BigDecimal v = new BigDecimal(value.replace(",", "")).multiply(multiplier);
    return v.signum() < 0 || v.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0
        ? null : v.setScale(0, RoundingMode.HALF_UP).longValueExact();
  }

  private Long count(Source.Line line, int column, String key, String value) {
    OptionalLong n = Count.parse(value);
    if (n.isEmpty()) {
      diagnostics.add(Diagnostic.warning(line.number(), column,
          "'" + key + "' is not a whole number: " + value));
      return null;
    }
    return n.getAsLong();
  }

  /**
   * {@code M}, {@code kB}, or torchinfo 1.8's {@code Units.GIGABYTES} (printed for counts and sizes
   * alike) as a short unit ({@code G} for a count, {@code GB} for a size), or nothing.
   */
  private static String unitSuffix(String unit, boolean size) {
    if (unit == null || unit.isBlank()) {
      return "";
    }
    String u = unit.trim();
    if (u.startsWith("Units.")) {
      u = switch (u.substring("Units.".length())) {
        case "NONE" -> "";
        case "KILOBYTES" -> size ? "kB" : "k";
        case "MEGABYTES" -> size ? "MB" : "M";
        case "GIGABYTES" -> size ? "GB" : "G";
        case "TERABYTES" -> size ? "TB" : "T";
        default -> u;
      };
    }
    return u.isEmpty() ? "" : " " + u;
  }

  /** The stated mult-adds and sizes, or {@code null} when the footer states none. */
  Network.StatedCosts costs() {
    boolean sizes = inputMB != null || forwardBackwardMB != null || paramsMB != null || totalMB != null;
    if (multAdds == null && !sizes) {
      return null;
    }
    return new Network.StatedCosts(multAdds,
        sizes ? new Network.Sizes(inputMB, forwardBackwardMB, paramsMB, totalMB) : null);
  }

  /** The stated parameter totals, or {@code null} when the footer states none. */
  Network.StatedTotals totals() {
    if (total == null && trainable == null && nonTrainable == null) {
      return null;
    }
    return new Network.StatedTotals(total, trainable, nonTrainable, null);
  }

  Long total() {
    return total;
  }

  Long nonTrainable() {
    return nonTrainable;
  }

  /** The line of {@code Total params}, 0 if absent. */
  int totalLine() {
    return totalLine;
  }

  List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
