package io.layercount.core.model;

import java.util.List;
import java.util.Objects;

/**
 * One module or layer as the text shows it: a node of the module tree.
 *
 * <p>A collapsed run ({@code (0-31): 32 x LlamaDecoderLayer(}) is one {@code Layer} with
 * {@code repeat == 32}; its occurrences are named {@code name}, {@code name+1}, ... when {@code name}
 * is a number. Counting always expands runs.
 *
 * @param name the key under the parent ({@code "conv1"}, {@code "0"}); empty for the root
 * @param typeName the class or layer type as printed ({@code "Conv2d"}, {@code "Dense"})
 * @param arguments the printed arguments
 * @param children child layers in printed order
 * @param repeat how many identical consecutive occurrences this node stands for (at least 1)
 * @param stated what the text itself states about this layer (parameter count, shape), if anything
 * @param line the 1-based line of the original input where the layer starts (0 if synthetic)
 */
public record Layer(
    String name,
    String typeName,
    Arguments arguments,
    List<Layer> children,
    int repeat,
    Stated stated,
    int line) {

  public Layer {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(typeName, "typeName");
    arguments = arguments == null ? Arguments.NONE : arguments;
    children = List.copyOf(children);
    stated = stated == null ? Stated.NONE : stated;
    if (repeat < 1) {
      throw new IllegalArgumentException("repeat must be at least 1: " + repeat);
    }
  }

  /** A layer with the given children and nothing stated. */
  public static Layer of(String name, String typeName, Arguments arguments, List<Layer> children, int line) {
    return new Layer(name, typeName, arguments, children, 1, Stated.NONE, line);
  }

  public boolean isLeaf() {
    return children.isEmpty();
  }

  /** The key of occurrence {@code i} of a run: consecutive integers when the name is one. */
  public String occurrenceName(int i) {
    if (i == 0) {
      return name;
    }
    // checked rather than caught: a run of 50,000 named occurrences would throw 50,000 times
    java.util.OptionalLong n = Arguments.parseLong(name);
    return n.isPresent() && n.getAsLong() <= Long.MAX_VALUE - i ? Long.toString(n.getAsLong() + i) : name + "#" + i;
  }

  /**
   * What the text states about a layer, where a format prints it (Keras, torchinfo).
   *
   * @param params the printed parameter count, or {@code null}
   * @param trainable whether the layer's parameters are trainable, or {@code null}
   * @param outputShape the printed output shape, or {@code null}
   * @param inbound names of the layers this one receives input from (Keras {@code Connected to})
   */
  public record Stated(Long params, Boolean trainable, String outputShape, List<String> inbound) {
    public static final Stated NONE = new Stated(null, null, null, List.of());

    public Stated {
      inbound = inbound == null ? List.of() : List.copyOf(inbound);
    }
  }
}
