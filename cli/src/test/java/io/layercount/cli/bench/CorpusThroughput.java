package io.layercount.cli.bench;

import io.layercount.core.Analysis;
import io.layercount.core.LayerCount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parse and analyse every corpus text of one format, from bytes in memory (decoding included, as
 * the command line does it): one operation is the whole set, so MB/s is its size over the time.
 * {@code pytorch} is the 1,136 printouts of {@code pytorch/}; {@code keras} and {@code torchinfo}
 * the texts of {@code real/} and {@code peer/} the analysis reads as Keras, or as torchinfo and
 * torchsummary tables.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CorpusThroughput {
  @Param({"pytorch", "keras", "torchinfo"})
  public String format;

  private final LayerCount layerCount = LayerCount.standard();
  private final List<String> names = new ArrayList<>();
  private final List<byte[]> texts = new ArrayList<>();

  @Setup(Level.Trial)
  public void load() {
    for (Input input : inputs(format)) {
      names.add(input.name());
      texts.add(input.bytes());
    }
  }

  /** A text of the corpus. */
  record Input(String name, byte[] bytes) {}

  /** The texts of {@code format}, in name order. */
  static List<Input> inputs(String format) {
    Path corpus = Path.of(System.getProperty("layercount.corpus", "../shared/corpus"));
    List<Path> files = format.equals("pytorch") ? files(corpus.resolve("pytorch"))
        : concat(files(corpus.resolve("real")), files(corpus.resolve("peer")));
    LayerCount layerCount = LayerCount.standard();
    List<Input> inputs = new ArrayList<>();
    for (Path file : files) {
      byte[] bytes = read(file);
      if (format.equals("pytorch") || belongs(format, layerCount.analyze(file.toString(), bytes))) {
        inputs.add(new Input(file.toString(), bytes));
      }
    }
    if (inputs.isEmpty()) {
      throw new IllegalStateException("no " + format + " texts under " + corpus.toAbsolutePath()
          + " (set -Dlayercount.corpus=PATH)");
    }
    return inputs;
  }

  @Benchmark
  public void analyseAll(Blackhole sink) {
    for (int i = 0; i < texts.size(); i++) {
      sink.consume(layerCount.analyze(names.get(i), texts.get(i)));
    }
  }

  private static boolean belongs(String format, List<Analysis> analyses) {
    String f = analyses.get(0).format();
    return f != null && (format.equals("keras") ? f.startsWith("keras") : f.equals("torchinfo") || f.equals("torchsummary"));
  }

  private static List<Path> files(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(".txt") || p.toString().endsWith(".out")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir.toAbsolutePath() + " (set -Dlayercount.corpus=PATH)", e);
    }
  }

  private static List<Path> concat(List<Path> a, List<Path> b) {
    List<Path> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
