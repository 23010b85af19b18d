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

  /** The share of the MACs or FLOPs, second where the profiler printed no parameter count. */
  private static final Pattern SHARE = Pattern.compile("\\d+(\\.\\d+)?% (MACs|FLOPs|FLOPS)");

  private ProfilerStats() {}

  /**
   * {@code text}, the arguments of a module's line, without the profiler's figures before them:
   * only where it starts with a count and then its share of the {@code Params}, or, where the
   * profiler was told to print no parameters (ptflops with {@code Conv2d(0.113 GMac, 5.403% MACs,
   * 3, 32, ...)}), with MACs or FLOPs and then their share; else itself.
   */
  static String cut(String text) {
    if (text.indexOf('%') < 0) {
      return text; // nearly every line: one scan, not one per figure's name
    }
    boolean params = text.contains("% Params");
    if (!params && !text.contains("% MACs") && !text.contains("% FLOPs") && !text.contains("% FLOPS")) {
      return text;
    }
    int at = 0;
    int items = 0;
    while (at < text.length()) {
      int comma = text.indexOf(',', at);
      String item = (comma < 0 ? text.substring(at) : text.substring(at, comma)).strip();
      if (!(items == 0 && params ? COUNT : FIGURE).matcher(item).matches()
          || items == 1 && !(params ? item.endsWith("% Params") : SHARE.matcher(item).matches())) {
        break;
      }
      items++;
      at = comma < 0 ? text.length() : comma + 1;
    }
    return items < 2 ? text : text.substring(at).strip();
  }
}
