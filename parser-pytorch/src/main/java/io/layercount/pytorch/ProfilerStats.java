package io.layercount.pytorch;

import java.util.regex.Pattern;

/**
 * The figures a profiler writes into each module's line of a printout it annotates, before the
 * module's own arguments: ptflops ({@code print_per_layer_stat}: {@code Conv2d(9.41 k, 0.080% Params,
 * 118.01 MMac, 6.465% MACs, 3, 64, kernel_size=(7, 7), ...)}) and DeepSpeed's flops profiler (also a
 * latency, its share and FLOPS). Read as arguments, they push the real ones out of place and no
 * rule applies; cut off, the line reads as PyTorch printed it.
 */
final class ProfilerStats {
  /** The first figure: the module's parameter count, in units ({@code 9.41 k}, {@code 128}). */
  private static final Pattern COUNT = Pattern.compile("\\d+(\\.\\d+)? ?[kKMGTB]?");
  /** A later figure: a share, MACs or FLOPs, or a time, each with its unit (a bare number is an argument). */
  private static final Pattern FIGURE = Pattern.compile("\\d+(\\.\\d+)?% (Params|MACs|latency|FLOPS|FLOPs)"
      + "|\\d+(\\.\\d+)? ?[KMGT]?(Mac|MACs|FLOPS|FLOPs|flops)|\\d+(\\.\\d+)? ?(s|ms|us|µs|ns)");

  private ProfilerStats() {}

  /**
   * {@code text}, the arguments of a module's line, without the profiler's figures before them:
   * only where it starts with a count and then its share of the {@code Params}; else itself.
   */
  static String cut(String text) {
    if (!text.contains("% Params")) {
      return text;
    }
    int at = 0;
    int items = 0;
    while (at < text.length()) {
      int comma = text.indexOf(',', at);
      String item = (comma < 0 ? text.substring(at) : text.substring(at, comma)).strip();
      if (!(items == 0 ? COUNT : FIGURE).matcher(item).matches() || items == 1 && !item.endsWith("% Params")) {
        break;
      }
      items++;
      at = comma < 0 ? text.length() : comma + 1;
    }
    return items < 2 ? text : text.substring(at).strip();
  }
}
