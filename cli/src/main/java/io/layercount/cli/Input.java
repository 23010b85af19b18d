package io.layercount.cli;

import io.layercount.core.DecodedText;

/**
 * One text to analyse, or why it could not be read.
 *
 * @param name the path as given on the command line, {@code -} for standard input
 * @param decoded the whole text with what decoding noticed, or {@code null} when it could not be read
 * @param problem why it could not be read, or {@code null}
 */
record Input(String name, DecodedText decoded, String problem) {
  static Input of(String name, byte[] bytes) {
    return new Input(name, DecodedText.of(bytes), null);
  }

  static Input unreadable(String name, String problem) {
    return new Input(name, null, problem);
  }

  boolean readable() {
    return decoded != null;
  }

  /** The decoded text, or {@code null}. */
  String text() {
    return decoded == null ? null : decoded.text();
  }
}
