package io.layercount.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.layercount.core.Analysis;
import io.layercount.core.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line with a stand-in for the library: texts holding "MODEL" give an analysis (one
 * per "MODEL"), "CRASH" makes the library throw, anything else gives no model. This checks input
 * handling, exit codes and stream separation apart from the parsers and the counting engine.
 */
class CliTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final List<String> analysed = new ArrayList<>();

  private final Cli cli = new Cli((name, bytes) -> {
    analysed.add(name);
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.contains("CRASH")) {
      throw new IllegalStateException("boom");
    }
    List<Analysis> out = new ArrayList<>();
    int at = text.indexOf("MODEL");
    while (at >= 0) {
      out.add(withIndex(Analyses.resnet18(), out.size()));
      at = text.indexOf("MODEL", at + 1);
    }
    if (out.isEmpty()) {
      out.add(Analysis.failed(0, null, List.of(Diagnostic.error(2, 3, "no model found"))));
    }
    return out;
  });

  @TempDir Path dir;

  private static Analysis withIndex(Analysis a, int index) {
    return new Analysis(index, a.format(), a.ok(), a.model(), a.parameters(), a.layers(), a.byType(),
        List.of(Diagnostic.warning(1, 1, "a warning")), a.network(), a.explanation());
  }

  private Path file(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  private static List<JsonNode> jsonLines(String out) throws IOException {
    List<JsonNode> objects = new ArrayList<>();
    for (String line : out.split("\n")) {
      objects.add(MAPPER.readTree(line));
    }
    return objects;
  }

  @Test
  void usageErrorExitsWithTwoAndWritesOnlyToStderr() {
    Run run = Run.of(cli::run, "", "--no-such-option", "x.txt");
    assertEquals(2, run.status());
    assertEquals("", run.out());
    assertTrue(run.err().contains("--help"), run.err());
    assertEquals(List.of(), analysed);
  }

  @Test
  void noInputIsAUsageError() {
    Run run = Run.of(cli::run, "", "--json");
    assertEquals(2, run.status());
    assertEquals("", run.out());
  }

  @Test
  void helpExplainsExitCodesAndExamples() {
    Run run = Run.of(cli::run, "", "--help");
    assertEquals(0, run.status());
    assertTrue(run.out().startsWith("Usage: layercount [options] FILE..."), run.out());
    for (String must : List.of("--json", "--quiet", "--version", "Exit status", "Examples", "standard input")) {
      assertTrue(run.out().contains(must), "help mentions " + must);
    }
    assertEquals("", run.err());
  }

  @Test
  void helpStartsEveryOptionsDescriptionInOneColumnApartFromItsNames() {
    String out = Run.of(cli::run, "", "--help").out();
    String options = out.substring(out.indexOf("Options:\n") + "Options:\n".length(), out.indexOf("\n\nExamples:"));
    Set<Integer> columns = new TreeSet<>();
    for (String line : options.split("\n")) {
      if (line.trim().startsWith("-")) {
        // names, at least two spaces, then the description (was "--max-nesting-depth Nat most")
        Matcher m = Pattern.compile("^ +(-\\S*(?: -\\S+)?(?: [A-Za-z]+)?) {2,}\\S").matcher(line);
        assertTrue(m.find(), "names and description run together: " + line);
        columns.add(m.end() - 1);
      }
    }
    assertEquals(1, columns.size(), "description columns " + columns + " in\n" + options);
  }

  @Test
  void versionNamesTheBuiltVersion() {
    Run run = Run.of(cli::run, "", "--version");
    assertEquals(0, run.status());
    assertTrue(run.out().matches("layercount \\d+\\.\\d+\\.\\d+\\S*\n"), run.out());
  }

  @Test
  void everyInputAnalysedExitsWithZero() throws IOException {
    Run run = Run.of(cli::run, "", "--json", file("a.txt", "MODEL").toString());
    assertEquals(0, run.status());
    assertTrue(jsonLines(run.out()).get(0).get("ok").asBoolean());
  }

  @Test
  void aMissingFileGivesAFailedObjectAndExitOne() throws IOException {
    String missing = dir.resolve("missing.txt").toString();
    Run run = Run.of(cli::run, "", "--json", missing);
    assertEquals(1, run.status());
    JsonNode json = jsonLines(run.out()).get(0);
    assertEquals(missing, json.get("file").asText());
    assertFalse(json.get("ok").asBoolean());
    assertEquals("error", json.at("/diagnostics/0/severity").asText());
    assertEquals("no such file", json.at("/diagnostics/0/message").asText());
    assertEquals(missing + ": error: no such file\n", run.err());
    assertFalse(run.err().contains("Exception"), "no stack trace");
  }

  @Test
  void anImpossibleFileNameIsReportedNotThrown() throws IOException {
    Run run = Run.of(cli::run, "", "--json", "bad\u0000name.txt");
    assertEquals(1, run.status());
    assertEquals("is not a valid file name on this system", jsonLines(run.out()).get(0).at("/diagnostics/0/message").asText());
  }

  @Test
  void oneBadInputNeverStopsTheOthers() throws IOException {
    String good = file("good.txt", "MODEL").toString();
    String crash = file("crash.txt", "CRASH").toString();
    String none = file("none.txt", "hello\nworld\n").toString();
    Run run = Run.of(cli::run, "", "--json", crash, dir.resolve("missing.txt").toString(), none, good);
    assertEquals(1, run.status());
    List<JsonNode> objects = jsonLines(run.out());
    assertEquals(4, objects.size());
    assertEquals(List.of(false, false, false, true), objects.stream().map(o -> o.get("ok").asBoolean()).toList());
    assertTrue(objects.get(0).at("/diagnostics/0/message").asText().startsWith("internal error"));
    assertEquals(good, objects.get(3).get("file").asText());
  }

  @Test
  void severalSummariesInOneFileGiveOneObjectEachInOrder() throws IOException {
    Run run = Run.of(cli::run, "", "--json", file("log.txt", "MODEL\nMODEL\n").toString());
    assertEquals(0, run.status());
    List<JsonNode> objects = jsonLines(run.out());
    assertEquals(List.of(0, 1), objects.stream().map(o -> o.get("index").asInt()).toList());
  }

  @Test
  void standardInputIsReadForADash() throws IOException {
    Run run = Run.of(cli::run, "MODEL", "--json", "-");
    assertEquals(0, run.status());
    assertEquals("-", jsonLines(run.out()).get(0).get("file").asText());
    assertEquals(List.of("-"), analysed);
  }

  @Test
  void standardInputIsReadOnlyOnce() throws IOException {
    Run run = Run.of(cli::run, "MODEL", "--json", "-", "-");
    assertEquals(1, run.status());
    List<JsonNode> objects = jsonLines(run.out());
    assertTrue(objects.get(0).get("ok").asBoolean());
    assertFalse(objects.get(1).get("ok").asBoolean());
    assertEquals(List.of("-"), analysed);
  }

  @Test
  void aDirectoryGivesItsTextFilesInNameOrder() throws IOException {
    file("d/b.txt", "MODEL");
    file("d/a.txt", "MODEL");
    file("d/.hidden", "MODEL");
    file("d/sub/c.txt", "MODEL");
    Files.write(dir.resolve("d/weights.bin"), new byte[] {'M', 0, 1, 2});
    Run run = Run.of(cli::run, "", "--json", dir.resolve("d").toString());
    assertEquals(0, run.status());
    assertEquals(List.of(dir.resolve("d/a.txt").toString(), dir.resolve("d/b.txt").toString()), analysed);
  }

  @Test
  void aDirectoryWithoutTextFilesIsNotAnalysed() throws IOException {
    Files.createDirectories(dir.resolve("empty"));
    Run run = Run.of(cli::run, "", "--json", dir.resolve("empty").toString());
    assertEquals(1, run.status());
    JsonNode json = jsonLines(run.out()).get(0);
    assertFalse(json.get("ok").asBoolean());
    assertTrue(json.at("/diagnostics/0/message").asText().contains("directory"));
  }

  @Test
  void diagnosticsGoToStderrWithTheSourceLineAndACaret() throws IOException {
    String none = file("none.txt", "hello\nworld\n").toString();
    Run run = Run.of(cli::run, "", none);
    assertEquals(1, run.status());
    assertEquals(none + ":2:3: error: no model found\nworld\n  ^\n", run.err());
    assertFalse(run.out().contains("world"), "stdout holds the report only");
  }

  @Test
  void jsonOutputIsNothingButJsonLines() throws IOException {
    String none = file("none.txt", "hello\nworld\n").toString();
    Run run = Run.of(cli::run, "", "--json", none, file("a.txt", "MODEL").toString());
    for (String line : run.out().split("\n")) {
      assertTrue(MAPPER.readTree(line).isObject(), line);
    }
    assertTrue(run.err().contains(": warning: a warning"), run.err());
    assertTrue(run.err().contains(": error: no model found"), run.err());
  }

  @Test
  void quietKeepsStderrEmptyButTheJsonKeepsTheDiagnostics() throws IOException {
    Run run = Run.of(cli::run, "", "--json", "--quiet", file("none.txt", "hello\nworld\n").toString());
    assertEquals(1, run.status());
    assertEquals("", run.err());
    assertEquals("no model found", jsonLines(run.out()).get(0).at("/diagnostics/0/message").asText());
  }

  @Test
  void humanReportsAreSeparatedByABlankLine() throws IOException {
    String a = file("a.txt", "MODEL").toString();
    String b = file("b.txt", "MODEL").toString();
    Run run = Run.of(cli::run, "", "-q", a, b);
    assertEquals(0, run.status());
    String one = TextReport.render(a, withIndex(Analyses.resnet18(), 0), false);
    String two = TextReport.render(b, withIndex(Analyses.resnet18(), 0), false);
    assertEquals(one + "\n" + two, run.out());
  }
}
