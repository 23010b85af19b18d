package io.layercount.cli;

import io.layercount.core.Convention;
import io.layercount.core.InputSize;
import io.layercount.core.Limits;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.ToIntFunction;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/** Turns the command-line words into {@link CliOptions}; knows every option the tool accepts. */
final class OptionParser {
  static final Option JSON = Option.builder("j").longOpt("json")
      .desc("print one JSON object per model (JSON Lines), not the report").get();
  static final Option QUIET = Option.builder("q").longOpt("quiet")
      .desc("print no diagnostics on standard error (JSON keeps them)").get();
  static final Option EXPLAIN = Option.builder("e").longOpt("explain")
      .desc("show what a convention counted, layer by layer, and what it left out and why"
          + " (the convention is depth unless --convention names another)").get();
  static final Option CONVENTION = Option.builder("c").longOpt("convention").hasArg().argName("NAME")
      .desc("the convention --explain is about: depth, weighted, parameterized, leaves, modules, blocks"
          + " or keras (default depth)").get();
  static final Option INPUT_SIZE = Option.builder().longOpt("input-size").hasArg().argName("HxW")
      .desc("the image size the model runs at (e.g. 224x224): sizes tensors that depend on it, such as a"
          + " ViT's position table; such totals are then exact for that input only").get();
  static final Option RULES = Option.builder().longOpt("rules").hasArg().argName("FILE")
      .desc("also count with the layer rules in FILE (JSON, the schema of the built-in table; see the"
          + " README): the parameters and kind of your own classes; may be given more than once, later"
          + " files winning").get();
  static final Option MARKDOWN = Option.builder().longOpt("markdown")
      .desc("print the report as GitHub-flavoured Markdown, for issues and pull requests").get();
  static final Option DOT = Option.builder().longOpt("dot")
      .desc("print the network as a Graphviz graph (render with dot -Tsvg)").get();
  static final Option MERMAID = Option.builder().longOpt("mermaid")
      .desc("print the network as a Mermaid flowchart, pruned to a readable size").get();
  static final Option LIST = Option.builder().longOpt("list").hasArg().argName("CONVENTION")
      .desc("print the module paths a convention counted, one per line, as named_modules() names them").get();
  static final Option HTML = Option.builder().longOpt("html").hasArg().argName("FILE")
      .desc("also write a self-contained HTML report (tree, conventions, chart) to FILE").get();
  static final Option JOBS = Option.builder().longOpt("jobs").hasArg().argName("N")
      .desc("analyse N inputs at a time, in parallel (default: one per processor); the output stays in input order").get();
  static final Option HELP = Option.builder("h").longOpt("help").desc("show this help and exit").get();
  static final Option VERSION = Option.builder("V").longOpt("version").desc("show the version and exit").get();

  /** One option per {@link Limits} component, named after it ({@code maxLayers} → {@code --max-layers}). */
  static final List<LimitOption> LIMITS = List.of(
      new LimitOption("maxInputChars", "characters an input may hold", Limits::maxInputChars, Limits.Builder::maxInputChars),
      new LimitOption("maxLineChars", "characters a line may hold", Limits::maxLineChars, Limits.Builder::maxLineChars),
      new LimitOption("maxNestingDepth", "levels modules may nest", Limits::maxNestingDepth, Limits.Builder::maxNestingDepth),
      new LimitOption("maxLayers", "module entries a model may hold", Limits::maxLayers, Limits.Builder::maxLayers),
      new LimitOption("maxNumberDigits", "digits a number may have", Limits::maxNumberDigits, Limits.Builder::maxNumberDigits),
      new LimitOption("maxDiagnostics", "diagnostics kept per input", Limits::maxDiagnostics, Limits.Builder::maxDiagnostics));

  private OptionParser() {}

  /**
   * A {@code --max-...} option.
   *
   * @param limit the {@link Limits} component it sets
   * @param what what the limit counts, for the help
   * @param getter the record component
   * @param setter the builder method
   */
  record LimitOption(String limit, String what, ToIntFunction<Limits> getter, BiConsumer<Limits.Builder, Integer> setter) {
    Option option() {
      return Option.builder().longOpt(Limits.optionName(limit)).hasArg().argName("N")
          .desc("at most N " + what + " (default " + Numbers.grouped(getter.applyAsInt(Limits.DEFAULT)) + ")").get();
    }
  }

  /** Every option, in the order the help lists them. */
  static Options options() {
    Options options = new Options().addOption(JSON).addOption(EXPLAIN).addOption(CONVENTION).addOption(INPUT_SIZE)
        .addOption(RULES).addOption(QUIET).addOption(MARKDOWN).addOption(DOT).addOption(MERMAID).addOption(LIST)
        .addOption(HTML).addOption(JOBS)
        .addOption(HELP).addOption(VERSION);
    LIMITS.forEach(l -> options.addOption(l.option()));
    return options;
  }

