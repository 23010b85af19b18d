package io.layercount.cli;

import io.layercount.core.Analysis;
import io.layercount.core.Diagnostic;
import io.layercount.core.Limits;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;

/**
 * One run of the tool: reads each input in turn, analyses it, renders the result to standard
 * output and the diagnostics to standard error. One bad input never stops the others.
 */
final class Cli {
  static final int OK = 0;
  static final int NOT_ANALYSED = 1;
  static final int USAGE = 2;

  private final Function<Limits, TextAnalyzer> analyzers;

  /** With the analyzer for the limits the command line asks for. */
  Cli(Function<Limits, TextAnalyzer> analyzers) {
    this.analyzers = analyzers;
  }

  /** With one analyzer whatever the limits (tests). */
  Cli(TextAnalyzer analyzer) {
    this(limits -> analyzer);
  }

  /** Runs on the given streams and returns the exit status (output.md). */
  int run(InputStream in, PrintStream out, PrintStream err, String... args) {
    CliOptions options;
    try {
      options = OptionParser.parse(args);
    } catch (UsageException e) {
      err.println("layercount: " + e.getMessage());
      err.println("Try 'layercount --help' for more information.");
      return USAGE;
    }
    if (options.help()) {
      out.print(Help.usage());
      out.flush();
      return OK;
    }
    if (options.version()) {
      out.println(Help.version());
      out.flush();
      return OK;
    }
    int status = analyseAll(options, in, out, err);
    out.flush();
    err.flush();
    return status;
  }

  private int analyseAll(CliOptions options, InputStream in, PrintStream out, PrintStream err) {
    InputReader reader = new InputReader(in, options.limits());
    TextAnalyzer analyzer = analyzers.apply(options.limits());
    int status = OK;
    boolean first = true;
    for (String name : reader.expand(options.inputs())) {
      Input input = reader.read(name);
      List<Analysis> analyses = analyse(analyzer, input);
      SourceExcerpt excerpt = options.quiet() ? null : SourceExcerpt.of(name, input.text());
      for (Analysis a : analyses) {
        if (options.json()) {
          out.println(JsonRenderer.render(name, a));
        } else {
          if (!first) {
            out.println();
          }
          out.print(TextReport.render(name, a, analyses.size() > 1));
        }
        first = false;
        if (excerpt != null) {
          a.diagnostics().forEach(d -> DiagnosticPrinter.print(err, name, d, excerpt));
        }
        if (!a.ok()) {
          status = NOT_ANALYSED;
        }
      }
    }
    return status;
  }

  private static List<Analysis> analyse(TextAnalyzer analyzer, Input input) {
    if (!input.readable()) {
      return failed(input.problem());
    }
    try {
      List<Analysis> analyses = analyzer.analyze(input.name(), input.decoded());
      return analyses.isEmpty() ? failed("no model found in the text") : analyses;
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      // a bug in the library must not cost the user the other inputs, nor show a stack trace
      return failed("internal error while analysing this input (please report it): " + e);
    }
  }

  private static List<Analysis> failed(String message) {
    return List.of(Analysis.failed(0, null, List.of(Diagnostic.error(0, 0, message))));
  }
}
