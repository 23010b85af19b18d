package io.layercount.core.internal.count;

import io.layercount.core.Analysis;
import io.layercount.core.Convention;
import io.layercount.core.Diagnostic;
import io.layercount.core.InputSize;
import io.layercount.core.internal.Subtrees;
import io.layercount.core.internal.rules.Resolution;
import io.layercount.core.internal.rules.RuleTable;
import io.layercount.core.internal.rules.TiedWeights;
import io.layercount.core.model.Layer;
import io.layercount.core.model.Network;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/** Puts the parameter rules and every convention together into one {@link Analysis}. */
public final class Counting {
  private Counting() {}

  public static Analysis analyze(Network network, RuleTable rules, int index, List<Diagnostic> extra) {
    return analyze(network, rules, index, extra, null);
  }

  /** As {@link #analyze(Network, RuleTable, int, List)}, sizing image-bound tensors for {@code inputSize}. */
  public static Analysis analyze(Network network, RuleTable rules, int index, List<Diagnostic> extra,
      InputSize inputSize) {
    TreeSurvey survey = TreeSurvey.of(network.root(), rules);
    boolean statedCounts = survey.statedCounts();
    // a table states what each row holds; modules a printout hides are inside some row's count
    Layer root = statedCounts || !survey.anyHidden() ? network.root() : HiddenChildren.rebuild(network.root(), rules);
    boolean torchsummary = "torchsummary".equals(network.format());
    // the lines the survey found increasing are the tree's with hidden children added too: they
    // stand on their parent's line, each kept beside it in the line tables
    boolean byLine = survey.linesIncrease();
    boolean modelSummary = MODEL_SUMMARY.equals(network.format());
    Resolved resolved = new Resolved(root, rules, inputSize, statedCounts, torchsummary, survey.nodes(),
        byLine ? survey.firstLine() : 1, byLine ? survey.lastLine() : 0);
    TiedWeights ties = new TiedWeights(root, resolved::of);
    Tally tally = resolved.tally();
    Blocks blocks = new Blocks(root);
    StructureDepth structure = new StructureDepth(root, layer -> resolved.of(layer).weighted(), resolved.size(),
        resolved.places(), blocks.container);
    boolean keras = isKeras(network.format());

    List<Diagnostic> diagnostics = new ArrayList<>(extra);
    diagnostics.addAll(network.diagnostics());
    // the conventions whose counts may be too small: the text does not list every layer
    Set<Convention> lowerBounds = EnumSet.noneOf(Convention.class);
    GraphDepth.Result traced = graphDepth(network, root, resolved, keras, diagnostics, lowerBounds);
    OptionalLong graph = traced == null ? OptionalLong.empty() : traced.depth();
    boolean structureDepth = graph.isEmpty();
    Map<Layer, Map<Integer, String>> graphOffPaths = structureDepth ? null : traced.offPaths();
    Layer experts = tally.unknownExperts;
    if (experts != null && !anyWeighted(experts, resolved)) {
      // a mixture's experts fused into one module (Qwen2MoeExperts, JambaExperts): their projections
      // are tensors of that module, which the text does not show
      lowerBounds.addAll(EnumSet.of(Convention.DEPTH, Convention.WEIGHTED, Convention.PARAMETERIZED));
      diagnostics.add(Diagnostic.info(experts.line(), 0, "'" + experts.name() + "' (" + experts.typeName()
          + ") shows no layer of its own: a mixture's experts are fully connected layers, held here as tensors"
          + " the text does not show, so depth, weighted and parameterized may be too small"));
    }
    Layer conditioning = structure.conditioning();
    if (structureDepth && conditioning != null) {
      lowerBounds.add(Convention.DEPTH);
      diagnostics.add(Diagnostic.info(conditioning.line(), 0, "'" + conditioning.name() + "' (" + conditioning.typeName()
          + ") reads the timestep, or the conditioning made from it, not the data: depth is the longest path from"
          + " the data, and a path from the timestep through such layers may be a few layers longer"));
    }
    // an explanation is made only if asked for where it is known beforehand whether it is cut; one
    // that may be is made now, so that a diagnostic can say whether it was
    Explainer.Fit fit = Explainer.fit(root);
    Explainer explainer = fit == Explainer.Fit.UNSURE ? new Explainer(root, resolved, structure, blocks, graphOffPaths)
        : null;
    Analysis.Explanation explanation = explainer != null ? explainer.explanation()
        : DeferredExplanation.of(() -> new Explainer(root, resolved, structure, blocks, graphOffPaths).explanation());
    addParameterDiagnostics(tally, diagnostics);
    if (torchsummary) {
      diagnostics.add(Diagnostic.info(0, 0, "torchsummary counts, per forward call, only the tensors named weight and"
          + " bias of each module, and nothing the model holds itself: 'total' and the footer are what it counted"
          + " (a module called twice counted twice, as its rows show); the model may hold more, so neither is"
          + " called exact"));
    }
    if (keras) {
      lowerBounds.addAll(NestedModels.report(root, resolved, diagnostics));
    }
    if ("torchinfo".equals(network.format()) && CollapsedRows.report(root, resolved, diagnostics, CollapsedRows.TORCHINFO)) {
      lowerBounds.addAll(NestedModels.HIDDEN);
    }
    if (modelSummary) {
      diagnostics.add(Diagnostic.info(0, 0, "pytorch_model_summary counts, per forward call, every parameter of each"
          + " row's module and of the modules inside it: 'total' and the footer are what it counted (a module called"
          + " twice counted twice, as its rows show; parameters the model holds itself are not counted), so neither"
          + " is called exact"));
      if (CollapsedRows.report(root, resolved, diagnostics, CollapsedRows.MODEL_SUMMARY)) {
        lowerBounds.addAll(NestedModels.HIDDEN);
      }
    }
    if (survey.numberingGap()) {
      // a numbering that skips is modules deleted by hand: they are in no count
      Layer after = survey.gapAfter();
      Layer at = survey.gapAt();
      diagnostics.add(Diagnostic.warning(at.line(), 0, "the numbered modules go from (" + after.occurrenceName(
          Saturating.toInt(after.repeat() - 1)) + ") to (" + at.name() + "): the modules between were left out of the"
          + " text, so the parameter total and every layer count are lower bounds"));
      lowerBounds.addAll(NestedModels.HIDDEN);
    }
    if (survey.anyCountKey()) {
      // one module printed for several: the others are in no count
      Layer at = survey.countKey();
      diagnostics.add(Diagnostic.warning(at.line(), 0, "the key (" + at.name() + ") is "
          + (TreeSurvey.isIndexList(at.name()) ? "a list of indices" : "a count") + " written by hand, not a"
          + " key PyTorch prints (an index, a range such as (0-11): 12 x, or a name): one " + at.typeName()
          + " is printed for several, so the parameter total and every layer count are lower bounds"));
      lowerBounds.addAll(NestedModels.HIDDEN);
    }
    if (survey.anyElided()) {
      Layer first = survey.firstElided();
      diagnostics.add(Diagnostic.error(first.line(), 0, "'" + first.typeName() + "(...)'" + (survey.elided() > 1
          ? " and " + (survey.elided() - 1) + " more module(s) like it" : "") + ": the modules inside were left out of"
          + " the text, so every count is a lower bound"));
    }
    FooterCheck footer = new FooterCheck(network.totals(), tally.parameters, tally.exact, keras, diagnostics);
    ParameterNotes.add(tally.parameters, footer.exact, ties, inputSize, tally.assumptions, diagnostics);
    List<Analysis.AppliedRule> userRules = UserRuleUses.of(root, resolved, rules);
    UserRuleUses.report(userRules, root, diagnostics);
    if (fit == Explainer.Fit.CUT || explainer != null && explainer.truncated) {
      diagnostics.add(Diagnostic.info(0, 0, Analysis.Explanation.CUT + " (at most "
          + Explainer.LIMIT + ", with paths of at most " + Explainer.PATH_CHARS + " characters in all)"));
    }

    long depth = graph.isPresent() ? graph.getAsLong() : structure.ofRoot() * root.repeat();
    Analysis.LayerCounts layers = new Analysis.LayerCounts(
        Saturating.toInt(depth),
        graph.isPresent() && !network.orderAssumed() ? "graph" : "structure",
        Saturating.toInt(tally.weighted),
        Saturating.toInt(tally.parameterized),
        Saturating.toInt(tally.leaves),
        Saturating.toInt(tally.modules),
        blocks.container == null ? null : Saturating.toInt(blocks.length),
        keras ? root.children().size() : null,
        lowerBounds);
    Map<String, Integer> byType = new LinkedHashMap<>();
    tally.byType.forEach((type, n) -> byType.put(type, Saturating.toInt(n[0])));
    Network.StatedCosts costs = network.costs();
    Long statedMacs = costs == null ? null : costs.multAdds();
    Analysis.Macs macs = keras ? MacsEstimate.of(root, resolved, statedMacs) : new Analysis.Macs(statedMacs, null, List.of());
    return new Analysis(index, network.format(), true, new Analysis.Model(network.modelName(), root.typeName()),
        parameters(network, root, resolved, tally, footer.exact && !modelSummary && !survey.numberingGap() && !survey.anyCountKey(), ties, inputSize,
            footer.deduplicated, diagnostics), layers, byType,
        diagnostics, network, explanation, macs, costs == null ? null : costs.sizes(), userRules);
  }

