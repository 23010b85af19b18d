package io.layercount.cli;

import io.layercount.core.Analysis;
import io.layercount.core.Diagnostic;
import io.layercount.core.InputSize;
import io.layercount.core.LayerRules;
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

  /**
   * What the analyzer is built with.
   *
   * @param inputSize the stated input size, or {@code null}
   * @param rules the user's rules, later ones winning; empty when none were given
   * @param limits how much input is accepted
   */
  record Settings(InputSize inputSize, List<LayerRules> rules, Limits limits) {}

  private final Function<Settings, TextAnalyzer> analyzers;

  Cli(TextAnalyzer analyzer) {
    this(settings -> analyzer);
  }

  /** With the analyzer for the settings the command line asks for. */
  Cli(Function<Settings, TextAnalyzer> analyzers) {
    this.analyzers = analyzers;
  }

  /** Runs on the given streams and returns the exit status (output.md); both are flushed, whatever happens. */
  int run(InputStream in, PrintStream out, PrintStream err, String... args) {
    try {
      return runOn(in, out, err, args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  private int runOn(InputStream in, PrintStream out, PrintStream err, String... args) {
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
    List<LayerRules> rules = RulesFiles.load(options.rules(), err, options.quiet());
    if (rules == null) {
      err.flush();
      return USAGE;
    }
    int status = analyseAll(options, analyzers.apply(new Settings(options.inputSize(), rules, options.limits())), in, out, err);
    out.flush();
    err.flush();
    return status;
  }

  private int analyseAll(CliOptions options, TextAnalyzer analyzer, InputStream in, PrintStream out,
      PrintStream err) {
    InputReader reader = new InputReader(in, options.limits());
    int status = OK;
    boolean first = true;
    List<String> names = reader.expand(options.inputs());
    Output output = options.output();
    ViewWriter views = new ViewWriter(output, names.size() > 1, analyzer::facts);
    HtmlReport page = output.htmlFile() == null ? null : new HtmlReport(analyzer::facts);
    try (Pipeline inputs = new Pipeline(names, reader, input -> analyse(analyzer, input),
        options.jobsFor(names.size()))) {
      while (inputs.hasNext()) {
        Pipeline.Done done = inputs.next();
        String name = done.name();
        List<Analysis> analyses = done.analyses();
        SourceExcerpt lines = SourceExcerpt.of(name, done.input()::text);
        SourceExcerpt excerpt = options.quiet() ? null : lines;
        for (Analysis a : analyses) {
          if (page != null) {
            page.add(name, a, lines, analyses.size() > 1);
          }
          if (output.view() != Output.View.REPORT) {
            if (!views.write(out, err, name, a, analyses.size() > 1)) {
              status = NOT_ANALYSED;
            }
          } else if (options.json()) {
            out.println(JsonRenderer.render(name, a, options.explain() ? options.convention() : null));
          } else {
            if (!first) {
              out.println();
            }
            out.print(options.explain()
                ? ExplainReport.render(name, a, options.convention(), analyses.size() > 1)
                : TextReport.render(name, a, analyses.size() > 1));
          }
          first = false;
          // each result is out as soon as it is made, before its diagnostics, as when unbuffered
          out.flush();
          if (excerpt != null) {
            a.diagnostics().forEach(d -> DiagnosticPrinter.print(err, name, d, excerpt));
            err.flush();
          }
          if (!a.ok()) {
            status = NOT_ANALYSED;
          }
        }
      }
    }
    if (page != null && !page.write(output.htmlFile(), err)) {
      status = NOT_ANALYSED;
    }
    return status;
  }

  private static List<Analysis> analyse(TextAnalyzer analyzer, Input input) {
    if (!input.readable()) {
      return failed(input.problem());
    }
    try {
      List<Analysis> analyses = analyzer.analyze(input.name(), input.bytes());
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
