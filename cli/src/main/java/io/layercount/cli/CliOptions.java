package io.layercount.cli;

import io.layercount.core.Convention;
import io.layercount.core.InputSize;
import io.layercount.core.Limits;
import java.util.List;

/**
 * What the command line asked for, parsed before anything is read.
 *
 * @param help print the help text and stop
 * @param version print the version and stop
 * @param json write JSON Lines instead of the human report
 * @param quiet write no diagnostics to standard error
 * @param explain show what a convention counted instead of the report (with JSON: add it)
 * @param convention the convention {@code explain} is about
 * @param inputs the files, directories and {@code -} (standard input) to read, in order
 * @param inputSize the image size the user states ({@code --input-size 224x224}), or {@code null}
 * @param output the Markdown, DOT, Mermaid, list or HTML views asked for
 * @param limits how much input is accepted ({@code --max-...} options)
 * @param rules the user's rules files ({@code --rules FILE}), later ones winning, in order
 * @param jobs how many inputs are analysed at a time ({@code --jobs N}), or {@link
 *     #JOBS_PER_PROCESSOR} when not given; the output keeps input order
 */
record CliOptions(boolean help, boolean version, boolean json, boolean quiet, boolean explain,
    Convention convention, List<String> inputs, InputSize inputSize, Output output, Limits limits,
    List<String> rules, int jobs) {
  /** {@code jobs} without {@code --jobs}: one per processor, never more than there are inputs. */
  static final int JOBS_PER_PROCESSOR = 0;

  CliOptions {
    inputs = List.copyOf(inputs);
    rules = List.copyOf(rules);
  }

  /** How many inputs to analyse at a time, of {@code inputs} in all. */
  int jobsFor(int inputs) {
    int wanted = jobs == JOBS_PER_PROCESSOR ? Runtime.getRuntime().availableProcessors() : jobs;
    return Math.max(1, Math.min(wanted, inputs));
  }
}
