package io.layercount.core;

import io.layercount.core.internal.Analyzer;
import io.layercount.core.internal.Honesty;
import io.layercount.core.internal.ModelSize;
import io.layercount.core.model.Network;
import io.layercount.core.spi.ParseResult;
import io.layercount.core.spi.Source;
import io.layercount.core.spi.SummaryParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * The entry point: text in, one {@link Analysis} per model found out. Immutable and thread-safe.
 *
 * <pre>{@code
 * LayerCount lc = LayerCount.standard();
 * Analysis a = lc.analyze("resnet18.txt", text).get(0);
 * System.out.println(a.layers().depth() + " layers, " + a.parameters().total() + " parameters");
 * }</pre>
 *
 * <p>Every input is read under {@link Limits} ({@link Limits#DEFAULT} unless {@link #withLimits}
 * says otherwise); past one, the analysis says so in an error diagnostic and is never called exact.
 */
public final class LayerCount {
  private final List<SummaryParser> parsers;
  private final Analyzer analyzer;
  private final Limits limits;

  private LayerCount(List<SummaryParser> parsers, Analyzer analyzer, Limits limits) {
    this.parsers = List.copyOf(parsers);
    this.analyzer = analyzer;
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /** Every parser on the class path (found with {@link ServiceLoader}) and the built-in rules. */
  public static LayerCount standard() {
    List<SummaryParser> found = new ArrayList<>();
    for (SummaryParser p : ServiceLoader.load(SummaryParser.class, LayerCount.class.getClassLoader())) {
      found.add(p);
    }
    return new LayerCount(found, Analyzer.standard(), Limits.DEFAULT);
  }

  /** With exactly these parsers and the built-in rules. */
  public static LayerCount withParsers(List<SummaryParser> parsers) {
    return new LayerCount(parsers, Analyzer.standard(), Limits.DEFAULT);
  }

  /** The same parsers and rules under other limits. */
  public LayerCount withLimits(Limits newLimits) {
    return new LayerCount(parsers, analyzer, newLimits);
  }

  /**
   * The same parsers, with tensors sized by the input image (a ViT's position table) computed for
   * {@code inputSize}: totals that rest on it are exact given that input, and say so in
   * {@link Analysis.Parameters#assumptions()}.
   */
  public LayerCount withInputSize(InputSize inputSize) {
    return new LayerCount(parsers, inputSize == null ? Analyzer.standard() : Analyzer.withInputSize(inputSize), limits);
  }

  /** The parsers this instance chooses from. */
  public List<SummaryParser> parsers() {
    return parsers;
  }

  /** The limits every input is read under. */
  public Limits limits() {
    return limits;
  }

  /**
   * Analyses a file, read as {@link DecodedText}. A file too large for {@link Limits#maxInputChars()}
   * is not read at all.
   *
   * @throws IOException when the file cannot be read (missing, a directory, no permission)
   */
  public List<Analysis> analyze(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      byte[] bytes = in.readNBytes(limits.maxInputBytes());
      if (in.read() >= 0) {
        return List.of(tooLarge());
      }
      return analyze(path.toString(), bytes);
    }
  }

  /** Analyses bytes read from a file or a stream, decoded as {@link DecodedText}. Never throws on bad input. */
  public List<Analysis> analyze(String name, byte[] bytes) {
    if (bytes.length > limits.maxInputBytes()) {
      return List.of(tooLarge());
    }
    return analyze(name, DecodedText.of(bytes));
  }

  /** Analyses text decoded by {@link DecodedText}, whose diagnostics join the analyses'. Never throws on bad input. */
  public List<Analysis> analyze(String name, DecodedText decoded) {
    return analyze(name, decoded.text(), decoded.diagnostics());
  }

  /** Analyses {@code text}; {@code name} is only used in diagnostics. Never throws on bad input. */
  public List<Analysis> analyze(String name, String text) {
    return analyze(name, text, List.of());
  }

  private Analysis tooLarge() {
    return Analysis.failed(0, null, List.of(limits.inputTooLarge()));
  }

  private List<Analysis> analyze(String name, String text, List<Diagnostic> decoding) {
    Source source = Source.of(name, text, limits);
    List<Diagnostic> whole = new ArrayList<>(decoding);
    whole.addAll(source.repairs());
    whole.addAll(source.problems());
    List<Analysis> out = new ArrayList<>();
    for (Analysis a : analyzeSource(source, whole)) {
      out.add(Honesty.check(a, limits));
    }
    return out;
  }

  private List<Analysis> analyzeSource(Source source, List<Diagnostic> whole) {
    if (source.lines().isEmpty() && !source.problems().isEmpty()) {
      return List.of(Analysis.failed(0, null, whole));
    }
    SummaryParser parser = choose(source);
    if (parser == null) {
      List<Diagnostic> diags = new ArrayList<>(whole);
      diags.add(Diagnostic.error(firstNonBlankLine(source), 1, source.lines().stream().allMatch(Source.Line::isBlank)
          ? "the input is empty: no model to count"
          : "no model found: the text is not a PyTorch printout or a summary table that layercount reads"));
      return List.of(Analysis.failed(0, null, diags));
    }
    ParseResult result = parser.parse(source);
    List<Analysis> out = new ArrayList<>();
    int index = 0;
    for (Network network : result.networks()) {
      List<Diagnostic> shared = new ArrayList<>(whole);
      if (index == 0) {
        shared.addAll(result.diagnostics());
      }
      String tooLarge = ModelSize.check(network, limits);
      if (tooLarge != null) {
        shared.addAll(network.diagnostics());
        shared.add(Diagnostic.error(network.root().line(), 0, tooLarge + "; the model is not counted"));
        out.add(Analysis.failed(index++, network.format(), shared));
      } else {
        out.add(analyzer.analyze(network, index++, shared));
      }
    }
    if (out.isEmpty()) {
      List<Diagnostic> diags = new ArrayList<>(whole);
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
