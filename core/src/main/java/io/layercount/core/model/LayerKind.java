package io.layercount.core.model;

/** What a layer does, as far as counting is concerned. */
public enum LayerKind {
  /** A convolution (any dimension, transposed, depthwise or separable). */
  CONVOLUTION,
  /** A fully-connected (linear, dense) layer. */
  FULLY_CONNECTED,
  /** Batch, layer, group, instance or RMS normalisation. */
  NORMALIZATION,
  /** A lookup table of learned vectors. */
  EMBEDDING,
  /** LSTM, GRU and other recurrent layers. */
  RECURRENT,
  /** An attention layer that holds its own projections. */
  ATTENTION,
  /** An element-wise non-linearity. */
  ACTIVATION,
  /** Max, average and adaptive pooling. */
  POOLING,
  /** Dropout in any form. */
  DROPOUT,
  /** Flatten, upsampling, padding and other changes of shape. */
  RESHAPE,
  /** A module that only holds others. */
  CONTAINER,
  /** A Keras InputLayer. */
  INPUT,
  /** Anything else that is known. */
  OTHER,
  /** Nothing is known about the layer. */
  UNKNOWN;

  /** Convolution and fully-connected layers: the ones {@code depth} and {@code weighted} count. */
  public boolean isWeighted() {
    return this == CONVOLUTION || this == FULLY_CONNECTED;
  }

  /** The lower-case, hyphenated name used in reports, JSON and rules files ({@code fully-connected}). */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
