package io.layercount.cli.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs the JMH benchmarks and prints the figures the performance targets are stated in: MB/s per
 * corpus format, MB/s per synthetic size, and how the time grows when the input grows tenfold.
 * Nothing here passes or fails on a figure; a benchmark fails only when it cannot run (a heap too
 * small for the largest printout among them). {@code --quick} measures less, for a first look.
 */
public final class Benchmarks {
  private static final double MB = 1e6;

  private Benchmarks() {}

  public static void main(String[] args) throws Exception {
    boolean quick = List.of(args).contains("--quick");
    String corpus = System.getProperty("layercount.corpus", "../shared/corpus");
    // a pass over the PyTorch corpus gets faster while C2 compiles (its passes in the 5th to 8th
    // second of warm-up took 460 to 630 ms, and 250 ms after 15 s): 8 s of warm-up left the first
    // measured passes in that slope; a synthetic printout, one model's code, is compiled in 4 s. On
    // 2026-12-07 C2 still compiled 478 methods between the 20th and the 30th second of a corpus loop
    // (-XX:+LogCompilation: 195 in the first 5 s, 15 after the 35th): 20 s of warm-up measured the
    // tail of that slope, so a corpus gets 40
    List<RunResult> results = new ArrayList<>();
    results.addAll(new Runner(options(CorpusThroughput.class, quick ? 2 : WARMUP_CORPUS, quick, corpus).build()).run());
    results.addAll(new Runner(options(SyntheticScaling.class, quick ? 2 : 8, quick, corpus).build()).run());
    print(results, quick);
  }

  /** Seconds of warm-up of a corpus benchmark, a second each. */
  static final int WARMUP_CORPUS = 40;

  private static ChainedOptionsBuilder options(Class<?> benchmark, int warmups, boolean quick, String corpus) {
    return new OptionsBuilder()
        .include(benchmark.getName())
        .forks(1)
        .warmupIterations(warmups).warmupTime(TimeValue.seconds(1))
        .measurementIterations(quick ? 3 : 5).measurementTime(TimeValue.seconds(quick ? 1 : 2))
        .jvmArgs("-Xmx1g", "-Dlayercount.corpus=" + corpus)
        // the bytes an operation allocates: unlike its time, the same on every run and machine, and
        // what the collector's share of a large printout's time grows with
        .addProfiler(GCProfiler.class)
        .shouldFailOnError(true);
  }

  /**
   * What one operation allocated, in MB and per byte of its input (JMH's GC profiler); "n/a" where
   * the JVM does not report it.
   */
  private static String allocated(RunResult run, long inputBytes) {
    double perOp = allocatedBytes(run);
    return perOp <= 0 ? "n/a"
        : String.format(Locale.ROOT, "%.1f MB/op (%.1f bytes a byte of input)", perOp / MB, perOp / inputBytes);
  }

  /** The bytes one operation allocated, or 0 where the JVM does not report it. */
  private static double allocatedBytes(RunResult run) {
    Map<String, Result> secondary = run.getSecondaryResults();
    Result norm = secondary.containsKey("gc.alloc.rate.norm") ? secondary.get("gc.alloc.rate.norm")
        : secondary.get("\u00b7gc.alloc.rate.norm");
    return norm == null || Double.isNaN(norm.getScore()) || norm.getScore() <= 0 ? 0 : norm.getScore();
  }

  private static void print(Collection<RunResult> results, boolean quick) {
    Map<String, double[]> scaling = new LinkedHashMap<>();
    List<String> lines = new ArrayList<>();
    for (RunResult run : results) {
      String benchmark = run.getParams().getBenchmark();
      // every operation is timed (SampleTime): the median and quartiles, not a mean that one collection
      // or a busy neighbour on a shared machine can move by half
      Statistics stats = run.getPrimaryResult().getStatistics();
      double ms = stats.getPercentile(50);
      double q1 = stats.getPercentile(25);
      double q3 = stats.getPercentile(75);
      long samples = stats.getN();
      String label;
      long bytes;
      if (benchmark.endsWith("CorpusThroughput.analyseAll")) {
        String format = run.getParams().getParam("format");
        List<CorpusThroughput.Input> inputs = CorpusThroughput.inputs(format);
        bytes = inputs.stream().mapToLong(i -> i.bytes().length).sum();
        label = String.format(Locale.ROOT, "corpus %-10s %5d texts", format, inputs.size());
      } else {
        int modules = Integer.parseInt(run.getParams().getParam("modules"));
        bytes = SyntheticPrintout.of(modules).getBytes(StandardCharsets.US_ASCII).length;
        label = String.format(Locale.ROOT, "synthetic %,9d modules", modules);
        scaling.put(Integer.toString(modules), new double[] {bytes, ms, q1, q3, allocatedBytes(run)});
      }
      lines.add(String.format(Locale.ROOT, "%-32s %9.2f MB  median %10.2f ms (quartiles %.2f to %.2f, %d runs)  %8.1f MB/s"
          + "  allocates %s", label, bytes / MB, ms, q1, q3, samples, bytes / MB / (ms / 1000), allocated(run, bytes)));
    }
    System.out.println();
    System.out.println("== layercount benchmark figures (JMH, 1 fork, " + (quick ? "3 x 1 s" : "5 x 2 s")
        + " measured after warm-up (" + (quick ? "2 s" : WARMUP_CORPUS + " s for a corpus, 8 s for a synthetic printout")
        + "), every run timed; -Xmx1g; parse + analyse from bytes; MB = 10^6 bytes;"
        + " MB/s of the median) ==");
    lines.forEach(System.out::println);
    List<String> sizes = new ArrayList<>(scaling.keySet());
    for (int i = 1; i < sizes.size(); i++) {
      double[] small = scaling.get(sizes.get(i - 1));
      double[] large = scaling.get(sizes.get(i));
      // the quartiles' growth beside the median's: at 100k modules and more an analysis that meets a
      // young collection takes tens of ms longer, and how many do moves the median by itself
      // and the allocation's: the work's own growth, which the collector's copying does not move
      String allocation = small[4] > 0 && large[4] > 0
          ? String.format(Locale.ROOT, ", %.1fx the allocation", large[4] / small[4]) : "";
      System.out.printf(Locale.ROOT, "growth %s -> %s modules: %.1fx the input, %.1fx the median time"
          + " (first quartile %.1fx, third %.1fx)%s%n", sizes.get(i - 1), sizes.get(i), large[0] / small[0],
          large[1] / small[1], large[2] / small[2], large[3] / small[3], allocation);
    }
    System.out.printf(Locale.ROOT, "machine: %d processors, %s %s, load average %s%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
        System.getProperty("java.version"), LoadAverage.now());
  }
}
