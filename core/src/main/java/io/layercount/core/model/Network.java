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
 */
public record Network(
    String format,
    String modelName,
    Layer root,
    boolean graphKnown,
    StatedTotals totals,
    List<Diagnostic> diagnostics) {

  public Network {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(root, "root");
    diagnostics = List.copyOf(diagnostics);
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
}
