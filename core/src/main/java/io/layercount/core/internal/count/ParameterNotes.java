package io.layercount.core.internal.count;

import io.layercount.core.Diagnostic;
import io.layercount.core.InputSize;
import io.layercount.core.internal.rules.TiedWeights;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The deduplicated total and the assumptions behind a parameter total, with their diagnostics. */
final class ParameterNotes {
  private ParameterNotes() {}

  /** The total with assumed-tied tensors once, or {@code null} when the text shows no tie pattern. */
  static Long deduplicated(long total, TiedWeights ties) {
    return ties.saved == 0 ? null : Math.max(0, total - ties.saved);
  }

  /** The stated input size and every tensor sized by it; empty when nothing was sized by it. */
  static List<String> assumptions(InputSize inputSize, Set<String> sized) {
    if (inputSize == null || sized.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    out.add("input size " + inputSize + " (stated by the user)");
    out.addAll(sized);
    return out;
  }

  /** {@code exact}: whether {@code total} is exact; else the deduplicated total is a lower bound too. */
  static void add(long total, boolean exact, TiedWeights ties, InputSize inputSize, Set<String> sized,
      List<Diagnostic> diagnostics) {
    if (ties.saved > 0) {
      diagnostics.add(Diagnostic.info(0, 0, "if these tensors are tied (one tensor each, as the same shape in the"
          + " usual places suggests; the text cannot tell, e.g. tie_word_embeddings differs between models), the"
          + " model holds " + (exact ? "" : "at least ") + deduplicated(total, ties)
          + " distinct parameters (parameters.deduplicated): "
          + String.join("; ", ties.groups)));
    }
    if (inputSize != null && !sized.isEmpty()) {
      diagnostics.add(Diagnostic.info(0, 0, "sized for the stated input " + inputSize + ": "
          + String.join("; ", sized) + " (another input size gives another total)"));
    }
  }
}
