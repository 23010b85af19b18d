package io.layercount.pytorch.table;

/**
 * A column as the header row places it.
 *
 * @param kind what the column holds
 * @param title the title as printed
 * @param start the index in the header text where the title (and every cell) starts
 * @param width the cell width: the distance to the next title less the separating space;
 *     {@link Integer#MAX_VALUE} for the last column
 */
record HeaderColumn(Column kind, String title, int start, int width) {
  /** The name under which the column's cells are kept as arguments. */
  String argumentName() {
    return kind == Column.OTHER ? title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_") : kind.argumentName();
  }
}
