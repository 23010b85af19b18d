package io.layercount.cli;

/**
 * One text to analyse, or why it could not be read.
 *
 * @param name the path as given on the command line, {@code -} for standard input
 * @param text the whole text, or {@code null} when it could not be read
 * @param problem why it could not be read, or {@code null}
 */
record Input(String name, String text, String problem) {
  static Input of(String name, String text) {
    return new Input(name, text, null);
  }

  static Input unreadable(String name, String problem) {
    return new Input(name, null, problem);
  }

  boolean readable() {
    return text != null;
  }
}
