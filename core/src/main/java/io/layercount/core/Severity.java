package io.layercount.core;

/** How serious a {@link Diagnostic} is. */
public enum Severity {
  /** The input could not be (fully) understood; a number may be missing. */
  ERROR,
  /** Something was recovered or guessed; the result may be affected. */
  WARNING,
  /** A note about what was done, e.g. copy damage that was undone. */
  INFO;

  /** The lower-case name used in reports and JSON. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
