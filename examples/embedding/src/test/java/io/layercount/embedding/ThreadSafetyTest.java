package io.layercount.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.InputSize;
import io.layercount.core.LayerCount;
import io.layercount.core.LayerRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One {@code LayerCount} shared by many threads, each analysing every input in its own order, gives
 * exactly the analyses a single thread gets: no state is shared between calls.
 */
class ThreadSafetyTest {
  private static final int THREADS = 8;
  private static final int ROUNDS = 1;

  @Test
  void manyThreadsOnDifferentInputsGiveTheSequentialResults() throws Exception {
    Map<String, String> inputs = inputs();
    assertTrue(inputs.size() >= 20, "too few inputs: " + inputs.keySet());
    LayerCount shared = LayerCount.builder().inputSize(new InputSize(224, 224))
        .rules(LayerRules.parse("threads.json", "{\"rules\": [{\"types\": [\"MyGate\"], \"rule\": \"linear\"}]}"))
        .build();
    Map<String, List<Analysis>> sequential = new LinkedHashMap<>();
    inputs.forEach((name, text) -> sequential.put(name, shared.analyze(name, text)));

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        long seed = t;
        done.add(pool.submit(() -> {
          List<String> order = new ArrayList<>(inputs.keySet());
          int compared = 0;
          for (int round = 0; round < ROUNDS; round++) {
            Collections.shuffle(order, new Random(seed * 31 + round));
            for (String name : order) {
              assertEquals(sequential.get(name), shared.analyze(name, inputs.get(name)), name);
              compared++;
            }
          }
          return compared;
        }));
      }
      int compared = 0;
      for (Future<Integer> f : done) {
        compared += f.get();
      }
      assertEquals(THREADS * ROUNDS * inputs.size(), compared);
      System.out.printf("[threads] %d threads × %d rounds × %d inputs: %d analyses equal to the sequential ones%n",
          THREADS, ROUNDS, inputs.size(), compared);
    } finally {
      pool.shutdownNow();
    }
  }

  /** The project's examples and the parsers' golden inputs, and the shared corpus's real texts when present. */
  private static Map<String, String> inputs() throws IOException {
    Map<String, String> inputs = new LinkedHashMap<>();
    inputs.put("pytorch-custom-classes.txt", EmbeddingTest.text("pytorch-custom-classes.txt"));
    inputs.put("keras-custom-layer.txt", EmbeddingTest.text("keras-custom-layer.txt"));
    for (Path dir : List.of(Path.of("examples"), Path.of("parser-keras/src/test/resources/golden"),
        Path.of("parser-pytorch/src/test/resources"), Path.of(System.getProperty("layercount.corpus", "-"), "real"))) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".txt") && !f.toString().contains("target")).sorted().toList()) {
          inputs.put(file.toString(), new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        }
      }
    }
    return inputs;
  }
}
