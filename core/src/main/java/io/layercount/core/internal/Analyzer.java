package io.layercount.core.internal;

import io.layercount.core.Analysis;
import io.layercount.core.Diagnostic;
import io.layercount.core.InputSize;
import io.layercount.core.LayerFacts;
import io.layercount.core.internal.count.Counting;
import io.layercount.core.internal.count.ModuleFacts;
import io.layercount.core.internal.rules.RuleTable;
import io.layercount.core.internal.rules.UserRules;
import io.layercount.core.model.Network;
import java.util.List;

/** Applies the parameter rules and every convention to a network. Immutable and thread-safe. */
public final class Analyzer {
  private static final Analyzer STANDARD = new Analyzer(null, UserRules.NONE);

  private final InputSize inputSize;
  private final RuleTable torch;
  private final RuleTable keras;

  private Analyzer(InputSize inputSize, UserRules user) {
    this.inputSize = inputSize;
    // built once here, so that analysing never rebuilds a table
    this.torch = RuleTable.torch().withUserRules(user);
    this.keras = RuleTable.keras().withUserRules(user);
  }

  /** Reads the built-in tables (class initialisation: once per process, whichever thread comes first). */
  public static void preloadRules() {
    RuleTable.torch();
    RuleTable.keras();
  }

  public static Analyzer standard() {
    return STANDARD;
  }

  /** The standard rules, with tensors sized by the input image computed for {@code inputSize}. */
  public static Analyzer withInputSize(InputSize inputSize) {
    return new Analyzer(inputSize, UserRules.NONE);
  }

  /**
   * The built-in rules under the user's, which win for every class they cover.
   *
   * @param inputSize the stated input size, or {@code null}
   */
  public static Analyzer of(InputSize inputSize, UserRules user) {
    return inputSize == null && user.isEmpty() ? STANDARD : new Analyzer(inputSize, user);
  }

  /**
   * Analyses one network.
   *
   * @param index which summary of the text it is
   * @param extra diagnostics about the whole text, reported with this network
   */
  public Analysis analyze(Network network, int index, List<Diagnostic> extra) {
    return Counting.analyze(network, rulesFor(network.format()), index, extra, inputSize);
  }

  /** What the rules say about each module of {@code network} (for renderers that draw it). */
  public LayerFacts facts(Network network) {
    return ModuleFacts.of(network.root(), rulesFor(network.format()));
  }

  /** Keras and TensorFlow.js types follow the Keras table; everything else is PyTorch. */
  private RuleTable rulesFor(String format) {
    return format.startsWith("keras") || format.startsWith("tfjs") || format.startsWith("tensorflow")
        ? keras : torch;
  }
}
