package io.layercount.cli;

import io.layercount.core.Limits;
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
          .desc("at most N " + what + " (default " + String.format(java.util.Locale.ROOT, "%,d",
              getter.applyAsInt(Limits.DEFAULT)) + ")").get();
    }
  }

  /** Every option, in the order the help lists them. */
  static Options options() {
    Options options = new Options().addOption(JSON).addOption(QUIET).addOption(HELP).addOption(VERSION);
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
    CliOptions options = new CliOptions(line.hasOption(HELP), line.hasOption(VERSION), line.hasOption(JSON),
        line.hasOption(QUIET), line.getArgList(), limits(line));
    if (!options.help() && !options.version() && options.inputs().isEmpty()) {
      throw new UsageException("no input given: name one or more files, or - to read standard input");
    }
    return options;
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
