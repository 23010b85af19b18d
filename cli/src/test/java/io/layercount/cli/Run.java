package io.layercount.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The outcome of one run of the tool on in-memory streams. */
record Run(int status, String out, String err) {
  /** The shape of {@link Main#run} and {@link Cli#run}. */
  @FunctionalInterface
  interface Tool {
    int run(InputStream in, PrintStream out, PrintStream err, String... args);
  }

  /** Runs {@code tool} with {@code stdin} as standard input. */
  static Run of(Tool tool, String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = tool.run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
