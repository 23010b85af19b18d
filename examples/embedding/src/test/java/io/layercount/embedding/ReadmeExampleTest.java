package io.layercount.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's library example is {@link ReadmeExample}'s, line for line, and it runs: on the class
 * path, and on the module path, where the parsers are found only through their modules'
 * {@code provides} clauses. Runs from the top of the project (see this module's pom).
 */
class ReadmeExampleTest {
  private static final String EXPECTED = "ResNet: depth 18, 11689512 parameters" + System.lineSeparator();
  private static final Path SOURCE = Path.of("examples/embedding/src/main/java/io/layercount/embedding/ReadmeExample.java");

  @Test
  void readmeShowsTheExampleVerbatim() throws IOException {
    List<String> readme = Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8);
    int section = readme.indexOf("## Use it as a library");
    assertTrue(section >= 0, "README has no library section");
    int start = readme.subList(section, readme.size()).indexOf("```java") + section + 1;
    int end = readme.subList(start, readme.size()).indexOf("```") + start;
    assertEquals(exampleLines(), readme.subList(start, end));
    assertEquals(5, end - start, "the README example is five lines");
  }

  @Test
  void packageJavadocShowsTheExample() throws IOException {
    List<String> doc = Files.readAllLines(Path.of("core/src/main/java/io/layercount/core/package-info.java"))
        .stream().map(l -> l.startsWith(" * ") ? l.substring(3) : l).collect(Collectors.toList());
    assertTrue(containsRun(doc, exampleLines()),
        "package-info.java's example differs from the README's:\n" + String.join("\n", exampleLines()));
  }

  @Test
  void runsOnTheClassPath() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      ReadmeExample.main(new String[0]);
    } finally {
      System.setOut(saved);
    }
    assertEquals(EXPECTED, bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void runsOnTheModulePath() throws IOException, InterruptedException {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    // everything but the tests: this module, core, the parsers and Jackson, each a named module
    String modulePath = Arrays.stream(classPath.split(File.pathSeparator))
        .filter(p -> !p.endsWith("test-classes") && !p.contains("junit") && !p.contains("opentest4j")
            && !p.contains("apiguardian") && !p.contains("surefire"))
        .collect(Collectors.joining(File.pathSeparator));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(java.toString(), "--module-path", modulePath,
        "--module", "io.layercount.embedding/io.layercount.embedding.ReadmeExample")
        .redirectErrorStream(true).start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the module-path run did not finish");
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(EXPECTED, output, "module path: " + modulePath);
    assertEquals(0, process.exitValue());
  }

  private static List<String> exampleLines() throws IOException {
    List<String> source = Files.readAllLines(SOURCE, StandardCharsets.UTF_8);
    int begin = indexOfTrimmed(source, "// README example begin");
    int end = indexOfTrimmed(source, "// README example end");
    return deindent(source.subList(begin + 1, end));
  }

  private static int indexOfTrimmed(List<String> lines, String text) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).trim().equals(text)) {
        return i;
      }
    }
    throw new AssertionError("no line '" + text + "' in " + SOURCE);
  }

  /** The lines with the indent common to the non-blank ones removed. */
  private static List<String> deindent(List<String> lines) {
    int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
        .min().orElse(0);
    List<String> out = new ArrayList<>();
    lines.forEach(l -> out.add(l.isBlank() ? "" : l.substring(indent)));
    return out;
  }

  /** Whether {@code run} occurs in {@code lines} as consecutive lines, after an indent common to them. */
  private static boolean containsRun(List<String> lines, List<String> run) {
    for (int i = 0; i + run.size() <= lines.size(); i++) {
      if (deindent(lines.subList(i, i + run.size())).equals(run)) {
        return true;
      }
    }
    return false;
  }
}
