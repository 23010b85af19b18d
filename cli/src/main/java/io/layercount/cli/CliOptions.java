package io.layercount.cli;

import io.layercount.core.Limits;
import java.util.List;

/**
 * What the command line asked for, parsed before anything is read.
 *
 * @param help print the help text and stop
 * @param version print the version and stop
 * @param json write JSON Lines instead of the human report
 * @param quiet write no diagnostics to standard error
 * @param inputs the files, directories and {@code -} (standard input) to read, in order
 * @param limits how much input is accepted ({@code --max-...} options)
 */
record CliOptions(boolean help, boolean version, boolean json, boolean quiet, List<String> inputs, Limits limits) {
  CliOptions {
    inputs = List.copyOf(inputs);
  }
}
