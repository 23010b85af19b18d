/**
 * Readers for the summary tables PyTorch users paste: {@code torchinfo} / {@code torch-summary}
 * ({@link io.layercount.pytorch.table.TorchinfoParser}) and the classic {@code torchsummary} and
 * {@code pytorch_model_summary} ({@link io.layercount.pytorch.table.TorchsummaryParser}).
 *
 * <p>Both find their tables with {@link io.layercount.pytorch.table.TableSplitter}, read the footer
 * with {@link io.layercount.pytorch.table.Footer} (parameter totals, mult-adds, sizes) and settle the
 * rows' trainable flags in {@link io.layercount.pytorch.table.TrainableRows}. Rows become layers whose
 * {@link io.layercount.core.model.Layer.Stated} holds the printed count; the counting engine adds
 * them up and compares the sum with the footer.
 */
package io.layercount.pytorch.table;
