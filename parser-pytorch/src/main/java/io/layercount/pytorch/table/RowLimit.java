package io.layercount.pytorch.table;

import io.layercount.core.Diagnostic;
import io.layercount.core.Limits;
import io.layercount.core.spi.Source;
import java.util.List;
import java.util.Locale;

/** The rows of a table that {@link Limits#maxLayers()} lets a reader take; past it, an error says so. */
final class RowLimit {
  private RowLimit() {}

  static List<Source.Line> rows(TableBlock block, Limits limits, List<Diagnostic> diagnostics) {
    List<Source.Line> rows = block.rows();
    if (rows.size() <= limits.maxLayers()) {
      return rows;
    }
    Source.Line first = rows.get(limits.maxLayers());
    diagnostics.add(Diagnostic.error(first.number(), 1, Limits.exceeded(
        String.format(Locale.ROOT, "the table has %,d rows", rows.size()), "maxLayers", limits.maxLayers())
        + "; the rows from here on are not read, so the counts are lower bounds"));
    return rows.subList(0, limits.maxLayers());
  }
}
