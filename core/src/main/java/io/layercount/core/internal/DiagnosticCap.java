package io.layercount.core.internal;

import io.layercount.core.Diagnostic;
import io.layercount.core.Limits;
import io.layercount.core.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Keeps at most {@code max} diagnostics of one analysis, the most serious first (an error is never
 * dropped for a note), in their original order, and sums up the rest in one last diagnostic as
 * serious as the worst one it stands for.
 */
final class DiagnosticCap {
  private DiagnosticCap() {}

  static List<Diagnostic> apply(List<Diagnostic> all, int max) {
    if (all.size() <= max) {
      return all;
    }
    List<Integer> order = new ArrayList<>(all.size());
    for (int i = 0; i < all.size(); i++) {
      order.add(i);
    }
    // a stable sort by severity: within one severity the text order stays
    order.sort(Comparator.comparingInt(i -> all.get(i).severity().ordinal()));
    boolean[] kept = new boolean[all.size()];
    for (int k = 0; k < max; k++) {
      kept[order.get(k)] = true;
    }
    List<Diagnostic> out = new ArrayList<>(max + 1);
    Severity worstDropped = Severity.INFO;
    for (int i = 0; i < all.size(); i++) {
      if (kept[i]) {
        out.add(all.get(i));
      } else if (all.get(i).severity().ordinal() < worstDropped.ordinal()) {
        worstDropped = all.get(i).severity();
      }
    }
    int dropped = all.size() - max;
    out.add(new Diagnostic(0, 0, worstDropped, String.format(Locale.ROOT,
        "%,d more diagnostic%s not shown: %s", dropped, dropped == 1 ? "" : "s", Limits.howToRaise("maxDiagnostics"))));
    return out;
  }
}
