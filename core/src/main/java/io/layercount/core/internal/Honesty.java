package io.layercount.core.internal;

import io.layercount.core.Analysis;
import io.layercount.core.Convention;
import io.layercount.core.Diagnostic;
import io.layercount.core.Limits;
import io.layercount.core.Severity;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * The last word on an analysis before it leaves the library: a count is only called exact when
 * nothing went wrong on the way (no error: an error means a number may be missing), and no count
 * hit the top of its type (sums saturate rather than wrap, so a saturated one is only a bound); after
 * an error every layer count is a lower bound too.
 * Then the diagnostics are capped at {@link Limits#maxDiagnostics()}, and so is the length of a
 * message: parsers quote the text they could not read, and that text may be a line of a megabyte.
 */
public final class Honesty {
  /** Room for any message layercount writes, with a quote of a few dozen characters. */
  static final int MESSAGE_CHARS = 400;

  private Honesty() {}

  public static Analysis check(Analysis a, Limits limits) {
    List<Diagnostic> diagnostics = new ArrayList<>(a.diagnostics().size());
    for (Diagnostic d : a.diagnostics()) {
      diagnostics.add(d.message().length() <= MESSAGE_CHARS ? d : new Diagnostic(d.line(), d.column(), d.severity(),
          d.message().substring(0, MESSAGE_CHARS) + String.format(Locale.ROOT, "… (%,d characters in all)",
              d.message().length())));
    }
    Analysis.Parameters p = a.parameters();
    boolean exact = p.exact();
    boolean error = false;
    if (a.ok()) {
      if (p.total() == Long.MAX_VALUE) {
        diagnostics.add(Diagnostic.error(0, 0, "the parameter total reaches " + format(Long.MAX_VALUE)
            + ", the largest 64-bit count: it is shown as that and is only a lower bound"));
      }
      for (Convention c : Convention.values()) {
        Integer n = a.layers().get(c);
        if (n != null && n == Integer.MAX_VALUE) {
          diagnostics.add(Diagnostic.error(0, 0, "the " + c.key() + " count reaches " + format(Integer.MAX_VALUE)
              + ", the largest count reported: it is shown as that and is only a lower bound"));
        }
      }
      error = diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
      exact &= !error;
    }
    Analysis.Parameters parameters = exact == p.exact() ? p : p.withExact(exact);
    // an error may have cost layers too (the rows past a limit are not read): every count is a bound
    // (not keras where it does not apply: a PyTorch text has no len(model.layers) to be too small)
    Analysis.LayerCounts layers = !error ? a.layers() : a.layers().withLowerBounds(a.layers().keras() != null
        ? EnumSet.allOf(Convention.class) : EnumSet.complementOf(EnumSet.of(Convention.KERAS)));
    return a.with(parameters, layers, DiagnosticCap.apply(diagnostics, limits.maxDiagnostics()));
  }

  private static String format(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
