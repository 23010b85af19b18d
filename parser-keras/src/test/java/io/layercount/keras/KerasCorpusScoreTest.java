package io.layercount.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.layercount.core.Analysis;
import io.layercount.core.LayerCount;
import io.layercount.core.Severity;
import io.layercount.core.model.Network;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Keras text of the corpus ({@code real/keras*.txt}) end to end through
 * {@link LayerCount#standard()}: each is analysed; the layers' sum equals the footer's trainable +
 * non-trainable, or a warning says why; no total that differs from the footer is called exact.
 * Prints a score table.
 */
class KerasCorpusScoreTest {
  private static final String DIFFERENCE = "the layers' parameter counts add up to ";

  @Test
  void scoreTheKerasTexts() throws IOException {
    String corpus = System.getProperty("layercount.corpus");
    Path real = corpus == null ? null : Path.of(corpus, "real");
    assumeTrue(real != null && Files.isDirectory(real), "shared corpus not found (layercount.corpus = " + corpus
        + "): Keras score table skipped");
    List<Path> files;
    try (Stream<Path> s = Files.list(real)) {
      files = s.filter(p -> p.getFileName().toString().matches("keras.*\\.txt")).sorted().toList();
    }
    LayerCount lc = LayerCount.standard();
    int analysed = 0;
    int withFooter = 0;
    int agree = 0;
    int explained = 0;
    int exact = 0;
    int graph = 0;
    int macs = 0;
    int bounded = 0;
    List<String> failures = new ArrayList<>();
    for (Path file : files) {
      List<Analysis> results = lc.analyze(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
      Analysis a = results.get(0);
      String name = file.getFileName().toString();
      if (results.size() != 1 || !a.ok()) {
        failures.add(name + ": not analysed " + a.diagnostics());
        continue;
      }
      analysed++;
      exact += a.parameters().exact() ? 1 : 0;
      graph += "graph".equals(a.layers().depthBasis()) ? 1 : 0;
      macs += a.macs().estimate() != null ? 1 : 0;
      if (!a.layers().lowerBounds().isEmpty()) {
        bounded++;
        if (!saysWhyCountsAreBounds(a)) {
          failures.add(name + ": layer counts " + a.layers().lowerBounds() + " called lower bounds, no diagnostic says why");
        }
      }
      Network.StatedTotals footer = a.parameters().stated();
      if (footer == null || footer.trainable() == null || footer.nonTrainable() == null) {
        continue;
      }
      withFooter++;
      long model = footer.trainable() + footer.nonTrainable();
      if (a.parameters().total() == model) {
        agree++;
      } else if (a.diagnostics().stream().anyMatch(d -> d.severity() == Severity.WARNING
          && d.message().startsWith(DIFFERENCE + String.format(Locale.ROOT, "%,d", a.parameters().total())))) {
        explained++;
        if (a.parameters().exact() && a.parameters().total() < model) {
          failures.add(name + ": exact " + a.parameters().total() + " below the footer's " + model);
        }
      } else {
        failures.add(name + ": " + a.parameters().total() + " != footer " + model + " and no warning says why");
      }
    }
    System.out.println(table(files.size(), analysed, withFooter, agree, explained, exact, graph, macs, bounded));
    assertTrue(failures.isEmpty(), failures.toString());
    assertEquals(files.size(), analysed);
  }

  private static String table(int files, int analysed, int withFooter, int agree, int explained, int exact, int graph,
      int macs, int bounded) {
    StringBuilder b = new StringBuilder("\n== layercount corpus score (Keras summaries in real/) ==\n");
    row(b, "analysed (ok: true)", analysed, files);
    row(b, "footer states trainable + non-trainable", withFooter, files);
    row(b, "layers' sum = footer", agree, withFooter);
    row(b, "sum differs, a warning says why", explained, withFooter);
    row(b, "total called exact", exact, files);
    row(b, "depth on the graph or the chain", graph, files);
    row(b, "MACs estimated", macs, files);
    row(b, "layer counts lower bounds, saying why", bounded, files);
    return b.toString();
  }

  /**
   * Whether a diagnostic says why layer counts are lower bounds: the text hides layers ("... may be
   * too small"), or an error (a number may be missing).
   */
  static boolean saysWhyCountsAreBounds(Analysis a) {
    return a.diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR || d.message().contains("may be too small"));
  }

  private static void row(StringBuilder b, String what, int n, int of) {
    b.append(String.format(Locale.ROOT, "  %-42s %4d / %-4d %6.1f%%%n", what, n, of, of == 0 ? 0.0 : 100.0 * n / of));
  }
}
