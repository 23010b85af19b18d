package io.layercount.core.model;

/** What a layer does, as far as counting is concerned. */
public enum LayerKind {
  CONVOLUTION,
  FULLY_CONNECTED,
  NORMALIZATION,
  EMBEDDING,
  RECURRENT,
  ATTENTION,
  ACTIVATION,
  POOLING,
  DROPOUT,
  RESHAPE,
  CONTAINER,
  INPUT,
  OTHER,
  UNKNOWN;

  /** Convolution and fully-connected layers: the ones {@code depth} and {@code weighted} count. */
  public boolean isWeighted() {
    return this == CONVOLUTION || this == FULLY_CONNECTED;
  }

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
