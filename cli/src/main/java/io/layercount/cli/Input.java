package io.layercount.cli;

import io.layercount.core.DecodedText;

/**
 * One text to analyse, or why it could not be read.
 *
 * @param name the path as given on the command line, {@code -} for standard input
 * @param bytes the whole input as read, or {@code null} when it could not be read
 * @param problem why it could not be read, or {@code null}
 */
record Input(String name, byte[] bytes, String problem) {
  static Input of(String name, byte[] bytes) {
    return new Input(name, bytes, null);
  }

  static Input unreadable(String name, String problem) {
    return new Input(name, null, problem);
  }

  boolean readable() {
    return bytes != null;
  }

  /**
   * The decoded text, or {@code null}: decoded anew at each call, for the excerpts of the few inputs
   * whose diagnostics point at a line (the analysis reads the bytes).
   */
  String text() {
    return bytes == null ? null : DecodedText.of(bytes).text();
  }
}
