package io.layercount.cli.hostile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.layercount.cli.Main;
import io.layercount.core.Analysis;
import io.layercount.core.LayerCount;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Mutates the seed texts ({@link FuzzSeeds}) with a fixed seed and checks that every case ends
 * within {@link #CASE_BOUND_MS} with analyses that keep the {@link Invariants}, without an exception;
 * every {@link #CLI_EVERY}th case also runs through {@link Main#run} (exit 0 or 1, JSON Lines only on
 * standard output, no stack trace). {@code -Dlayercount.fuzz.cases=N} runs more (or fewer) cases,
 * {@code -Dlayercount.fuzz.seed=S} other ones. A failing input is written to
 * {@code target/fuzz-failures/}: copy it to {@code src/test/resources/hostile/} to keep it.
 */
class FuzzTest {
  private static final int CASES = Integer.getInteger("layercount.fuzz.cases", 20_000);
  private static final long SEED = Long.getLong("layercount.fuzz.seed", 20261127L);
  /** Far above the worst case seen (tens of milliseconds): only a hang or a quadratic path reaches it. */
  static final long CASE_BOUND_MS = 10_000;
  private static final int CLI_EVERY = 50;
  private static final int THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
  private static final ObjectMapper JSON = new ObjectMapper();
  /** CPU time tells the cost of a case apart from other work on a shared machine. */
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private final LayerCount layerCount = LayerCount.standard();
  private final Map<Integer, Long> running = new ConcurrentHashMap<>();
  private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong worstNanos = new AtomicLong();
  private final AtomicLong worstCpuNanos = new AtomicLong();
  private final AtomicLong cpuNanos = new AtomicLong();
  private volatile int worstCase = -1;

  @Test
  void mutatedTextsAlwaysEndWithAResultOrDiagnostics() throws Exception {
    List<String> seeds = FuzzSeeds.all();
    assertFalse(seeds.isEmpty(), "no seed texts found");
    deleteEarlierFailures();
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
      Thread t = new Thread(r, "fuzz");
      t.setDaemon(true);
      return t;
    });
    ExecutorCompletionService<Void> done = new ExecutorCompletionService<>(pool);
    for (int i = 0; i < CASES; i++) {
      int n = i;
      done.submit(() -> runCase(n, seeds), null);
    }
    try {
      for (int finished = 0; finished < CASES; ) {
        Future<Void> f = done.poll(1, TimeUnit.SECONDS);
        if (f != null) {
          f.get();
          finished++;
        }
        checkNoneOverdue(seeds);
      }
    } finally {
      pool.shutdownNow();
    }
    long total = System.nanoTime() - start;
    String report = String.format(Locale.ROOT,
        "fuzz: %,d cases from %,d seed texts (corpus %s), seed %d, %d threads: %.1f s in all (%.1f s of CPU),"
            + " worst case %d took %.1f ms (worst CPU time of a case %.1f ms), peak heap %,d MiB; %d failure(s)",
        CASES, seeds.size(), FuzzSeeds.corpusPresent() ? "present" : "absent", SEED, THREADS, total / 1e9,
        cpuNanos.get() / 1e9, worstCase, worstNanos.get() / 1e6, worstCpuNanos.get() / 1e6, peakHeapBytes() >> 20,
        failures.size());
    System.out.println(report);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "fuzz-report.txt"), report + "\n");
    assertTrue(failures.isEmpty(), report + "\n" + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
  }

  /**
   * Taking text away never makes an exact total larger: every exact total of the shortened text is
   * at most what the whole text gives in all (a deletion may split one summary into two, so the
   * bound is the sum). Adding text (a duplicated line, a spliced text) may rightly add parameters,
   * so only deletions are checked.
   */
  @Test
  void deletingTextNeverMakesAnExactTotalLarger() {
    List<String> seeds = FuzzSeeds.all();
    List<String> broken = new ArrayList<>();
    for (int n = 0; n < CASES / 10; n++) {
      Random random = new Random(SEED * 7_919L + n);
      String text = seeds.get(random.nextInt(seeds.size()));
      String shorter = new Mutator(random).delete(text);
      long whole = 0;
      for (Analysis a : layerCount.analyze("whole", text)) {
        whole = Math.addExact(whole, a.parameters().total());
      }
      for (Analysis a : layerCount.analyze("shorter", shorter)) {
        if (a.parameters().exact() && a.parameters().total() > whole) {
          broken.add("case " + n + ": exact " + a.parameters().total() + " > " + whole);
          fail(n, shorter, "exact total " + a.parameters().total() + " after a deletion, " + whole + " before");
        }
      }
    }
    assertTrue(broken.isEmpty(), String.join("\n", broken));
  }

  private void runCase(int n, List<String> seeds) {
    Random random = new Random(SEED * 1_000_003L + n);
    String text = new Mutator(random).mutate(seeds.get(random.nextInt(seeds.size())),
        seeds.get(random.nextInt(seeds.size())));
    running.put(n, System.nanoTime());
    long t0 = System.nanoTime();
    long cpu0 = CPU.getCurrentThreadCpuTime();
    try {
      // as read from a file now and then: invalid UTF-8 decoded, ASCII read from the bytes themselves
      int as = random.nextInt(8);
      List<Analysis> analyses = as == 0
          ? layerCount.analyze("case-" + n, withInvalidUtf8(text, random))
          : as <= 2 ? layerCount.analyze("case-" + n, text.getBytes(StandardCharsets.UTF_8))
          : layerCount.analyze("case-" + n, text);
      List<String> broken = Invariants.check(text, analyses, layerCount.limits());
      if (n % CLI_EVERY == 0) {
        broken.addAll(checkCli(text, random.nextBoolean()));
      }
      if (!broken.isEmpty()) {
        fail(n, text, String.join("; ", broken));
      }
    } catch (Throwable e) {
      fail(n, text, e + " at " + where(e));
    } finally {
      running.remove(n);
      long took = System.nanoTime() - t0;
      long cpu = CPU.getCurrentThreadCpuTime() - cpu0;
      cpuNanos.addAndGet(cpu);
      worstCpuNanos.accumulateAndGet(cpu, Math::max);
      if (took > worstNanos.get()) {
        synchronized (this) {
          if (took > worstNanos.get()) {
            worstNanos.set(took);
            worstCase = n;
          }
        }
      }
      if (took > TimeUnit.MILLISECONDS.toNanos(CASE_BOUND_MS)) {
        fail(n, text, "took " + took / 1_000_000 + " ms");
      }
    }
  }

  /** The first frame of layercount's own code: where the bug is. */
  private static String where(Throwable e) {
    for (StackTraceElement frame : e.getStackTrace()) {
      if (frame.getClassName().startsWith("io.layercount")) {
        return frame.toString();
      }
    }
    return e.getStackTrace().length > 0 ? e.getStackTrace()[0].toString() : "?";
  }

  /** The text's UTF-8 with a few bytes that are never valid UTF-8 written over it. */
  private static byte[] withInvalidUtf8(String text, Random random) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length == 0) {
      return new byte[] {(byte) 0xFF};
    }
    for (int k = random.nextInt(4); k >= 0; k--) {
      bytes[random.nextInt(bytes.length)] = (byte) (0xF8 + random.nextInt(8));
    }
    return bytes;
  }

  private static List<String> checkCli(String text, boolean json) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        json ? new String[] {"--json", "-"} : new String[] {"-"});
    List<String> broken = new ArrayList<>();
    if (status != 0 && status != 1) {
      broken.add("cli exit status " + status);
    }
    String stderr = err.toString(StandardCharsets.UTF_8);
    if (stderr.contains("Exception") || stderr.contains("\tat ")) {
      broken.add("cli stderr shows an exception");
    }
    if (json) {
      for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
        if (!JSON.readTree(line).isObject()) {
          broken.add("cli stdout line is not a JSON object: " + line);
        }
      }
    }
    return broken;
  }

  private void checkNoneOverdue(List<String> seeds) {
    long now = System.nanoTime();
    running.forEach((n, since) -> {
      if (now - since > TimeUnit.MILLISECONDS.toNanos(3 * CASE_BOUND_MS)) {
        Random random = new Random(SEED * 1_000_003L + n);
        String text = new Mutator(random).mutate(seeds.get(random.nextInt(seeds.size())),
            seeds.get(random.nextInt(seeds.size())));
        fail(n, text, "still running after " + 3 * CASE_BOUND_MS + " ms: a hang");
        throw new AssertionError(String.join("\n", failures));
      }
    });
  }

  private static void deleteEarlierFailures() throws IOException {
    Path dir = Path.of("target", "fuzz-failures");
    if (Files.isDirectory(dir)) {
      try (var files = Files.list(dir)) {
        for (Path p : files.toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private void fail(int n, String text, String why) {
    failures.add("case " + n + ": " + why);
    try {
      Path dir = Files.createDirectories(Path.of("target", "fuzz-failures"));
      Files.writeString(dir.resolve("case-" + n + ".txt"), text);
    } catch (IOException e) {
      failures.add("case " + n + ": cannot save the input: " + e);
    }
  }

  /** The largest heap in use at any time so far, summed over the heap pools' peaks. */
  static long peakHeapBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
