/**
 * A consumer of layercount compiled as a named module: it reads {@code io.layercount.core} and
 * nothing else, so a type of a non-exported package that leaked into the API cannot be used here.
 */
module io.layercount.embedding {
  requires io.layercount.core;
}
