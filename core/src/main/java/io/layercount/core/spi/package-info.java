/**
 * The parser service interface: implement {@link io.layercount.core.spi.SummaryParser} to read a
 * format of your own, and register it with {@code LayerCount.builder().parser(...)} or as a service
 * ({@code provides io.layercount.core.spi.SummaryParser with ...} in a module, or a
 * {@code META-INF/services} file on the class path).
 */
package io.layercount.core.spi;
