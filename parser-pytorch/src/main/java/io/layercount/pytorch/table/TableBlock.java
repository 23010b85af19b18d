package io.layercount.pytorch.table;

import io.layercount.core.spi.Source;
import java.util.List;

/**
 * The lines of one summary table.
 *
 * @param header the header row ({@code Layer (type:depth-idx)  Output Shape  Param #})
 * @param rows the lines between the header's rule and the footer's, blank lines and rules left out
 * @param footer the footer lines (totals, mult-adds, sizes), rules left out
 * @param closed whether the rows were closed by a rule or a footer line (else the text ended or
 *     another table began)
 */
record TableBlock(Source.Line header, List<Source.Line> rows, List<Source.Line> footer, boolean closed) {
  TableBlock {
    rows = List.copyOf(rows);
    footer = List.copyOf(footer);
  }
}
