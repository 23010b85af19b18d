package io.layercount.pytorch.table;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.layercount.core.Analysis;
import io.layercount.core.LayerCount;
import io.layercount.core.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Every torchinfo / torchsummary table of the corpus ({@code peer/torchinfo/*.out} and
 * {@code real/torch{info,summary}-*.txt}) end to end through {@link LayerCount#standard()}, against
 * the totals their manifests state: one analysis per table, {@code index} in order, the format
 * named, {@code parameters.stated} equal to the footer, and {@code parameters.total} equal to it or
 * a warning that says why. Prints a score table.
 */
class TableCorpusScoreTest {
  private static final String DIFFERENCE = "the layers' parameter counts add up to ";

  private final List<String> failures = new ArrayList<>();
  private int files;
  private int tables;
  private int found;
  private int statedRight;
  private int totalEqual;
  private int explained;
  private int exact;
  private int macsStated;
  private int bounded;

  @Test
  void scoreTheTables() throws IOException {
    String corpus = System.getProperty("layercount.corpus");
    Path root = corpus == null ? null : Path.of(corpus);
    assumeTrue(root != null && Files.isDirectory(root.resolve("peer/torchinfo")),
        "shared corpus not found (layercount.corpus = " + corpus + "): table score skipped");
    LayerCount lc = LayerCount.standard();
    score(lc, root.resolve("peer/torchinfo"), line -> true);
    score(lc, root.resolve("real"), line -> line.startsWith("torchinfo-") || line.startsWith("torchsummary-"));
    System.out.println(table());
    assertTrue(failures.isEmpty(), failures.size() + " failure(s): " + failures.subList(0, Math.min(8, failures.size())));
  }

  private void score(LayerCount lc, Path dir, java.util.function.Predicate<String> take) throws IOException {
    List<String> manifest = Files.readAllLines(dir.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8);
    int totalColumn = List.of(manifest.get(0).split("\t")).indexOf("stated_total_params");
    for (String line : manifest.subList(1, manifest.size())) {
      String[] f = line.split("\t", -1);
      if (line.isBlank() || !take.test(line)) {
        continue;
      }
      files++;
      List<String> stated = List.of(f[totalColumn].split(", "));
      tables += stated.size();
      List<Analysis> results = lc.analyze(f[0], Files.readString(dir.resolve(f[0]), StandardCharsets.UTF_8));
      if (results.size() != stated.size()) {
        failures.add(f[0] + ": " + results.size() + " analyses for " + stated.size() + " tables");
        continue;
      }
      for (int i = 0; i < results.size(); i++) {
        check(f[0], i, results.get(i), count(stated.get(i)));
      }
    }
  }

  private void check(String file, int i, Analysis a, long footer) {
    String where = file + "#" + i;
    boolean formatRight = "torchinfo".equals(a.format()) || "torchsummary".equals(a.format());
    if (!a.ok() || a.index() != i || !formatRight) {
      failures.add(where + ": ok=" + a.ok() + " index=" + a.index() + " format=" + a.format());
      return;
    }
    found++;
    exact += a.parameters().exact() ? 1 : 0;
    macsStated += a.macs().stated() != null ? 1 : 0;
    if (!a.layers().lowerBounds().isEmpty()) {
      bounded++;
      // the text hides layers ("... may be too small"), or an error: a number may be missing
      if (a.diagnostics().stream().noneMatch(d -> d.severity() == Severity.ERROR || d.message().contains("may be too small"))) {
        failures.add(where + ": layer counts " + a.layers().lowerBounds() + " called lower bounds, no diagnostic says why");
      }
    }
    if (a.parameters().stated() == null || a.parameters().stated().total() == null
        || a.parameters().stated().total() != footer) {
      failures.add(where + ": stated " + a.parameters().stated() + " != footer " + footer);
      return;
    }
    statedRight++;
    long total = a.parameters().total();
    if (total == footer) {
      totalEqual++;
    } else if (a.diagnostics().stream().anyMatch(d -> d.severity() == Severity.WARNING
        && d.message().startsWith(DIFFERENCE + String.format(Locale.ROOT, "%,d", total)))) {
      explained++;
      if (a.parameters().exact() && total < footer) {
        failures.add(where + ": exact " + total + " below the footer's " + footer);
      }
    } else {
      failures.add(where + ": total " + total + " != footer " + footer + " and no warning says why");
    }
  }

  /** A manifest count: {@code 21,840}, or {@code 27049 (105.66 KB)} with the size a footer adds. */
  private static long count(String cell) {
    return Long.parseLong(cell.replaceAll(" \\(.*", "").replace(",", "").trim());
  }

  private String table() {
    StringBuilder b = new StringBuilder("\n== layercount corpus score (torchinfo / torchsummary tables) ==\n");
    b.append(String.format(Locale.ROOT, "  %d files, %d tables%n", files, tables));
    row(b, "tables found (ok, index, format)", found, tables);
    row(b, "parameters.stated = footer", statedRight, tables);
    row(b, "parameters.total = footer", totalEqual, tables);
    row(b, "total differs, a warning says why", explained, tables);
    row(b, "total called exact", exact, tables);
    row(b, "macs.stated from the footer", macsStated, tables);
    row(b, "layer counts lower bounds, saying why", bounded, tables);
    return b.toString();
  }

  private static void row(StringBuilder b, String what, int n, int of) {
    b.append(String.format(Locale.ROOT, "  %-36s %4d / %-4d %6.1f%%%n", what, n, of, of == 0 ? 0.0 : 100.0 * n / of));
  }
}
