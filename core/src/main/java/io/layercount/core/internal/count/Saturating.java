package io.layercount.core.internal.count;

/** Long arithmetic that sticks at {@link Long#MAX_VALUE}: nested runs can multiply past 63 bits. */
public final class Saturating {
  private Saturating() {}

  public static long add(long a, long b) {
    long r = a + b;
    return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
  }

  public static long multiply(long a, long b) {
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b;
    return (hi == 0 && lo >= 0) ? lo : Long.MAX_VALUE;
  }

  public static int toInt(long value) {
    return (int) Math.min(Integer.MAX_VALUE, value);
  }
}