  /** Whether a conv/FC layer stands at or below {@code layer}. */
  private static boolean anyWeighted(Layer layer, Resolved resolved) {
    return resolved.of(layer).weighted() > 0 || Subtrees.anyBelow(layer, l -> resolved.of(l).weighted() > 0);
  }

  /** The format of a pytorch_model_summary table: torchsummary's rows, each counting its whole sub-tree. */
  public static final String MODEL_SUMMARY = "pytorch-model-summary";

  /** Keras and TensorFlow.js summaries. */
  static boolean isKeras(String format) {
    return format.startsWith("keras") || format.startsWith("tfjs") || format.startsWith("tensorflow");
  }

  /**
   * Depth on the stated graph, or on the printed order of a Keras table without {@code Connected
   * to} (a chain), with the children off its longest paths; {@code null} where the structure must be
   * used instead, and an empty depth where the connections form a cycle. Where connections could
   * not be read into the graph, adds depth to {@code lowerBounds}.
   */
  private static GraphDepth.Result graphDepth(Network network, Layer root, Resolved resolved, boolean keras,
      List<Diagnostic> diagnostics, Set<Convention> lowerBounds) {
    if (!network.graphKnown() && !keras) {
      return null;
    }
    if (!network.graphKnown() && looksSubclassed(root)) {
      if (!network.orderAssumed()) { // (else the parser has said so)
        diagnostics.add(Diagnostic.info(0, 0, "rows without output shapes ('multiple', '?') are a subclassed model's"
            + " layers in the order they were created, not its dataflow: depth assumes they run in that order"));
      }
      return null;
    }
    // a Keras conv/FC row stated to hold no parameters is a layer the model never called (Keras 2's
    // '0 (unused)'; a 0 printed otherwise for such a layer is read as no count at all): on no path
    GraphDepth.Result result = GraphDepth.of(root, layer -> keras && layer.isLeaf()
        && Long.valueOf(0).equals(layer.stated().params()) ? 0 : resolved.of(layer).weighted(), network.graphKnown());
    result.problems().forEach(p -> diagnostics.add(Diagnostic.warning(0, 0, p + ": depth may be too small")));
    if (!result.problems().isEmpty()) {
      lowerBounds.add(Convention.DEPTH);
    }
    if (result.depth().isEmpty()) {
      diagnostics.add(Diagnostic.warning(0, 0,
          "the stated connections form a cycle among the listed layers: depth inferred from the structure"));
    }
    return result;
  }

