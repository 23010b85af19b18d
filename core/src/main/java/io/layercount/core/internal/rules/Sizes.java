package io.layercount.core.internal.rules;

import io.layercount.core.model.Arguments;
import java.util.OptionalLong;

/** Overflow-safe arithmetic on printed sizes: an absurd size gives no count rather than a wrong one. */
final class Sizes {
  private Sizes() {}

  /** The product of {@code factors}, empty on overflow or a negative factor. */
  static OptionalLong product(long... factors) {
    long result = 1;
    try {
      for (long f : factors) {
        if (f < 0) {
          return OptionalLong.empty();
        }
        result = Math.multiplyExact(result, f);
      }
    } catch (ArithmeticException e) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(result);
  }

  /** {@code a + b}, empty if either is empty or the sum overflows. */
  static OptionalLong plus(OptionalLong a, OptionalLong b) {
    if (a.isEmpty() || b.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Math.addExact(a.getAsLong(), b.getAsLong()));
    } catch (ArithmeticException e) {
      return OptionalLong.empty();
    }
  }

  /** {@code bias ? a + b : a}. */
  static OptionalLong plusIf(boolean bias, OptionalLong a, OptionalLong b) {
    return bias ? plus(a, b) : a;
  }

  /** The product of a printed shape such as {@code (768,)} or {@code (2, 3)}; empty if not a shape. */
  static OptionalLong shapeProduct(String printed) {
    long[] dims = Arguments.tuple(printed);
    return dims.length == 0 ? OptionalLong.empty() : product(dims);
  }

  /** Both values present. */
  static boolean present(OptionalLong... values) {
    for (OptionalLong v : values) {
      if (v.isEmpty()) {
        return false;
      }
    }
    return true;
  }
}
