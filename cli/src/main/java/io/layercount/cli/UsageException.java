package io.layercount.cli;

/** The command line cannot be understood; the tool exits with status 2. */
final class UsageException extends Exception {
  UsageException(String message) {
    super(message);
  }
}
