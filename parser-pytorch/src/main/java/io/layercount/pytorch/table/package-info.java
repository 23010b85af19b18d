/**
 * Readers for the summary tables PyTorch users paste: {@code torchinfo} / {@code torch-summary}
 * ({@link io.layercount.pytorch.table.TorchinfoParser}) and the classic {@code torchsummary} and
 * {@code pytorch_model_summary} ({@link io.layercount.pytorch.table.TorchsummaryParser}).
 *
 * <p>Both find their tables with {@link io.layercount.pytorch.table.TableSplitter}, read the footer
 * with {@link io.layercount.pytorch.table.Footer} and compare the rows with the footer in
 * {@link io.layercount.pytorch.table.RowSumCheck}.
 */
package io.layercount.pytorch.table;
