package io.layercount.core.internal.rules;

import io.layercount.core.model.Layer;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ParameterList}/{@code ParameterDict} print one line per tensor:
 * {@code (0): Parameter containing: [torch.float32 of size 3x3]}, a tensor on a GPU with its device
 * after the size ({@code [torch.float32 of size 784x512 (cuda:0)]}), a scalar with no size
 * ({@code of size ]}: one element). The count is the sum of the printed sizes; a line without a size
 * makes it unknown.
 */
final class ParameterListFormula {
  private static final Pattern ENTRY =
      Pattern.compile("Parameter containing: \\[[^\\]]*?(?: of size ([0-9x]*)(?: \\([^)\\]]*\\))?)?\\]");

  private ParameterListFormula() {}

  static OptionalLong printedTensors(Layer layer) {
    Matcher m = ENTRY.matcher(layer.arguments().raw());
    OptionalLong total = OptionalLong.of(0);
    while (m.find()) {
      if (m.group(1) == null) {
        return OptionalLong.empty();
      }
      if (m.group(1).isEmpty()) {
        total = Sizes.plus(total, OptionalLong.of(1)); // a scalar: no dimensions, one element
        continue;
      }
      String[] dims = m.group(1).split("x");
      long[] sizes = new long[dims.length];
      for (int i = 0; i < dims.length; i++) {
        OptionalLong d = io.layercount.core.model.Arguments.parseLong(dims[i]);
        if (d.isEmpty()) {
          return d;
        }
        sizes[i] = d.getAsLong();
      }
      total = Sizes.plus(total, Sizes.product(sizes));
    }
    return total;
  }
}
