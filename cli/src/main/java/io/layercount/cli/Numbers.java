package io.layercount.cli;

import java.util.Locale;

/** How the report writes numbers: thousands separators, and sizes in binary units. */
final class Numbers {
  private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

  private Numbers() {}

  /** {@code 11689512} → {@code 11,689,512}. */
  static String grouped(long n) {
    return String.format(Locale.ROOT, "%,d", n);
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
    return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
  }
}
