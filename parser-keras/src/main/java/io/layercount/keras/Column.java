package io.layercount.keras;

/**
 * One column of a summary table.
 *
 * @param kind what the column holds
 * @param start 0-based index where the column starts in the repaired line (a box table: the first
 *     character after the border)
 * @param end 0-based index where the next column starts (a box table: the right border)
 */
record Column(ColumnKind kind, int start, int end) {}
