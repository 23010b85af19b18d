package io.layercount.pytorch;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@code String} per class name across every text this process reads. A class name is looked up
 * in many tables per layer (rules, containers, roles); the same instance as the tables' keys makes
 * each lookup an identity test with the hash already known, where a fresh copy per line had both
 * computed again. Bounded, so that texts of made-up names cannot grow it without end.
 */
final class TypeNames {
  /** Far more classes than torch, timm and transformers define together. */
  static final int MAX_NAMES = 1 << 14;
  private static final TypeNames SHARED = new TypeNames(MAX_NAMES);

  private final Map<String, String> kept = new ConcurrentHashMap<>();
  private final int bound;

  TypeNames(int bound) {
    this.bound = bound;
  }

  /** The process-wide instance kept for {@code name}. */
  static String canonical(String name) {
    return SHARED.of(name);
  }

  /** The instance kept for {@code name}, or {@code name} itself once the bound is reached. */
  String of(String name) {
    String known = kept.get(name);
    if (known != null) {
      return known;
    }
    if (kept.size() >= bound) {
      return name;
    }
    known = kept.putIfAbsent(name, name);
    return known != null ? known : name;
  }
}
