package io.layercount.core.internal.count;

import io.layercount.core.Analysis;
import io.layercount.core.Diagnostic;
import io.layercount.core.InputSize;
import io.layercount.core.internal.rules.Resolution;
import io.layercount.core.internal.rules.RuleTable;
import io.layercount.core.internal.rules.TiedWeights;
import io.layercount.core.model.Layer;
import io.layercount.core.model.Network;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Puts the parameter rules and every convention together into one {@link Analysis}. */
public final class Counting {
  private Counting() {}

  public static Analysis analyze(Network network, RuleTable rules, int index, List<Diagnostic> extra) {
    return analyze(network, rules, index, extra, null);
  }

  /** As {@link #analyze(Network, RuleTable, int, List)}, sizing image-bound tensors for {@code inputSize}. */
  public static Analysis analyze(Network network, RuleTable rules, int index, List<Diagnostic> extra,
      InputSize inputSize) {
    Layer root = HiddenChildren.expand(network.root(), rules);
    Resolved resolved = new Resolved(root, rules, inputSize);
    TiedWeights ties = new TiedWeights(root, layer -> resolved.of(layer).kind());
    Tally tally = new Tally(root, resolved);
    StructureDepth structure = new StructureDepth(root, layer -> resolved.of(layer).weighted());
    OptionalLong graph = network.graphKnown() ? GraphDepth.of(root, structure) : OptionalLong.empty();
    Blocks blocks = new Blocks(root);
    Explainer explainer = new Explainer(root, resolved, structure, blocks, graph.isEmpty());

    List<Diagnostic> diagnostics = new ArrayList<>(extra);
    diagnostics.addAll(network.diagnostics());
    if (network.graphKnown() && graph.isEmpty()) {
      diagnostics.add(Diagnostic.warning(0, 0,
          "the stated connections do not form a graph of the listed layers: depth inferred from the structure"));
    }
    addParameterDiagnostics(tally, diagnostics);
    ParameterNotes.add(tally.parameters, ties, inputSize, tally.assumptions, diagnostics);
    if (explainer.truncated) {
      diagnostics.add(Diagnostic.info(0, 0, "the explanation lists only the first module occurrences (at most "
          + Explainer.LIMIT + ", with paths of at most " + Explainer.PATH_CHARS + " characters in all)"));
    }

    long depth = graph.isPresent() ? graph.getAsLong() : structure.of(root) * root.repeat();
    Analysis.LayerCounts layers = new Analysis.LayerCounts(
        Saturating.toInt(depth),
        graph.isPresent() ? "graph" : "structure",
        Saturating.toInt(tally.weighted),
        Saturating.toInt(tally.parameterized),
        Saturating.toInt(tally.leaves),
        Saturating.toInt(tally.modules),
        blocks.container == null ? null : Saturating.toInt(blocks.length),
        network.format().startsWith("keras") ? root.children().size() : null);
    Map<String, Integer> byType = new LinkedHashMap<>();
    tally.byType.forEach((type, n) -> byType.put(type, Saturating.toInt(n)));
    return new Analysis(index, network.format(), true, new Analysis.Model(network.modelName(), root.typeName()),
        parameters(network, tally, ties, inputSize), layers, byType, diagnostics, network, explainer.explanation());
  }

  private static Analysis.Parameters parameters(Network network, Tally tally, TiedWeights ties,
      InputSize inputSize) {
    Long trainable = null;
    Long nonTrainable = null;
    long[] split = statedTrainableSplit(network.root());
    if (split != null) {
      trainable = split[0];
      nonTrainable = split[1];
    } else if (network.totals() != null) {
      trainable = network.totals().trainable();
      nonTrainable = network.totals().nonTrainable();
    }
    return new Analysis.Parameters(tally.parameters, tally.exact, List.copyOf(tally.unknownTypes.keySet()),
        trainable, nonTrainable, network.totals(), ParameterNotes.deduplicated(tally.parameters, ties),
        ParameterNotes.assumptions(inputSize, tally.assumptions));
  }

  /**
   * Trainable and frozen parameters summed over the leaves whose text says both the count and
   * whether it trains; {@code null} unless every leaf with parameters says so.
   */
  private static long[] statedTrainableSplit(Layer root) {
    long[] split = new long[2];
    boolean any = false;
    Deque<Layer> layers = new ArrayDeque<>();
    Deque<Long> counts = new ArrayDeque<>();
    layers.push(root);
    counts.push((long) root.repeat());
    while (!layers.isEmpty()) {
      Layer layer = layers.pop();
      long n = counts.pop();
      for (Layer child : layer.children()) {
        layers.push(child);
        counts.push(Saturating.multiply(n, child.repeat()));
      }
      Layer.Stated s = layer.stated();
      if (!layer.isLeaf() || s.params() == null || s.params() == 0) {
        continue;
      }
      if (s.trainable() == null) {
        return null;
      }
      int slot = s.trainable() ? 0 : 1;
      split[slot] = Saturating.add(split[slot], Saturating.multiply(n, s.params()));
      any = true;
    }
    return any ? split : null;
  }

  private static void addParameterDiagnostics(Tally tally, List<Diagnostic> diagnostics) {
    tally.unknownTypes.forEach((type, line) -> diagnostics.add(Diagnostic.warning(line, 0,
        reason(type, tally.why.get(type)) + ": the parameter total is a lower bound")));
  }

  private static String reason(String type, Resolution why) {
    if (Resolution.UNREADABLE.equals(why.basis())) {
      return "the printed arguments of " + type + " do not give its size";
    }
    if (Resolution.BIAS_UNKNOWN.equals(why.basis()) || Resolution.MISSING.equals(why.basis())
        || Resolution.NEEDS_INPUT.equals(why.basis())) {
      return why.note();
    }
    return type + " has no parameter rule and may own parameters the text does not show";
  }

}
