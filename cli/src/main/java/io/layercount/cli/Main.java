package io.layercount.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** The command-line entry point. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(System.in, System.out, System.err, args));
  }

  /** Runs the tool on injected streams and returns the exit status (output.md). */
  public static int run(InputStream in, PrintStream out, PrintStream err, String... args) {
    err.println("layercount: not written yet");
    return 2;
  }
}
