/**
 * Reads Keras and TensorFlow.js {@code model.summary()} tables. Exports nothing: the parser is found
 * as a {@link io.layercount.core.spi.SummaryParser} service.
 *
 * @provides io.layercount.core.spi.SummaryParser Keras 1, 2 and 3 and TensorFlow.js summaries
 */
module io.layercount.keras {
  requires io.layercount.core;

  provides io.layercount.core.spi.SummaryParser with io.layercount.keras.KerasSummaryParser;
}
