package io.layercount.core.spi;

/**
 * Turns the text of one family of formats into {@link io.layercount.core.model.Network}s.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader}; they must be stateless and
 * thread-safe, never print, never throw on bad input (problems come back as diagnostics), and
 * account for every input line: part of a model, or named in a diagnostic.
 */
public interface SummaryParser {
  /** A short name for the family, e.g. {@code pytorch}, {@code keras}, {@code torchinfo}. */
  String family();

  /**
   * How sure this parser is that the text is its format: 0 not at all, 1 certain. The parser with
   * the highest score reads the text.
   */
  double detect(Source source);

  /** Reads every model in the text. */
  ParseResult parse(Source source);
}
