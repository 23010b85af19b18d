package io.layercount.cli.hostile;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.layercount.cli.Main;
import io.layercount.core.Analysis;
import io.layercount.core.Diagnostic;
import io.layercount.core.Severity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/** What the hostile-input tests share: a small stack, the CLI on bytes, checks on diagnostics. */
final class Hostile {
  /** The stack the issue asks deep input to fit in (surefire's own is 640 KiB). */
  static final long SMALL_STACK = 512 * 1024;

  private Hostile() {}

  /** Runs {@code work} on a thread with a {@link #SMALL_STACK}; fails after {@code seconds}. */
  static <T> T onSmallStack(int seconds, Callable<T> work) throws InterruptedException {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread t = new Thread(null, () -> {
      try {
        result.set(work.call());
      } catch (Throwable e) {
        thrown.set(e);
      }
    }, "small-stack", SMALL_STACK);
    t.setDaemon(true);
    t.start();
    t.join(seconds * 1000L);
    if (t.isAlive()) {
      fail("still running after " + seconds + " s");
    }
    if (thrown.get() != null) {
      throw new AssertionError("threw on a " + SMALL_STACK / 1024 + " KiB stack: " + thrown.get(), thrown.get());
    }
    return result.get();
  }

  /** The diagnostic of {@code severity} whose message holds every fragment; fails when there is none. */
  static Diagnostic diagnostic(Analysis a, Severity severity, String... fragments) {
    for (Diagnostic d : a.diagnostics()) {
      if (d.severity() == severity && List.of(fragments).stream().allMatch(d.message()::contains)) {
        return d;
      }
    }
    throw new AssertionError("no " + severity.label() + " with " + List.of(fragments) + " in " + a.diagnostics());
  }

  /** Asserts a limit error names the limit, the option and the builder method that raise it. */
  static Diagnostic limitError(Analysis a, String limit, String option) {
    Diagnostic d = diagnostic(a, Severity.ERROR, "(" + limit + ")", "--" + option, "Limits.builder()." + limit);
    assertTrue(!a.parameters().exact(), "a count past a limit is never exact");
    return d;
  }

  /**
   * The outcome of {@link Main#run} with {@code stdin} as standard input.
   *
   * @param status the exit status
   * @param out standard output
   * @param err standard error
   */
  record CliRun(int status, String out, String err) {
    void assertNoStackTrace() {
      assertTrue(!err.contains("Exception") && !err.contains("\tat ") && !out.contains("Exception"), err);
    }
  }

  static CliRun cli(byte[] stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(new ByteArrayInputStream(stdin), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), args);
    return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
