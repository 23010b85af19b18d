package io.layercount.cli;

import io.layercount.core.InputSize;
import java.util.List;

/**
 * What the command line asked for, parsed before anything is read.
 *
 * @param help print the help text and stop
 * @param version print the version and stop
 * @param json write JSON Lines instead of the human report
 * @param quiet write no diagnostics to standard error
 * @param inputs the files, directories and {@code -} (standard input) to read, in order
 * @param inputSize the image size the user states ({@code --input-size 224x224}), or {@code null}
 */
record CliOptions(boolean help, boolean version, boolean json, boolean quiet, List<String> inputs,
    InputSize inputSize) {
  CliOptions {
    inputs = List.copyOf(inputs);
  }

  /** Options without a stated input size. */
  CliOptions(boolean help, boolean version, boolean json, boolean quiet, List<String> inputs) {
    this(help, version, json, quiet, inputs, null);
  }
}
