package io.layercount.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.LayerCount;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files for the Markdown, DOT and Mermaid views: {@code views/<example>.<md|dot|mmd>} is
 * what the real tool prints for {@code examples/<example>.txt}. Cases are discovered from the
 * folder; every golden file must name a shipped example and a known view. Run with
 * {@code -Dlayercount.golden.write=true} to rewrite them after a deliberate change (then read the diff).
 */
class ViewGoldenTest {
  static final Path EXAMPLES = Path.of(System.getProperty("basedir", ".")).resolve("../examples").normalize();
  private static final Set<String> EXTENSIONS = Set.of("md", "dot", "mmd");

  static Path goldenDir() throws URISyntaxException {
    return Path.of(ViewGoldenTest.class.getResource("views").toURI());
  }

  static Stream<String> goldenFiles() throws IOException, URISyntaxException {
    try (Stream<Path> files = Files.list(goldenDir())) {
      return files.map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenFiles")
  void viewMatchesItsGoldenFile(String golden) throws IOException, URISyntaxException {
    String rendered = render(golden);
    Path file = goldenDir().resolve(golden);
    if (Boolean.getBoolean("layercount.golden.write")) {
      Path source = EXAMPLES.resolve("../cli/src/test/resources/io/layercount/cli/views").resolve(golden).normalize();
      Files.writeString(source, rendered, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), rendered);
  }

  @Test
  void everyGoldenFileNamesAShippedExampleAndAView() throws IOException, URISyntaxException {
    List<String> unmatched = goldenFiles().filter(g -> !EXTENSIONS.contains(extension(g))
        || !Files.isRegularFile(EXAMPLES.resolve(example(g) + ".txt"))).toList();
    assertEquals(List.of(), unmatched, "golden files without an example or a view");
  }

  @Test
  void everyViewHasAGoldenFileForResNet18AndLlama() throws IOException, URISyntaxException {
    List<String> all = goldenFiles().toList();
    for (String example : List.of("resnet18", "llama-causal-lm")) {
      for (String ext : EXTENSIONS) {
        assertTrue(all.contains(example + "." + ext), "missing golden file views/" + example + "." + ext);
      }
    }
  }

  /** The view of the golden file's example, the file named as the README names it. */
  static String render(String golden) throws IOException {
    String name = "examples/" + example(golden) + ".txt";
    String text = Files.readString(EXAMPLES.resolve(example(golden) + ".txt"), StandardCharsets.UTF_8);
    List<Analysis> analyses = LayerCount.standard().analyze(name, text);
    assertEquals(1, analyses.size(), name);
    Analysis a = analyses.get(0);
    return switch (extension(golden)) {
      case "md" -> MarkdownReport.render(name, a, false);
      case "dot" -> DotRenderer.render(name, a);
      case "mmd" -> MermaidRenderer.render(name, a);
      default -> throw new IllegalArgumentException("no view for " + golden);
    };
  }

  private static String example(String golden) {
    return golden.substring(0, golden.lastIndexOf('.'));
  }

  private static String extension(String golden) {
    return golden.substring(golden.lastIndexOf('.') + 1);
  }
}
