package io.layercount.core;

import io.layercount.core.internal.Analyzer;
import io.layercount.core.model.Network;
import io.layercount.core.spi.ParseResult;
import io.layercount.core.spi.Source;
import io.layercount.core.spi.SummaryParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The entry point: text in, one {@link Analysis} per model found out. Immutable and thread-safe.
 *
 * <pre>{@code
 * LayerCount lc = LayerCount.standard();
 * Analysis a = lc.analyze("resnet18.txt", text).get(0);
 * System.out.println(a.layers().depth() + " layers, " + a.parameters().total() + " parameters");
 * }</pre>
 */
public final class LayerCount {
  private final List<SummaryParser> parsers;
  private final Analyzer analyzer;

  private LayerCount(List<SummaryParser> parsers, Analyzer analyzer) {
    this.parsers = List.copyOf(parsers);
    this.analyzer = analyzer;
  }

  /** Every parser on the class path (found with {@link ServiceLoader}) and the built-in rules. */
  public static LayerCount standard() {
    List<SummaryParser> found = new ArrayList<>();
    for (SummaryParser p : ServiceLoader.load(SummaryParser.class, LayerCount.class.getClassLoader())) {
      found.add(p);
    }
    return new LayerCount(found, Analyzer.standard());
  }

  /** With exactly these parsers and the built-in rules. */
  public static LayerCount withParsers(List<SummaryParser> parsers) {
    return new LayerCount(parsers, Analyzer.standard());
  }

  /**
   * The same parsers, with tensors sized by the input image (a ViT's position table) computed for
   * {@code inputSize}: totals that rest on it are exact given that input, and say so in
   * {@link Analysis.Parameters#assumptions()}.
   */
  public LayerCount withInputSize(InputSize inputSize) {
    return new LayerCount(parsers, inputSize == null ? Analyzer.standard() : Analyzer.withInputSize(inputSize));
  }

  /** The parsers this instance chooses from. */
  public List<SummaryParser> parsers() {
    return parsers;
  }

  /** Analyses a file; reads it as UTF-8 (malformed bytes are replaced and reported by the parser). */
  public List<Analysis> analyze(Path path) throws IOException {
    byte[] bytes = Files.readAllBytes(path);
    return analyze(path.toString(), new String(bytes, StandardCharsets.UTF_8));
  }

  /** Analyses {@code text}; {@code name} is only used in diagnostics. Never throws on bad input. */
  public List<Analysis> analyze(String name, String text) {
    Source source = Source.of(name, text);
    SummaryParser parser = choose(source);
    if (parser == null) {
      List<Diagnostic> diags = new ArrayList<>(source.repairs());
      diags.add(Diagnostic.error(firstNonBlankLine(source), 1, source.lines().stream().allMatch(Source.Line::isBlank)
          ? "the input is empty: no model to count"
          : "no model found: the text is not a PyTorch printout or a summary table that layercount reads"));
      return List.of(Analysis.failed(0, null, diags));
    }
    ParseResult result = parser.parse(source);
    List<Analysis> out = new ArrayList<>();
    int index = 0;
    for (Network network : result.networks()) {
      List<Diagnostic> shared = new ArrayList<>(source.repairs());
      if (index == 0) {
        shared.addAll(result.diagnostics());
      }
      out.add(analyzer.analyze(network, index++, shared));
    }
    if (out.isEmpty()) {
      List<Diagnostic> diags = new ArrayList<>(source.repairs());
      diags.addAll(result.diagnostics());
      if (diags.stream().noneMatch(d -> d.severity() == Severity.ERROR)) {
        diags.add(Diagnostic.error(firstNonBlankLine(source), 1, "no model found in the text"));
      }
      out.add(Analysis.failed(0, parser.family(), diags));
    }
    return out;
  }

  private SummaryParser choose(Source source) {
    SummaryParser best = null;
    double bestScore = 0;
    for (SummaryParser p : parsers) {
      double score = p.detect(source);
      if (score > bestScore) {
        best = p;
        bestScore = score;
      }
    }
    return best;
  }

  private static int firstNonBlankLine(Source source) {
    for (Source.Line l : source.lines()) {
      if (!l.isBlank()) {
        return l.number();
      }
    }
    return 1;
  }
}
