package io.layercount.cli.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The texts fuzzing starts from: the project's own fixtures (so that it runs in a fresh clone) and,
 * when the shared corpus is present, its PyTorch printouts, the published texts of {@code real/}
 * and torchinfo's expected outputs. Sorted by path, so that a seed picks the same texts everywhere.
 */
final class FuzzSeeds {
  /** Where the project's fixtures are, from the {@code cli} module's directory. */
  private static final List<String> FIXTURES = List.of("../examples", "../parser-pytorch/src/test/resources",
      "../parser-keras/src/test/resources", "../cli/src/test/resources/io", "src/test/resources/hostile");
  private static final List<String> CORPUS = List.of("pytorch", "real", "peer/torchinfo");
  /** Larger texts only make a case slower, not more hostile. */
  private static final long MAX_BYTES = 24 * 1024;

  private FuzzSeeds() {}

  /** Every seed text; never empty (the fixtures are part of the project). */
  static List<String> all() {
    List<Path> files = new ArrayList<>();
    FIXTURES.forEach(dir -> files.addAll(textFiles(Path.of(dir))));
    String corpus = System.getProperty("layercount.corpus");
    if (corpus != null) {
      CORPUS.forEach(dir -> files.addAll(textFiles(Path.of(corpus, dir))));
    }
    List<String> texts = new ArrayList<>();
    for (Path p : files) {
      texts.add(read(p));
    }
    return texts;
  }

  /** Whether the shared corpus was found (the report says so). */
  static boolean corpusPresent() {
    String corpus = System.getProperty("layercount.corpus");
    return corpus != null && Files.isDirectory(Path.of(corpus, "pytorch"));
  }

  private static List<Path> textFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      // build output (a module's target/test-classes) copies fixtures: a fresh clone has none, so
      // counting them would give other cases for the same seed than CI runs
      return walk.filter(Files::isRegularFile)
          .filter(p -> !dir.relativize(p).toString().replace('\\', '/').matches("(.*/)?target/.*"))
          .filter(p -> p.toString().endsWith(".txt") || p.toString().endsWith(".out"))
          .filter(p -> size(p) <= MAX_BYTES)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path p) {
    try {
      return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
