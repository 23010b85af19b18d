package io.layercount.cli;

import io.layercount.core.Analysis;
import io.layercount.core.LayerCount;
import io.layercount.core.LayerFacts;
import io.layercount.core.model.Network;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The command-line entry point; see {@code layercount --help}. */
public final class Main {
  /** The smallest printout that loads the rule tables and the counting engine. */
  private static final String WARM_UP = "Net(\n  (fc): Linear(in_features=2, out_features=2, bias=True)\n)\n";

  private Main() {}

  public static void main(String[] args) {
    // Reading the built-in rule tables and loading the counting engine take longer than counting
    // a ResNet: a second thread counts a one-layer printout, which does both, while this one
    // parses the command line and reads and parses the first input (a class is initialised once;
    // whoever needs it first waits for it). A daemon: --help does not wait for it.
    Thread warmUp = new Thread(new WarmUp(), "layercount-warm-up");
    warmUp.setDaemon(true);
    warmUp.start();
    System.exit(run(System.in, utf8(FileDescriptor.out), utf8(FileDescriptor.err), args));
  }

  /**
   * The tables first: reading them is most of the wait, and needs nothing the main thread loads. A
   * class, not a lambda: the JVM's first lambda costs about 8 ms to link, which would hold the
   * second thread back; this way it starts at once, and the first lambda links on the main thread
   * while the tables are read.
   */
  private static final class WarmUp implements Runnable {
    @Override
    public void run() {
      LayerCount.preloadRules();
      LayerCount.standard().analyze(WARM_UP);
    }
  }

  /**
   * Runs the tool on injected streams and returns the exit status: 0 every input analysed, 1 at
   * least one input not analysed or unreadable, 2 usage error (output.md).
   */
  public static int run(InputStream in, PrintStream out, PrintStream err, String... args) {
    return new Cli(Main::analyzer).run(in, out, err, args);
  }

  /** The library, set up as the command line asks. */
  private static TextAnalyzer analyzer(Cli.Settings settings) {
    LayerCount.Builder builder = LayerCount.builder().inputSize(settings.inputSize()).limits(settings.limits());
    settings.rules().forEach(builder::rules);
    LayerCount layerCount = builder.build();
    return new TextAnalyzer() {
      @Override
      public List<Analysis> analyze(String name, byte[] bytes) {
        return layerCount.analyze(name, bytes);
      }

      @Override
      public LayerFacts facts(Network network) {
        return layerCount.facts(network);
      }
    };
  }

  /**
   * JSON is UTF-8 whatever the platform's default; type and file names may not be ASCII. Buffered,
   * so that a report is not a write per line: the tool flushes after each result.
   */
  private static PrintStream utf8(FileDescriptor fd) {
    return new PrintStream(new BufferedOutputStream(new FileOutputStream(fd), 1 << 16), false, StandardCharsets.UTF_8);
  }
}
