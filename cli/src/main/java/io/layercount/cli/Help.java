package io.layercount.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.apache.commons.cli.Option;

/** The texts of {@code --help} and {@code --version}. */
final class Help {
  /** Spaces at least between an option's names and its description. */
  private static final int GAP = 2;
  private static final String INTRO = """
      Usage: layercount [options] FILE...

      Counts the layers and parameters of a neural network from the text its framework
      printed: PyTorch print(model), Keras model.summary(), torchinfo and torchsummary
      tables. A network has no single "number of layers" (ResNet-18 prints 52 leaf
      modules, 21 of them conv or fully-connected, yet is called 18), so every counting
      convention is reported side by side, with the exact parameter total or, when the
      text hides some parameters, an honest lower bound.

      FILE is a text file, a directory (its text files are read, in name order), or -
      for standard input. Several summaries in one file are reported one by one.

      Options:
      """;

  private static final String OUTRO = """

      Examples:
        layercount examples/resnet18.txt         report on one printout
        layercount --json examples/              one JSON line per model, every file
        python train.py | layercount -           read a log from standard input
        layercount --html report.html examples/resnet18.txt
                                                 also write a page with the layer tree
        layercount --dot examples/resnet18.txt | dot -Tsvg > resnet18.svg
        layercount --list depth examples/resnet18.txt
                                                 the paths depth counted, for named_modules()

      Exit status:
        0  every input was analysed
        1  at least one input could not be analysed or read (the others still are)
        2  the command line was wrong, or a --rules file has errors

      The report and the JSON go to standard output; diagnostics go to standard error
      as file:line:column: severity: message, with the line they point at.

      The --max-... options raise (or lower) the limits that guard against runaway
      input; past one, the input is reported with an error naming the option, and its
      counts are never called exact.
      """;

  private Help() {}

  static String usage() {
    StringBuilder sb = new StringBuilder(INTRO);
    // listed from the parser's own options, so that the help can never name one it does not take
    // descriptions start in one column, past the longest names (--max-nesting-depth N)
    int width = 0;
    for (Option o : OptionParser.options().getOptions()) {
      width = Math.max(width, names(o).length() + GAP);
    }
    for (Option o : OptionParser.options().getOptions()) {
      String names = names(o);
      sb.append("  ").append(names).append(" ".repeat(width - names.length()))
          .append(o.getDescription()).append('\n');
    }
    return sb.append(OUTRO).toString();
  }

  /** {@code -j, --json} or {@code     --rules FILE}: an option's names as the help lists them. */
  private static String names(Option o) {
    return (o.getOpt() == null ? "    --" : "-" + o.getOpt() + ", --") + o.getLongOpt()
        + (o.hasArg() ? " " + o.getArgName() : "");
  }

  /** {@code layercount 1.2.3}, the version Maven built. */
  static String version() {
    Properties p = new Properties();
    try (InputStream in = Help.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // fall through to "unknown": --version must not fail
    }
    return "layercount " + p.getProperty("version", "unknown");
  }
}
