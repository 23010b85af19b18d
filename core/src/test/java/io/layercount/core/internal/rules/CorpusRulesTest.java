package io.layercount.core.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.layercount.core.testing.Corpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The checked-in {@code torch-corpus.json} is exactly what {@link CorpusRulesGenerator} derives from
 * the corpus; with {@code -Dlayercount.regenerate=true} it rewrites the file instead.
 */
class CorpusRulesTest {
  private static final Path RESOURCE = Path.of("src/main/resources/io/layercount/core/rules/torch-corpus.json");

  @Test
  void generatedRowsAreUpToDate() throws Exception {
    String generated = CorpusRulesGenerator.generate(Corpus.printouts());
    if (Boolean.getBoolean("layercount.regenerate")) {
      Files.writeString(RESOURCE, generated, StandardCharsets.UTF_8);
    }
    assertEquals(generated, Files.readString(RESOURCE, StandardCharsets.UTF_8),
        "torch-corpus.json is stale: rerun with -Dlayercount.regenerate=true");
  }
}
