package io.layercount.pytorch.table;

import io.layercount.core.Diagnostic;
import io.layercount.core.model.Network;
import io.layercount.core.spi.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines below a table's rows: {@code Total params: 36,928}, {@code Total mult-adds (M): 173.71},
 * {@code Params size (kB): 147.71}, ...
 *
 * <p>The parameter totals become {@link Network.StatedTotals}; mult-adds and sizes have no field in
 * the model yet, so they are reported as {@code info} diagnostics.
 */
final class Footer {
  /** {@code Key (unit): value}; torchinfo 1.8 printed the unit as {@code Units.GIGABYTES}. */
  private static final Pattern LINE = Pattern.compile(
      "([A-Za-z][A-Za-z/ .-]*?)\\s*(?:\\(([^()]*)\\))?\\s*:\\s*(-?[0-9][0-9,]*(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)");

  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private Long total;
  private Long trainable;
  private Long nonTrainable;
  private int totalLine;

  /** Whether {@code text} has the form of a footer line (known key or not). */
  static boolean isFooterLine(String text) {
    return LINE.matcher(text.trim()).matches();
  }

  /** Reads the footer lines of one table; lines that are not footer lines are ignored. */
  static Footer read(List<Source.Line> lines) {
    Footer footer = new Footer();
    for (Source.Line line : lines) {
      Matcher m = LINE.matcher(line.text().trim());
      if (m.matches()) {
        footer.accept(line, m.group(1).trim(), m.group(2), m.group(3));
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
      case "input size":
      case "forward/backward pass size":
      case "params size":
      case "estimated total size":
        diagnostics.add(Diagnostic.info(line.number(), column,
            "footer states " + key + ": " + value + unitSuffix(unit, !key.equalsIgnoreCase("total mult-adds"))));
        break;
      default:
        diagnostics.add(Diagnostic.info(line.number(), column,
            "footer line '" + key + "' is not one layercount knows; its value " + value + " is not used"));
    }
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
