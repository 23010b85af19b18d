package io.layercount.cli;

import io.layercount.core.Analysis;
import io.layercount.core.Convention;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** How the report writes numbers: thousands separators, and sizes in binary units. */
final class Numbers {
  private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

  private Numbers() {}

  /**
   * {@code 11689512} → {@code 11,689,512}, as {@code String.format(Locale.ROOT, "%,d", n)} writes
   * it; by hand, because a formatter's first use loads the locale data, a tenth of a run's start-up.
   */
  static String grouped(long n) {
    String digits = Long.toString(n);
    int sign = n < 0 ? 1 : 0;
    StringBuilder sb = new StringBuilder(digits.length() + digits.length() / 3);
    sb.append(digits, 0, sign);
    for (int i = sign; i < digits.length(); i++) {
      if (i > sign && (digits.length() - i) % 3 == 0) {
        sb.append(',');
      }
      sb.append(digits.charAt(i));
    }
    return sb.toString();
  }

  /**
   * A convention's count as the reports write it: grouped, after {@code ≥ } where it is a lower
   * bound ({@link Analysis.LayerCounts#lowerBounds}); with no count, {@code n/a} where the convention
   * does not apply and {@code unknown} where it does but the text hides what it would count.
   */
  static String count(Analysis.LayerCounts counts, Convention convention) {
    Integer n = counts.get(convention);
    boolean bound = counts.isLowerBound(convention);
    if (n == null) {
      return bound ? "unknown" : "n/a";
    }
    return bound ? "\u2265 " + grouped(n) : grouped(n);
  }

  /** {@code 46758048} → {@code 44.6 MiB}; below 1 KiB the exact byte count. */
  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    double value = n;
    int unit = 0;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    // what "%.1f" writes (the shortest decimal of the double, rounded half up), without a formatter
    return new BigDecimal(Double.toString(value)).setScale(1, RoundingMode.HALF_UP).toPlainString() + " " + UNITS[unit];
  }
}
