package io.layercount.cli;

import io.layercount.core.LayerCount;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The command-line entry point; see {@code layercount --help}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(System.in, utf8(FileDescriptor.out), utf8(FileDescriptor.err), args));
  }

  /**
   * Runs the tool on injected streams and returns the exit status: 0 every input analysed, 1 at
   * least one input not analysed or unreadable, 2 usage error (output.md).
   */
  public static int run(InputStream in, PrintStream out, PrintStream err, String... args) {
    LayerCount standard = LayerCount.standard();
    return new Cli(options -> standard.withLimits(options.limits()).withInputSize(options.inputSize())::analyze)
        .run(in, out, err, args);
  }

  /** JSON is UTF-8 whatever the platform's default; type and file names may not be ASCII. */
  private static PrintStream utf8(FileDescriptor fd) {
    return new PrintStream(new FileOutputStream(fd), false, StandardCharsets.UTF_8);
  }
}
