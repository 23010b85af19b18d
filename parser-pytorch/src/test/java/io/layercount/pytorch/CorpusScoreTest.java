package io.layercount.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.layercount.core.Analysis;
import io.layercount.core.LayerCount;
import io.layercount.core.Severity;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The team's heartbeat: every printout of the corpus against what the framework itself counted
 * ({@code truth.jsonl}). Prints a score table; asserts what the foundation promises (every printout
 * parses, leaves and modules are right, no exact total is wrong, no lower bound is too high).
 */
class CorpusScoreTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void scoreAgainstTruth() throws IOException {
    Path corpus = Path.of(System.getProperty("layercount.corpus", "../../shared/corpus"), "pytorch");
    assumeTrue(Files.isRegularFile(corpus.resolve("truth.jsonl")),
        "corpus not found at " + corpus + " (set -Dlayercount.corpus); skipping the score table");
    LayerCount lc = LayerCount.standard();
    Score s = new Score();
    long bytes = 0;
    long start = System.nanoTime();
    try (BufferedReader r = Files.newBufferedReader(corpus.resolve("truth.jsonl"), StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        JsonNode truth = JSON.readTree(line);
        Path file = corpus.resolve(truth.get("file").asText());
        String text = Files.readString(file);
        bytes += text.length();
        List<Analysis> results = lc.analyze(file.toString(), text);
        s.add(truth, results);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.println(s.table());
    System.out.printf(Locale.ROOT, "analysed %d printouts, %.1f MB in %.2f s%n", s.files, bytes / 1e6, seconds);

    assertEquals(s.files, s.parsed, "printouts that parse: " + s.firstFailures(s.parseFailures));
    assertEquals(s.files, s.leaves, "leaves equal the truth: " + s.firstFailures(s.leafFailures));
    assertEquals(s.files, s.modules, "modules equal the truth: " + s.firstFailures(s.moduleFailures));
    assertTrue(s.wrongExact.isEmpty(), "totals called exact that differ from params: " + s.firstFailures(s.wrongExact));
    assertTrue(s.boundTooHigh.isEmpty(), "lower bounds above params: " + s.firstFailures(s.boundTooHigh));
  }

  /** Counts per measure, with the first failures of each kept for the message. */
  private static final class Score {
    int files;
    int parsed;
    int leaves;
    int modules;
    int exact;
    int withinHalfPercent;
    int depthKnown;
    int depthRight;
    int tiedKnown;
    int tiedRight;
    int blocksKnown;
    int blocksRight;
    final List<String> parseFailures = new ArrayList<>();
    final List<String> leafFailures = new ArrayList<>();
    final List<String> moduleFailures = new ArrayList<>();
    final List<String> wrongExact = new ArrayList<>();
    final List<String> boundTooHigh = new ArrayList<>();
    final TreeMap<String, Integer> depthMissesBySource = new TreeMap<>();

    void add(JsonNode truth, List<Analysis> results) {
      files++;
      String file = truth.get("file").asText();
      Analysis a = results.get(0);
      boolean ok = results.size() == 1 && a.ok()
          && a.diagnostics().stream().noneMatch(d -> d.severity() == Severity.ERROR);
      if (!ok) {
        parseFailures.add(file + " " + a.diagnostics());
        return;
      }
      parsed++;
      if (a.layers().leaves() == truth.get("leaves").asInt()) {
        leaves++;
      } else {
        leafFailures.add(file + " leaves " + a.layers().leaves() + " != " + truth.get("leaves").asInt());
      }
      if (a.layers().modules() == truth.get("modules").asInt()) {
        modules++;
      } else {
        moduleFailures.add(file + " modules " + a.layers().modules() + " != " + truth.get("modules").asInt());
      }
      long params = truth.get("params").asLong();
      long total = a.parameters().total();
      if (a.parameters().exact()) {
        exact++;
        if (total != params) {
          wrongExact.add(file + " exact " + total + " != " + params);
        }
      } else if (total > params) {
        boundTooHigh.add(file + " bound " + total + " > " + params);
      }
      if (Math.abs(total - params) <= params * 0.005) {
        withinHalfPercent++;
      }
      JsonNode depth = truth.get("depth");
      if (depth != null && !depth.isNull()) {
        depthKnown++;
        Integer d = a.layers().depth();
        if (d != null && d == depth.asInt()) {
          depthRight++;
        } else {
          depthMissesBySource.merge(file.substring(0, file.indexOf('/')), 1, Integer::sum);
        }
      }
      long unique = truth.get("paramsUnique").asLong();
      if (unique != params) {
        tiedKnown++;
        Long dedup = a.parameters().deduplicated();
        if (dedup != null && dedup == unique) {
          tiedRight++;
        }
      }
      int mainStack = 0;
      for (JsonNode stack : truth.get("stacks")) {
        mainStack = Math.max(mainStack, stack.get(2).asInt());
      }
      if (mainStack > 0) {
        blocksKnown++;
        if (a.layers().blocks() != null && a.layers().blocks() == mainStack) {
          blocksRight++;
        }
      }
    }

    String firstFailures(List<String> failures) {
      return failures.size() + " " + failures.subList(0, Math.min(5, failures.size()));
    }

    String table() {
      StringBuilder sb = new StringBuilder("\n== layercount corpus score (pytorch printouts) ==\n");
      row(sb, "parse without error", parsed, files);
      row(sb, "leaves = truth", leaves, files);
      row(sb, "modules = truth", modules, files);
      row(sb, "parameters exact", exact, files);
      row(sb, "exact but wrong (must be 0)", wrongExact.size(), files);
      row(sb, "bound above params (must be 0)", boundTooHigh.size(), files);
      row(sb, "total within 0.5% of params", withinHalfPercent, files);
      row(sb, "depth = traced depth", depthRight, depthKnown);
      row(sb, "deduplicated = paramsUnique", tiedRight, tiedKnown);
      row(sb, "blocks = longest stack", blocksRight, blocksKnown);
      sb.append(String.format(Locale.ROOT, "  depth misses by source: %s%n", depthMissesBySource));
      return sb.toString();
    }

    private static void row(StringBuilder sb, String what, int n, int of) {
      sb.append(String.format(Locale.ROOT, "  %-32s %5d / %-5d %6.1f%%%n", what, n, of, of == 0 ? 0.0 : 100.0 * n / of));
    }
  }
}
