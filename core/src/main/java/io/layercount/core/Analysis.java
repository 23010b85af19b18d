package io.layercount.core;

import io.layercount.core.model.LayerKind;
import io.layercount.core.model.Network;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything layercount says about one model found in a text: the JSON Lines object of output.md
 * (less {@code file}, which belongs to the caller).
 *
 * @param index which summary of the text (0 for the first)
 * @param format the format read, or {@code null} when none was recognised
 * @param ok whether a model was recovered
 * @param model the model's name and root type
 * @param parameters parameter totals and how sure they are
 * @param layers the layer counts, one per convention
 * @param byType leaf count per type name, in order of first appearance
 * @param diagnostics what was noticed, repaired or could not be known
 * @param network the recovered model, or {@code null} when {@code ok} is false
 * @param explanation what each convention counted
 * @param macs multiply-accumulate operations: stated by the text and estimated from it
 * @param sizes the memory sizes the text states (torchinfo, torchsummary), or {@code null}
 * @param userRules the user's rules (see {@link LayerRules}) that decided some layer, in order of
 *     first use; empty without user rules
 */
public record Analysis(
    int index,
    String format,
    boolean ok,
    Model model,
    Parameters parameters,
    LayerCounts layers,
    Map<String, Integer> byType,
    List<Diagnostic> diagnostics,
    Network network,
    Explanation explanation,
    Macs macs,
    Network.Sizes sizes,
    List<AppliedRule> userRules) {

  /** Copies the collections, so that the record stays immutable; {@code null} collections are empty. */
  public Analysis {
    byType = byType == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byType));
    diagnostics = List.copyOf(diagnostics);
    macs = macs == null ? Macs.NONE : macs;
    userRules = userRules == null ? List.of() : List.copyOf(userRules);
  }

  /** An analysis no user rule took part in. */
  public Analysis(int index, String format, boolean ok, Model model, Parameters parameters, LayerCounts layers,
      Map<String, Integer> byType, List<Diagnostic> diagnostics, Network network, Explanation explanation,
      Macs macs, Network.Sizes sizes) {
    this(index, format, ok, model, parameters, layers, byType, diagnostics, network, explanation, macs, sizes,
        List.of());
  }

  /** An analysis without costs. */
  public Analysis(int index, String format, boolean ok, Model model, Parameters parameters, LayerCounts layers,
      Map<String, Integer> byType, List<Diagnostic> diagnostics, Network network, Explanation explanation) {
    this(index, format, ok, model, parameters, layers, byType, diagnostics, network, explanation, Macs.NONE, null);
  }

  /** This analysis with other parameters and diagnostics, every other field kept. */
  public Analysis with(Parameters newParameters, List<Diagnostic> newDiagnostics) {
    return with(newParameters, layers, newDiagnostics);
  }

  /** This analysis with other parameters, layer counts and diagnostics, every other field kept. */
  public Analysis with(Parameters newParameters, LayerCounts newLayers, List<Diagnostic> newDiagnostics) {
    return new Analysis(index, format, ok, model, newParameters, newLayers, byType, newDiagnostics, network,
        explanation, macs, sizes, userRules);
  }

  /** An input in which no model was found. */
  public static Analysis failed(int index, String format, List<Diagnostic> diagnostics) {
    return new Analysis(index, format, false, new Model(null, null), Parameters.NONE, LayerCounts.NONE,
        Map.of(), diagnostics, null, Explanation.NONE);
  }

  /**
   * A user rule and what it counted in this model.
   *
   * @param type the class it decided
   * @param rule where the rule is written, as {@code file:line:column}
   * @param kind the kind of layer it made the class
   * @param occurrences how many module occurrences of the class it decided (runs expanded)
   * @param parameters the parameters those occurrences own themselves, as counted (the text's own
   *     counts where a table prints them)
   * @param exact whether that count is exact (false: a lower bound)
   * @param overridesBuiltIn whether a built-in rule also knows the class, and the user's won
   */
  public record AppliedRule(String type, String rule, LayerKind kind, long occurrences, long parameters,
      boolean exact, boolean overridesBuiltIn) {}

  /**
   * Multiply-accumulate operations of one forward pass.
   *
   * @param stated what the text states ({@code Total mult-adds}), or {@code null}
   * @param estimate layercount's estimate for one sample from the printed output shapes and parameter
   *     counts of the convolution and dense layers, or {@code null} where the text gives too little
   * @param assumptions what the estimate assumes and leaves out, in words
   */
  public record Macs(Long stated, Long estimate, List<String> assumptions) {
    /** Nothing stated and nothing estimated. */
    public static final Macs NONE = new Macs(null, null, List.of());

    /** Copies the list, so that the record stays immutable. */
    public Macs {
      assumptions = List.copyOf(assumptions);
    }
  }

  /**
   * @param name the model's own name (Keras), or {@code null}
   * @param rootType the root's class or type, or {@code null}
   */
  public record Model(String name, String rootType) {
    /** A blank name or type is none: a table that prints no root row names no root type. */
    public Model {
      name = name == null || name.isBlank() ? null : name;
      rootType = rootType == null || rootType.isBlank() ? null : rootType;
    }
  }

  /**
   * @param total sum of parameters over every module occurrence (see conventions.md)
   * @param exact true only when every count is known
   * @param unknownTypes types that may hold parameters the text does not show
   * @param trainable trainable parameters where the text tells, else {@code null}
   * @param nonTrainable non-trainable parameters where the text tells, else {@code null}
   * @param stated the text's own footer, or {@code null}
   * @param deduplicated total with likely-tied tensors counted once, or {@code null}
   * @param assumptions what the total takes from the user rather than the text (the stated input
   *     size and the tensors it sized); empty when the text alone gives it
   */
  public record Parameters(
      long total,
      boolean exact,
      List<String> unknownTypes,
      Long trainable,
      Long nonTrainable,
      Network.StatedTotals stated,
      Long deduplicated,
      List<String> assumptions) {
    /** No parameters known: the total of an input in which no model was found. */
    public static final Parameters NONE = new Parameters(0, false, List.of(), null, null, null, null);

    /** Copies the lists, so that the record stays immutable; {@code null} assumptions are none. */
    public Parameters {
      unknownTypes = List.copyOf(unknownTypes);
      assumptions = assumptions == null ? List.of() : List.copyOf(assumptions);
    }

    /** These parameters with {@code exact} set as given, every other field kept. */
    public Parameters withExact(boolean newExact) {
      return new Parameters(total, newExact, unknownTypes, trainable, nonTrainable, stated, deduplicated, assumptions);
    }

    /** Parameters that rest on the text alone (no assumptions). */
    public Parameters(long total, boolean exact, List<String> unknownTypes, Long trainable, Long nonTrainable,
        Network.StatedTotals stated, Long deduplicated) {
      this(total, exact, unknownTypes, trainable, nonTrainable, stated, deduplicated, List.of());
    }

    /** The memory {@code total} parameters take at common precisions. */
    public Memory memory() {
      return new Memory(saturatingTimes(total, 4), saturatingTimes(total, 2), total, total / 2 + total % 2);
    }

    private static long saturatingTimes(long n, int bytes) {
      return n > Long.MAX_VALUE / bytes ? Long.MAX_VALUE : n * bytes;
    }
  }

  /**
   * Parameter memory in bytes.
   *
   * @param float32 at 4 bytes a parameter
   * @param float16 at 2 bytes (bfloat16 or float16)
   * @param int8 at 1 byte
   * @param int4 at half a byte, rounded up
   */
  public record Memory(long float32, long float16, long int8, long int4) {}

  /**
   * One count per convention; {@code null} where a convention does not apply or cannot be known.
   *
   * @param depthBasis {@code graph} or {@code structure}
   * @param lowerBounds the conventions whose count may be too small, because the text does not list
   *     every layer the model holds (a torchinfo table cut at its depth limit, a Keras nested model
   *     shown as one row, rows lost to an error); a {@code null} count among them is unknown rather
   *     than not applicable. Empty where every count covers the whole model.
   */
  public record LayerCounts(
      Integer depth,
      String depthBasis,
      int weighted,
      int parameterized,
      int leaves,
      int modules,
      Integer blocks,
      Integer keras,
      Set<Convention> lowerBounds) {
    /** No counts: an input in which no model was found. */
    public static final LayerCounts NONE = new LayerCounts(null, "structure", 0, 0, 0, 0, null, null);

    /** Copies the lower bounds, so that the record stays immutable; {@code null} is none. */
    public LayerCounts {
      lowerBounds = lowerBounds == null || lowerBounds.isEmpty() ? Set.of()
          : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(lowerBounds));
    }

    /** Counts that each cover the whole model (no lower bounds). */
    public LayerCounts(Integer depth, String depthBasis, int weighted, int parameterized, int leaves, int modules,
        Integer blocks, Integer keras) {
      this(depth, depthBasis, weighted, parameterized, leaves, modules, blocks, keras, Set.of());
    }

    /** Whether the count for {@code convention} may be too small ({@link #lowerBounds}). */
    public boolean isLowerBound(Convention convention) {
      return lowerBounds.contains(convention);
    }

    /** These counts with {@code more} lower bounds besides those they have. */
    public LayerCounts withLowerBounds(Set<Convention> more) {
      if (lowerBounds.containsAll(more)) {
        return this;
      }
      Set<Convention> all = java.util.EnumSet.noneOf(Convention.class);
      all.addAll(lowerBounds);
      all.addAll(more);
      return new LayerCounts(depth, depthBasis, weighted, parameterized, leaves, modules, blocks, keras, all);
    }

    /** The count for {@code convention}, or {@code null}. */
    public Integer get(Convention convention) {
      switch (convention) {
        case DEPTH: return depth;
        case WEIGHTED: return weighted;
        case PARAMETERIZED: return parameterized;
        case LEAVES: return leaves;
        case MODULES: return modules;
        case BLOCKS: return blocks;
        case KERAS: return keras;
        default: throw new AssertionError(convention);
      }
    }
  }

  /**
   * What a convention counted: for each convention, the layers in order, and for {@code depth}
   * also what was left out and why.
   *
   * @param counted per convention, the module paths it counted (runs expanded), in order
   * @param excluded per convention, paths it left out with the reason
   */
  public record Explanation(Map<Convention, List<String>> counted, Map<Convention, List<Exclusion>> excluded) {
    /** Nothing explained. */
    public static final Explanation NONE = new Explanation(Map.of(), Map.of());
    /**
     * How the diagnostic starts that says an explanation was cut (it lists the first module
     * occurrences only): its lists are then shorter than the counts beside them.
     */
    public static final String CUT = "the explanation lists only the first module occurrences";

    /** A layer a convention did not count, and why. */
    public record Exclusion(String path, String reason) {}
  }
}
