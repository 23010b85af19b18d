package io.layercount.cli.bench;

import io.layercount.core.LayerCount;
import io.layercount.core.Limits;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
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
 * Parse and analyse one synthetic printout ({@link SyntheticPrintout}) of 1k to 1M modules: the
 * cost must grow linearly with the size, and the largest (tens of MB) must fit the heap the
 * benchmark JVM is given ({@code -Xmx1g}). The limits are raised to let such a text in.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SyntheticScaling {
  @Param({"1000", "10000", "100000", "1000000"})
  public int modules;

  private final LayerCount layerCount = LayerCount.standard().withLimits(Limits.builder()
      .maxInputChars(400_000_000).maxLayers(10_000_000).build());
  private byte[] text;

  @Setup(Level.Trial)
  public void generate() {
    text = SyntheticPrintout.of(modules).getBytes(StandardCharsets.US_ASCII);
  }

  @Benchmark
  public void analyse(Blackhole sink) {
    sink.consume(layerCount.analyze("synthetic.txt", text));
  }
}
