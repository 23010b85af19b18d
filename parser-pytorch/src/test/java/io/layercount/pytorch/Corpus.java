package io.layercount.pytorch;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The shared corpus of 1,136 printouts; tests using it skip when it is absent. */
final class Corpus {
  private Corpus() {}

  /** {@code pytorch/} of the corpus, or a skipped test. */
  static Path pytorchDir() {
    String dir = System.getProperty("layercount.corpus");
    assumeTrue(dir != null && Files.isDirectory(Path.of(dir, "pytorch")),
        "shared corpus not found (system property layercount.corpus = " + dir + "): corpus test skipped");
    return Path.of(dir, "pytorch");
  }

  /** Every printout under {@code pytorch/}, as paths relative to it, sorted. */
  static List<Path> printouts(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".txt"))
          .map(dir::relativize)
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