  /**
   * Parses {@code args}.
   *
   * @throws UsageException when an option is unknown or no input is given
   */
  static CliOptions parse(String... args) throws UsageException {
    CommandLine line;
    try {
      // partial matching would make "--js" mean "--json" today and something else tomorrow
      line = DefaultParser.builder().setAllowPartialMatching(false).get().parse(options(), args);
    } catch (ParseException e) {
      throw new UsageException(e.getMessage());
    }
    Convention convention = Convention.DEPTH;
    if (line.hasOption(CONVENTION)) {
      convention = conventionNamed(line.getOptionValue(CONVENTION));
    }
    InputSize inputSize = null;
    if (line.hasOption(INPUT_SIZE)) {
      String text = line.getOptionValue(INPUT_SIZE);
      inputSize = InputSize.parse(text).orElseThrow(() -> new UsageException(
          "--input-size takes HEIGHTxWIDTH in pixels, such as 224x224 (or one number for a square), not '"
              + text + "'"));
    }
    CliOptions options = new CliOptions(line.hasOption(HELP), line.hasOption(VERSION), line.hasOption(JSON),
        line.hasOption(QUIET), line.hasOption(EXPLAIN) || line.hasOption(CONVENTION), convention,
        line.getArgList(), inputSize, output(line), limits(line), rulesFiles(line), jobs(line));
    if (!options.help() && !options.version() && options.inputs().isEmpty()) {
      throw new UsageException("no input given: name one or more files, or - to read standard input");
    }
    return options;
  }

  private static int jobs(CommandLine line) throws UsageException {
    String value = line.getOptionValue(JOBS);
    return value == null ? CliOptions.JOBS_PER_PROCESSOR : positive("jobs", value);
  }

  private static List<String> rulesFiles(CommandLine line) throws UsageException {
    String[] files = line.hasOption(RULES) ? line.getOptionValues(RULES) : new String[0];
    for (String file : files) {
      if (file.isBlank()) {
        throw new UsageException("--rules needs a file name");
      }
    }
    return List.of(files);
  }

  /** The view for standard output: at most one of the report's alternatives. */
  private static Output output(CommandLine line) throws UsageException {
    List<Option> chosen = new ArrayList<>();
    for (Option o : List.of(JSON, EXPLAIN, CONVENTION, MARKDOWN, DOT, MERMAID, LIST)) {
      if (line.hasOption(o)) {
        chosen.add(o);
      }
    }
    Output.View view = line.hasOption(MARKDOWN) ? Output.View.MARKDOWN
        : line.hasOption(DOT) ? Output.View.DOT
        : line.hasOption(MERMAID) ? Output.View.MERMAID
        : line.hasOption(LIST) ? Output.View.LIST
        : Output.View.REPORT;
    if (view != Output.View.REPORT && chosen.size() > 1) {
      throw new UsageException("--" + chosen.get(0).getLongOpt() + " and --" + chosen.get(1).getLongOpt()
          + " cannot be combined: choose one view for standard output");
    }
    Convention list = null;
    if (line.hasOption(LIST)) {
      list = conventionNamed(line.getOptionValue(LIST));
    }
    String html = line.getOptionValue(HTML);
    if (html != null && html.isBlank()) {
      throw new UsageException("--html needs a file name");
    }
    return new Output(view, list, html);
  }

  private static Convention conventionNamed(String key) throws UsageException {
    Convention convention = Convention.byKey(key);
    if (convention == null) {
      throw new UsageException("unknown convention '" + key
          + "': use depth, weighted, parameterized, leaves, modules, blocks or keras");
    }
    return convention;
  }

  private static Limits limits(CommandLine line) throws UsageException {
    Limits.Builder builder = Limits.builder();
    for (LimitOption l : LIMITS) {
      String name = Limits.optionName(l.limit());
      String value = line.getOptionValue(name);
      if (value != null) {
        l.setter().accept(builder, positive(name, value));
      }
    }
    return builder.build();
  }

  /** A whole number from 1 to 2,147,483,647; {@code _} and {@code ,} may group the digits. */
  private static int positive(String option, String value) throws UsageException {
    String digits = value.replace("_", "").replace(",", "");
    long n = -1;
    if (!digits.isEmpty() && digits.length() <= 10 && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      n = Long.parseLong(digits);
    }
    if (n < 1 || n > Integer.MAX_VALUE) {
      throw new UsageException("--" + option + " takes a whole number from 1 to 2,147,483,647, not '" + value + "'");
    }
    return (int) n;
  }
}
