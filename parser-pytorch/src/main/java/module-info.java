/**
 * Reads PyTorch {@code print(model)} printouts (modern and legacy), torchinfo and torchsummary
 * tables. Exports nothing: the parsers are found as {@link io.layercount.core.spi.SummaryParser}
 * services.
 *
 * @provides io.layercount.core.spi.SummaryParser printouts, torchinfo and torchsummary tables
 */
module io.layercount.pytorch {
  requires io.layercount.core;

  provides io.layercount.core.spi.SummaryParser with
      io.layercount.pytorch.PytorchPrintoutParser,
      io.layercount.pytorch.table.TorchinfoParser,
      io.layercount.pytorch.table.TorchsummaryParser;
}
