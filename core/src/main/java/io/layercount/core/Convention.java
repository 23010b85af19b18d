package io.layercount.core;

/** The ways of counting layers that layercount reports side by side (see conventions.md). */
public enum Convention {
  /** The largest number of convolution or fully-connected layers on any path from input to output. */
  DEPTH("depth", "conv/FC layers on the longest path (why ResNet-18 is called 18)"),
  /** Every convolution and fully-connected layer, on any path. */
  WEIGHTED("weighted", "every convolution and fully-connected layer"),
  /** Every layer that owns parameters: every leaf, and every conv/FC layer printed with children. */
  PARAMETERIZED("parameterized", "every layer that owns parameters: leaves, and conv/FC layers printed with children"),
  /** Leaf modules as printed, every occurrence, collapsed runs expanded. */
  LEAVES("leaves", "leaf modules as printed, runs expanded"),
  /** Every module occurrence, containers and the root included. */
  MODULES("modules", "every module, containers and the root included"),
  /** The length of the main stack of repeated blocks. */
  BLOCKS("blocks", "length of the main stack of repeated blocks (\"12-layer BERT\")"),
  /** Top-level layers of a Keras model, InputLayer rows included. */
  KERAS("keras", "len(model.layers) of a Keras model");

  private final String key;
  private final String meaning;

  Convention(String key, String meaning) {
    this.key = key;
    this.meaning = meaning;
  }

  /** The key used in JSON and on the command line. */
  public String key() {
    return key;
  }

  /** A one-line meaning for reports. */
  public String meaning() {
    return meaning;
  }

  /** The convention with this key, or {@code null}. */
  public static Convention byKey(String key) {
    for (Convention c : values()) {
      if (c.key.equalsIgnoreCase(key)) {
        return c;
      }
    }
    return null;
  }
}
