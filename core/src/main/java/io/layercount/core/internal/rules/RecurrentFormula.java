package io.layercount.core.internal.rules;

import io.layercount.core.model.Arguments;
import io.layercount.core.model.Layer;
import java.util.OptionalLong;

/**
 * {@code LSTM/GRU/RNN(input, hidden[, proj_size=, num_layers=, bias=, bidirectional=])} and the
 * {@code *Cell} forms. Per layer and direction: {@code W_ih (g·h × in)}, {@code W_hh (g·h × h_out)},
 * two biases of {@code g·h}, and with {@code proj_size=p} a projection {@code W_hr (p × h)}; layers
 * after the first read {@code h_out · directions}. {@code g} is 4 (LSTM), 3 (GRU) or 1 (RNN).
 */
final class RecurrentFormula implements Formula {
  private final int gates;
  private final boolean cell;

  private RecurrentFormula(int gates, boolean cell) {
    this.gates = gates;
    this.cell = cell;
  }

  static Formula stacked(int gates) {
    return new RecurrentFormula(gates, false);
  }

  static Formula cell(int gates) {
    return new RecurrentFormula(gates, true);
  }

  @Override
  public OptionalLong ownParameters(Layer layer) {
    Arguments a = layer.arguments();
    OptionalLong input = a.longValue("input_size", 0);
    OptionalLong hidden = a.longValue("hidden_size", 1);
    OptionalLong layers = cell || a.get("num_layers") == null ? OptionalLong.of(1) : a.longValue("num_layers", -1);
    OptionalLong proj = cell || a.get("proj_size") == null ? OptionalLong.of(0) : a.longValue("proj_size", -1);
    if (!Sizes.present(input, hidden, layers, proj)) {
      return OptionalLong.empty();
    }
    boolean bias = a.flag("bias", true);
    long directions = !cell && a.flag("bidirectional", false) ? 2 : 1;
    long h = hidden.getAsLong();
    long p = proj.getAsLong();
    long hOut = p > 0 ? p : h;
    OptionalLong total = OptionalLong.of(0);
    for (long l = 0; l < layers.getAsLong() && total.isPresent(); l++) {
      long in = l == 0 ? input.getAsLong() : hOut * directions;
      OptionalLong perDirection = Sizes.product(gates, h, in + hOut);
      perDirection = Sizes.plusIf(bias, perDirection, Sizes.product(2, gates, h));
      perDirection = Sizes.plusIf(p > 0, perDirection, Sizes.product(p, h));
      total = Sizes.plus(total, perDirection.isPresent()
          ? Sizes.product(directions, perDirection.getAsLong()) : perDirection);
    }
    return total;
  }
}
