import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Two builds of layercount side by side in one JVM: each jar in its own class loader, passes over the
 * PyTorch corpus alternated A B, B A, ..., and the ratio of each pair of passes reported. On a shared
 * machine whose speed drifts by a third within minutes, separate runs cannot show a 5 % change; pairs
 * of passes a second apart can. Run by {@code .ci/ab}; see the README's Performance section.
 *
 * <p>Usage: {@code java .ci/AbCompare.java OLD.jar NEW.jar [ROUNDS] [CORPUS] [WARM]} (add
 * {@code -XX:TieredStopAtLevel=1} before it to measure the first JIT tier, which the command line runs).
 */
public class AbCompare {
  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: java .ci/AbCompare.java OLD.jar NEW.jar [ROUNDS] [CORPUS] [WARM]");
      System.exit(2);
    }
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 16;
    Path corpus = Path.of(args.length > 3 ? args[3] : "../shared/corpus").resolve("pytorch");
    // C2 takes about 20 s of compiling, some 30 passes, before a pass stops getting faster: fewer
    // rounds of warm-up compare two builds while both are still being compiled
    int warm = args.length > 4 ? Integer.parseInt(args[4]) : 30;
    List<byte[]> texts = new ArrayList<>();
    long bytes = 0;
    try (Stream<Path> walk = Files.walk(corpus)) {
      for (Path p : walk.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        byte[] b = Files.readAllBytes(p);
        texts.add(b);
        bytes += b.length;
      }
    }
    Object[] counters = new Object[2];
    Method[] analyze = new Method[2];
    for (int k = 0; k < 2; k++) {
      ClassLoader loader = new URLClassLoader(new URL[] {Path.of(args[k]).toUri().toURL()},
          ClassLoader.getPlatformClassLoader());
      Thread.currentThread().setContextClassLoader(loader); // ServiceLoader finds that jar's parsers
      Class<?> type = loader.loadClass("io.layercount.core.LayerCount");
      counters[k] = type.getMethod("standard").invoke(null);
      analyze[k] = type.getMethod("analyze", String.class, byte[].class);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[][] cpu = new long[2][rounds];
    long sink = 0;
    for (int r = -warm; r < rounds; r++) { // warm-up rounds first: each build is compiled on its own
      for (int i = 0; i < 2; i++) {
        int k = (r & 1) == 0 ? i : 1 - i; // A B, then B A: neither always runs second
        long start = threads.getCurrentThreadCpuTime();
        for (byte[] text : texts) {
          sink += ((List<?>) analyze[k].invoke(counters[k], "x", text)).size();
        }
        if (r >= 0) {
          cpu[k][r] = threads.getCurrentThreadCpuTime() - start;
        }
      }
    }
    double[] ratios = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      ratios[r] = cpu[1][r] / (double) cpu[0][r];
    }
    Arrays.sort(ratios);
    long a = median(cpu[0]);
    long b = median(cpu[1]);
    System.out.printf(Locale.ROOT, "%d printouts, %.1f MB, %d rounds (%d analyses)%n", texts.size(), bytes / 1e6, rounds, sink);
    System.out.printf(Locale.ROOT, "A %s: median %.0f ms a pass, %.1f MB/s%n", args[0], a / 1e6, bytes / 1e6 / (a / 1e9));
    System.out.printf(Locale.ROOT, "B %s: median %.0f ms a pass, %.1f MB/s%n", args[1], b / 1e6, bytes / 1e6 / (b / 1e9));
    System.out.printf(Locale.ROOT, "B/A per pair: median %.3f, quartiles %.3f to %.3f%n",
        ratios[rounds / 2], ratios[rounds / 4], ratios[(3 * rounds) / 4]);
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
