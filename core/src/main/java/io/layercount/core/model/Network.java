package io.layercount.core.model;

import io.layercount.core.Diagnostic;
import java.util.List;
import java.util.Objects;

/**
 * A model recovered from text: the module tree, and where the text gives it, the dataflow.
 *
 * @param format the format it was read from ({@code pytorch}, {@code pytorch-legacy}, {@code keras3}, ...)
 * @param modelName the model's own name where the text gives one (Keras), else {@code null}
 * @param root the root of the module tree
 * @param graphKnown whether {@link Layer.Stated#inbound()} edges give the real dataflow graph
 * @param totals the totals the text states in a footer, or {@code null}
 * @param diagnostics what the parser noticed about this model's text
 * @param costs the multiply-adds and memory sizes the text states (torchinfo, torchsummary footers),
 *     or {@code null}
 * @param orderAssumed where {@code graphKnown} is false, whether the rows' printed order is taken for
 *     the dataflow although the text does not show it is one: a Keras table that prints a {@code
 *     Connected to} column (Keras prints it only for a model that is no chain) with every cell empty,
 *     or a table printed without the column and without an input row whose model's name is not a
 *     Sequential's default ({@code sequential_3}): a subclassed model's rows are its layers in the
 *     order they were made. A Sequential's table, or a functional chain's (its input row shows), is
 *     no assumption.
 */
public record Network(
    String format,
    String modelName,
    Layer root,
    boolean graphKnown,
    StatedTotals totals,
    List<Diagnostic> diagnostics,
    StatedCosts costs,
    boolean orderAssumed) {

  /** Checks that the format and the root are given, and copies the diagnostics. */
  public Network {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(root, "root");
    diagnostics = List.copyOf(diagnostics);
  }

  /** A model whose dataflow, where not known, is its rows' printed order by the text's own account. */
  public Network(String format, String modelName, Layer root, boolean graphKnown, StatedTotals totals,
      List<Diagnostic> diagnostics, StatedCosts costs) {
    this(format, modelName, root, graphKnown, totals, diagnostics, costs, false);
  }

  /** A model whose text states no costs. */
  public Network(String format, String modelName, Layer root, boolean graphKnown, StatedTotals totals,
      List<Diagnostic> diagnostics) {
    this(format, modelName, root, graphKnown, totals, diagnostics, null, false);
  }

  /**
   * Totals printed in a summary's footer.
   *
   * @param total {@code Total params}
   * @param trainable {@code Trainable params}
   * @param nonTrainable {@code Non-trainable params}
   * @param optimizer {@code Optimizer params} (Keras 3)
   */
  public record StatedTotals(Long total, Long trainable, Long nonTrainable, Long optimizer) {}

  /**
   * Costs printed in a summary's footer.
   *
   * @param multAdds {@code Total mult-adds}, as a whole number (the printed value times its unit; it
   *     carries the rounding of the text), or {@code null}
   * @param sizes the memory sizes stated, or {@code null}
   */
  public record StatedCosts(Long multAdds, Sizes sizes) {}

  /**
   * Memory sizes a footer states, in megabytes of the text's own unit (a {@code kB} value divided by
   * 1000, a {@code GB} one times 1000); {@code null} where not stated.
   *
   * @param inputMB {@code Input size}
   * @param forwardBackwardMB {@code Forward/backward pass size}
   * @param paramsMB {@code Params size}
   * @param totalMB {@code Estimated Total Size}
   */
  public record Sizes(Double inputMB, Double forwardBackwardMB, Double paramsMB, Double totalMB) {}
}
