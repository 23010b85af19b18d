/**
 * layercount's core: the facade {@link io.layercount.core.LayerCount}, the result records, the
 * neutral model parsers produce and the parser SPI. The counting engine and the rule tables live in
 * {@code io.layercount.core.internal} packages, which are not exported.
 *
 * @uses io.layercount.core.spi.SummaryParser the parsers {@link io.layercount.core.LayerCount}
 *     chooses from
 */
module io.layercount.core {
  requires com.fasterxml.jackson.databind;

  exports io.layercount.core;
  exports io.layercount.core.model;
  exports io.layercount.core.spi;

  uses io.layercount.core.spi.SummaryParser;
}