  /**
   * Every row without an output shape Keras could give ({@code multiple}, {@code ?}): the layers of
   * a subclassed (or unbuilt) model. One such row alone is a layer called at several sites.
   */
  private static boolean looksSubclassed(Layer root) {
    boolean any = false;
    for (Layer child : root.children()) {
      String shape = child.stated().outputShape();
      if (shape == null) {
        continue;
      }
      if (!shape.trim().equals("multiple") && !shape.trim().equals("?")) {
        return false;
      }
      any = true;
    }
    return any;
  }

  private static Analysis.Parameters parameters(Network network, Layer root, Resolved resolved, Tally tally,
      boolean exact, TiedWeights ties, InputSize inputSize, Long footerDeduplicated, List<Diagnostic> diagnostics) {
    Network.StatedTotals footer = network.totals();
    long[] split = statedTrainableSplit(root, resolved);
    Long trainable = footer == null ? null : footer.trainable();
    Long nonTrainable = footer == null ? null : footer.nonTrainable();
    if (trainable == null || nonTrainable == null) {
      trainable = split == null ? trainable : Long.valueOf(split[0]);
      nonTrainable = split == null ? nonTrainable : Long.valueOf(split[1]);
    } else if (split != null && (split[0] != trainable || split[1] != nonTrainable)) {
      diagnostics.add(Diagnostic.info(0, 0, "the rows' trainable flags give " + split[0] + " trainable and " + split[1]
          + " non-trainable parameters, the footer " + trainable + " and " + nonTrainable + " (a trainable layer can"
          + " hold weights that do not train, such as BatchNormalization's moving statistics); the footer's are"
          + " reported"));
    }
    return new Analysis.Parameters(tally.parameters, exact, List.copyOf(tally.unknownTypes.keySet()),
        trainable, nonTrainable, footer, footerDeduplicated != null ? footerDeduplicated
            : ParameterNotes.deduplicated(tally.parameters, ties),
        ParameterNotes.assumptions(inputSize, tally.assumptions));
  }

