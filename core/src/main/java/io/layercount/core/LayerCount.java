package io.layercount.core;

import io.layercount.core.internal.Analyzer;
import io.layercount.core.internal.Honesty;
import io.layercount.core.internal.ModelSize;
import io.layercount.core.internal.rules.UserRules;
import io.layercount.core.model.Layer;
import io.layercount.core.model.Network;
import io.layercount.core.spi.ParseResult;
import io.layercount.core.spi.Source;
import io.layercount.core.spi.SummaryParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * The entry point: text in, one {@link Analysis} per model found out. Immutable and thread-safe:
 * build one and share it between threads.
 *
 * <pre>{@code
 * LayerCount layerCount = LayerCount.builder()
 *     .inputSize(new InputSize(224, 224))               // optional
 *     .rules(LayerRules.read(Path.of("my-rules.json"))) // optional: your own classes
 *     .build();
 * for (Analysis a : layerCount.analyze(Path.of("resnet18.txt"))) {
 *   System.out.println(a.layers().depth() + " layers, " + a.parameters().total() + " parameters");
 * }
 * }</pre>
 *
 * <p>Every input is read under {@link Limits} ({@link Limits#DEFAULT} unless {@link #withLimits}
 * or the builder says otherwise); past one, the analysis says so in an error diagnostic and is never
 * called exact.
 */
public final class LayerCount {
  private final List<SummaryParser> parsers;
  private final InputSize inputSize;
  private final UserRules rules;
  private final Limits limits;
  /**
   * Made on first use: making it waits for the built-in rule tables, and a text can be read and
   * parsed meanwhile (the command line reads the tables on another thread). Two threads may each
   * make one; they are equal and immutable, so either serves.
   */
  private volatile Analyzer analyzer;

  private LayerCount(List<SummaryParser> parsers, InputSize inputSize, UserRules rules, Limits limits) {
    this.parsers = List.copyOf(parsers);
    this.inputSize = inputSize;
    this.rules = rules;
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  private Analyzer analyzer() {
    Analyzer a = analyzer;
    if (a == null) {
      a = Analyzer.of(inputSize, rules);
      analyzer = a;
    }
    return a;
  }

  /**
   * Reads the built-in rule tables now rather than at the first analysis. They take longer to read
   * than a ResNet takes to count: a caller that runs this on a second thread while it reads its
   * first input hides most of that. Idempotent and thread-safe; the tables are read once per process.
   */
  public static void preloadRules() {
    Analyzer.preloadRules();
  }

  /** Every parser on the class path or module path (found with {@link ServiceLoader}) and the built-in rules. */
  public static LayerCount standard() {
    return builder().build();
  }

  /** With exactly these parsers and the built-in rules. */
  public static LayerCount withParsers(List<SummaryParser> parsers) {
    return builder().discoverParsers(false).parsers(parsers).build();
  }

  /** A builder for a {@code LayerCount} with options: input size, user rules, parsers. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The same parsers and rules, with tensors sized by the input image (a ViT's position table)
   * computed for {@code inputSize}: totals that rest on it are exact given that input, and say so in
   * {@link Analysis.Parameters#assumptions()}. {@code null} states no input size.
   */
  public LayerCount withInputSize(InputSize inputSize) {
    return new LayerCount(parsers, inputSize, rules, limits);
  }

  /** The same parsers and rules under other limits. */
  public LayerCount withLimits(Limits newLimits) {
    return new LayerCount(parsers, inputSize, rules, newLimits);
  }

  /** The limits every input is read under. */
  public Limits limits() {
    return limits;
  }

  /** The parsers this instance chooses from, in the order ties are broken (first wins). */
  public List<SummaryParser> parsers() {
    return parsers;
  }

  /**
   * What this instance's rules (the user's included) say about each module of {@code network}:
   * its kind and the parameters it owns itself, for renderers that draw the tree.
   */
  public LayerFacts facts(Network network) {
    return analyzer().facts(network);
  }

  /** Analyses {@code text}, the printout or summary itself (not a file name). Never throws on bad input. */
  public List<Analysis> analyze(String text) {
    return analyze("<text>", text);
  }

  /** Analyses everything {@code reader} gives, up to its end; the reader is not closed. */
  public List<Analysis> analyze(Reader reader) throws IOException {
    StringBuilder text = new StringBuilder();
    char[] buffer = new char[8192];
    for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
      text.append(buffer, 0, n);
    }
    return analyze("<reader>", text.toString());
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
    Parsed ascii = parseAscii(name, bytes);
    return ascii == null ? analyze(name, DecodedText.of(bytes)) : checked(analyzeParsed(ascii));
  }

  /**
   * ASCII, as printouts are, read from the bytes themselves (no string of the whole text), or
   * {@code null} for bytes that need decoding. The source is let go on return, as in
   * {@link #analyze(String, String, List)}: no frame holds its lines through the counting.
   */
  private Parsed parseAscii(String name, byte[] bytes) {
    int from = DecodedText.utf8Start(bytes);
    Source ascii = from < 0 ? null : Source.ofAscii(name, bytes, from, limits);
    return ascii == null ? null : parse(ascii, DecodedText.utf8Diagnostics(from));
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
    return checked(analyzeParsed(parse(Source.of(name, text, limits), decoding)));
  }

  /** The analyses with {@link Honesty#check} applied. */
  private List<Analysis> checked(List<Analysis> analyses) {
    List<Analysis> out = new ArrayList<>();
    for (Analysis a : analyses) {
      out.add(Honesty.check(a, limits));
    }
    return out;
  }

  /**
   * A text read by the parser that scores it highest, or why none could read it.
   *
   * @param whole the diagnostics about the whole text (decoding, repairs, limits)
   * @param parser the parser that read it, or {@code null} with {@code failed} set
   * @param firstLine where to point when no model is found
   */
  private record Parsed(List<Diagnostic> whole, SummaryParser parser, ParseResult result, int firstLine,
      Analysis failed, Source.UnreadNumbers unread) {}

  /**
   * Parses the text; the lines are not kept past this, so that the counting runs without them (a
   * printout of a million modules holds more memory in its lines than in its model).
   */
  private Parsed parse(Source source, List<Diagnostic> decoding) {
    List<Diagnostic> whole = new ArrayList<>(decoding);
    whole.addAll(source.repairs());
    whole.addAll(source.problems());
    if (source.lines().isEmpty() && !source.problems().isEmpty()) {
      return new Parsed(whole, null, null, 0, Analysis.failed(0, null, whole), null);
    }
    double[] scores = new double[parsers.size()];
    SummaryParser parser = choose(source, scores);
    if (parser == null) {
      List<Diagnostic> diags = new ArrayList<>(whole);
      int lightning = lightningSummary(source);
      diags.add(lightning > 0
          ? Diagnostic.error(lightning, 1, "no model found: this is PyTorch Lightning's ModelSummary table, whose"
              + " counts are rounded (6.7 M) and which lists the modules to its max_depth only (1 by default), so no"
              + " exact total follows from it; print(model), or torchinfo's summary(model), gives what layercount counts")
          : Diagnostic.error(firstNonBlankLine(source), 1, source.lines().stream().allMatch(Source.Line::isBlank)
          ? "the input is empty: no model to count"
          : "no model found: the text is not a PyTorch printout or a summary table that layercount reads"));
      return new Parsed(whole, null, null, 0, Analysis.failed(0, null, diags), null);
    }
    return new Parsed(whole, parser, alsoRead(source, parser, scores, parser.parse(source)), firstNonBlankLine(source),
        null, source.unreadNumbers());
  }

  /**
   * {@code result}, the chosen parser's reading of {@code source}, with the summaries another parser
   * that also finds one reads in lines {@code result}'s do not cover (a log with a printout and a
   * torchsummary table of the same model), in order of their first line; said in an {@code info}
   * diagnostic. The other parser's notes on the text it did not read are left out: that text is the
   * first reading's. Most texts hold one format, and no other parser finds anything in them.
   */
  private ParseResult alsoRead(Source source, SummaryParser chosen, double[] scores, ParseResult result) {
    boolean others = false;
    for (int i = 0; i < scores.length; i++) {
      others |= scores[i] > 0 && parsers.get(i) != chosen;
    }
    if (!others || result.networks().isEmpty()) {
      return result;
    }
    // every model read, with the lines its layers stand on: the first reading's, then the others'
    List<Network> all = new ArrayList<>(result.networks());
    List<int[]> taken = new ArrayList<>();
    for (Network n : all) {
      taken.add(lineRange(n.root()));
    }
    boolean any = false;
    for (int i = 0; i < scores.length; i++) {
      SummaryParser p = parsers.get(i);
      if (p == chosen || scores[i] <= 0) {
        continue;
      }
      for (Network n : p.parse(source).networks()) {
        int[] range = lineRange(n.root());
        if (taken.stream().noneMatch(t -> t[0] <= range[1] && range[0] <= t[1])) {
          taken.add(range);
          // the note stands with the model it is about
          all.add(withFirst(n, Diagnostic.info(range[0], 0, "lines " + range[0] + " to " + range[1] + " hold a "
              + n.format() + " summary beside the " + result.networks().get(0).format()
              + " one: read too, as a model of its own"), List.of()));
          any = true;
        }
      }
    }
    if (!any) {
      return result;
    }
    // the first reading's notes on the text (lines it found no summary in) are its first model's
    all.set(0, withFirst(all.get(0), null, result.diagnostics()));
    // in order of their first lines, each range found once
    Integer[] order = new Integer[all.size()];
    for (int k = 0; k < order.length; k++) {
      order[k] = k;
    }
    java.util.Arrays.sort(order, java.util.Comparator.comparingInt(k -> taken.get(k)[0]));
    List<Network> sorted = new ArrayList<>(all.size());
    for (int k : order) {
      sorted.add(all.get(k));
    }
    return new ParseResult(sorted, List.of());
  }

  /** {@code n} with {@code notes}, then {@code note} where given, before its own diagnostics. */
  private static Network withFirst(Network n, Diagnostic note, List<Diagnostic> notes) {
    List<Diagnostic> diagnostics = new ArrayList<>(notes);
    if (note != null) {
      diagnostics.add(note);
    }
    diagnostics.addAll(n.diagnostics());
    return new Network(n.format(), n.modelName(), n.root(), n.graphKnown(), n.totals(), diagnostics, n.costs(),
        n.orderAssumed());
  }

  /**
   * Where the numbers too long to be counts all stand before or after a printout's lines (a
   * tokenizer's {@code model_max_length=1000000000000000019884624838656} printed below the model),
   * their errors become warnings in {@code diagnostics}: no count of the model comes from text the
   * printout does not hold, and such an error made every count a lower bound. A table's footer and
   * notes lie past its rows, so only printouts, whose every count stands on a module's line.
   */
  private static void numbersOutside(Network network, Source.UnreadNumbers unread, List<Diagnostic> diagnostics) {
    if (unread == null || !"pytorch".equals(network.format())) {
      return;
    }
    int[] range = lineRange(network.root());
    if (range[1] == 0 || unread.firstLine() <= range[1] && unread.lastLine() >= range[0]) {
      return;
    }
    for (int i = 0; i < diagnostics.size(); i++) {
      Diagnostic d = diagnostics.get(i);
      if (unread.diagnostics().stream().anyMatch(u -> u == d)) {
        diagnostics.set(i, Diagnostic.warning(d.line(), d.column(), d.message() + "; it stands outside the printout"
            + " (lines " + range[0] + " to " + range[1] + "), in text not read as the model: no count comes from it"));
      }
    }
  }

  /** The first and last line any layer of the tree under {@code root} stands on (lines 0 aside). */
  private static int[] lineRange(Layer root) {
    int first = Integer.MAX_VALUE;
    int last = 0;
    java.util.ArrayDeque<Layer> stack = new java.util.ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      Layer l = stack.pop();
      if (l.line() > 0) {
        first = Math.min(first, l.line());
        last = Math.max(last, l.line());
      }
      l.children().forEach(stack::push);
    }
    return first > last ? new int[] {0, 0} : new int[] {first, last};
  }

  private List<Analysis> analyzeParsed(Parsed parsed) {
    if (parsed.failed() != null) {
      return List.of(parsed.failed());
    }
    List<Diagnostic> whole = parsed.whole();
    ParseResult result = parsed.result();
    List<Analysis> out = new ArrayList<>();
    int index = 0;
    for (Network network : result.networks()) {
      List<Diagnostic> shared = new ArrayList<>(whole);
      numbersOutside(network, parsed.unread(), shared);
      if (index == 0) {
        shared.addAll(result.diagnostics());
      }
      String tooLarge = ModelSize.check(network, limits);
      if (tooLarge != null) {
        shared.addAll(network.diagnostics());
        shared.add(Diagnostic.error(network.root().line(), 0, tooLarge + "; the model is not counted"));
        out.add(Analysis.failed(index++, network.format(), shared));
      } else {
        out.add(analyzer().analyze(network, index++, shared));
      }
    }
    if (out.isEmpty()) {
      List<Diagnostic> diags = new ArrayList<>(whole);
      diags.addAll(result.diagnostics());
      if (diags.stream().noneMatch(d -> d.severity() == Severity.ERROR)) {
        diags.add(Diagnostic.error(parsed.firstLine(), 1, "no model found in the text"));
      }
      out.add(Analysis.failed(0, parsed.parser().family(), diags));
    }
    return out;
  }

  /** The parser that scores {@code source} highest, or {@code null}; every parser's score in {@code scores}. */
  private SummaryParser choose(Source source, double[] scores) {
    SummaryParser best = null;
    double bestScore = 0;
    for (int i = 0; i < scores.length; i++) {
      SummaryParser p = parsers.get(i);
      double score = p.detect(source);
      scores[i] = score;
      if (score > bestScore) {
        best = p;
        bestScore = score;
      }
    }
    return best;
  }

  /**
   * The line of a PyTorch Lightning {@code ModelSummary} header ({@code | Name | Type | Params}, or the
   * box-drawn one its Rich progress bar prints) in a
   * text that also holds its {@code Total params} line, or 0: a format layercount does not read,
   * said so where no parser finds anything.
   */
  private static int lightningSummary(Source source) {
    int header = 0;
    boolean total = false;
    for (Source.Line line : source.lines()) {
      String t = line.text();
      // the plain table ('| Name | Type | Params', '7.2 M     Total params') or the Rich one
      // ('┃ Name ┃ Type ┃ Params ┃', 'Total params: 7.2 M')
      if (header == 0 && (t.contains("| Name") && t.contains("| Type") && t.contains("| Params")
          || t.contains("\u2503 Name") && t.contains("\u2503 Type") && t.contains("\u2503 Params"))) {
        header = line.number();
      } else if (header > 0 && (t.strip().endsWith("Total params") || t.startsWith("Total params: "))) {
        total = true;
      }
    }
    return total ? header : 0;
  }

  private static int firstNonBlankLine(Source source) {
    for (Source.Line l : source.lines()) {
      if (!l.isBlank()) {
        return l.number();
      }
    }
    return 1;
  }

  /**
   * Options for a {@link LayerCount}. Not thread-safe; the {@code LayerCount} it builds is.
   *
   * <p>Parsers: those found with {@link ServiceLoader} (unless {@link #discoverParsers(boolean)
   * discoverParsers(false)}) after those given with {@link #parser(SummaryParser)}; the parser
   * whose {@link SummaryParser#detect} score is highest reads a text, and on a tie the one listed
   * first, so a parser you register wins ties with the built-in ones.
   */
  public static final class Builder {
    private final List<SummaryParser> parsers = new ArrayList<>();
    private boolean discover = true;
    private InputSize inputSize;
    private UserRules rules = UserRules.NONE;
    private Limits limits = Limits.DEFAULT;

    private Builder() {}

    /** The limits every input is read under (default {@link Limits#DEFAULT}). */
    public Builder limits(Limits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** The image size the model runs at; sizes tensors that depend on it. {@code null}: not stated. */
    public Builder inputSize(InputSize inputSize) {
      this.inputSize = inputSize;
      return this;
    }

    /**
     * Adds a user's rules. They win over the built-in rules for every class they cover, and rules
     * added later win over rules added earlier.
     *
     * @throws IllegalArgumentException when the rules have errors ({@link LayerRules#ok()} is false):
     *     check and report {@link LayerRules#diagnostics()} first
     */
    public Builder rules(LayerRules rules) {
      Objects.requireNonNull(rules, "rules");
      if (!rules.ok()) {
        Diagnostic first = rules.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).findFirst()
            .orElseThrow();
        throw new IllegalArgumentException("the rules in " + rules.name() + " have errors, the first at "
            + rules.name() + ":" + first.line() + ":" + first.column() + ": " + first.message());
      }
      this.rules = rules.rows().over(this.rules);
      return this;
    }

    /** Adds a parser of your own, tried before the discovered ones. */
    public Builder parser(SummaryParser parser) {
      parsers.add(Objects.requireNonNull(parser, "parser"));
      return this;
    }

    /** Adds parsers of your own, in order, tried before the discovered ones. */
    public Builder parsers(List<SummaryParser> parsers) {
      parsers.forEach(this::parser);
      return this;
    }

    /** Whether to add the parsers {@link ServiceLoader} finds (default true). */
    public Builder discoverParsers(boolean discover) {
      this.discover = discover;
      return this;
    }

    /** A {@code LayerCount} with these options. */
    public LayerCount build() {
      List<SummaryParser> all = new ArrayList<>(parsers);
      if (discover) {
        for (SummaryParser p : ServiceLoader.load(SummaryParser.class, LayerCount.class.getClassLoader())) {
          all.add(p);
        }
      }
      return new LayerCount(all, inputSize, rules, limits);
    }
  }
}
