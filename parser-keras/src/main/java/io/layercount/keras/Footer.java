package io.layercount.keras;

import io.layercount.core.Diagnostic;
import io.layercount.core.model.Network;
import io.layercount.core.spi.Source.Line;
import java.util.List;

/**
 * The totals under a table: {@code Total params: 25,636,712}, {@code Trainable params: 27049 (105.66 KB)},
 * {@code Non-trainable params: 0 (0.00 Byte)}, {@code Optimizer params: 2,244 (8.77 KB)}.
 *
 * @param totals the numbers read
 * @param end the index of the first line after the footer (a closing rule included)
 */
record Footer(Network.StatedTotals totals, int end) {
  private static final String[] LABELS = {
    "Total params:", "Trainable params:", "Non-trainable params:", "Optimizer params:"
  };

  /** Whether the line opens a footer. */
  static boolean starts(String text) {
    return text.trim().startsWith(LABELS[0]);
  }

  /** Reads the footer that starts at {@code from}, stopping at {@code to}. */
  static Footer read(List<Line> lines, int from, int to, List<Diagnostic> diagnostics) {
    Long[] values = new Long[LABELS.length];
    int i = from;
    for (; i < to; i++) {
      String t = lines.get(i).text().trim();
      if (t.isEmpty()) {
        // Keras 3 as some notebooks render it: a blank line between the footer's lines
        int next = i + 1;
        while (next < to && lines.get(next).isBlank()) {
          next++;
        }
        int after = next < to ? label(lines.get(next).text().trim()) : -1;
        if (after < 0 || values[after] != null) {
          break;
        }
        i = next;
        t = lines.get(i).text().trim();
      }
      int label = label(t);
      if (label < 0 || values[label] != null) {
        break;
      }
      Long v = Counts.leading(t.substring(LABELS[label].length()));
      if (v == null) {
        diagnostics.add(Diagnostic.warning(lines.get(i).number(), lines.get(i).column(0),
            "cannot read the number in '" + t + "'"));
      }
      values[label] = v;
    }
    if (i < to && Lines.isRule(lines.get(i).text(), "_")) {
      i++;
    }
    return new Footer(new Network.StatedTotals(values[0], values[1], values[2], values[3]), i);
  }

  private static int label(String t) {
    for (int k = 0; k < LABELS.length; k++) {
      if (t.startsWith(LABELS[k])) {
        return k;
      }
    }
    return -1;
  }
}