  /**
   * Trainable and frozen parameters summed over the layers whose text says both what they own and
   * whether it trains; {@code null} unless every layer that owns parameters says so.
   */
  private static long[] statedTrainableSplit(Layer root, Resolved resolved) {
    long[] split = new long[2];
    boolean[] any = {false};
    boolean complete = resolved.walk(root, (layer, r, n) -> {
      if (layer.stated().repeated() || (r.known() && r.ownParameters() == 0)) {
        return true;
      }
      Boolean flag = layer.stated().trainable();
      if (!r.known() || flag == null) {
        return false;
      }
      int slot = flag ? 0 : 1;
      split[slot] = Saturating.add(split[slot], Saturating.multiply(n, r.ownParameters()));
      any[0] = true;
      return true;
    });
    return complete && any[0] ? split : null;
  }

  private static void addParameterDiagnostics(Tally tally, List<Diagnostic> diagnostics) {
    tally.unknownTypes.forEach((type, line) -> diagnostics.add(Diagnostic.warning(line, 0,
        reason(type, tally.why.get(type)) + ": the parameter total is a lower bound")));
  }

  private static String reason(String type, Resolution why) {
    if (Resolution.UNREADABLE.equals(why.basis())) {
      return "the printed arguments of " + type + " do not give its size";
    }
    if (Resolution.BIAS_UNKNOWN.equals(why.basis()) || StatedCounts.LOST.equals(why.basis())
        || StatedCounts.UNCOUNTED.equals(why.basis())
        || Resolution.MISSING.equals(why.basis()) || Resolution.NEEDS_INPUT.equals(why.basis())
        || Resolution.OTHER_CLASS.equals(why.basis()) || Resolution.AS_LINEAR.equals(why.basis())) {
      return why.note();
    }
    return type + " has no parameter rule and may own parameters the text does not show";
  }

}
