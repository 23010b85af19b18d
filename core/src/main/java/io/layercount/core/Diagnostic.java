package io.layercount.core;

import java.util.Objects;

/**
 * A positioned message about the input.
 *
 * @param line 1-based line in the original input, 0 when it concerns the whole input
 * @param column 1-based column in the original input, 0 when unknown
 * @param severity how serious it is
 * @param message what happened, in words a user can act on
 */
public record Diagnostic(int line, int column, Severity severity, String message) {
  /** Checks that the severity and the message are given. */
  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
  }

  /** An {@link Severity#ERROR} at {@code line} and {@code column}. */
  public static Diagnostic error(int line, int column, String message) {
    return new Diagnostic(line, column, Severity.ERROR, message);
  }

  /** A {@link Severity#WARNING} at {@code line} and {@code column}. */
  public static Diagnostic warning(int line, int column, String message) {
    return new Diagnostic(line, column, Severity.WARNING, message);
  }

  /** An {@link Severity#INFO} note at {@code line} and {@code column}. */
  public static Diagnostic info(int line, int column, String message) {
    return new Diagnostic(line, column, Severity.INFO, message);
  }
}
