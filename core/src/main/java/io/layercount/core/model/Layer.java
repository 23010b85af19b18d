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

  /** Checks the name, type and run length; {@code null} arguments and statements are none. */
  public Layer {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(typeName, "typeName");
    arguments = arguments == null ? Arguments.NONE : arguments;
    children = LayerList.of(children);
    stated = stated == null ? Stated.NONE : stated;
    if (repeat < 1) {
      throw new IllegalArgumentException("repeat must be at least 1: " + repeat);
    }
  }

  /** A layer with the given children and nothing stated. */
  public static Layer of(String name, String typeName, Arguments arguments, List<Layer> children, int line) {
    return new Layer(name, typeName, arguments, children, 1, Stated.NONE, line);
  }

  /** Whether the layer has no children. */
  public boolean isLeaf() {
    // every empty child list is the one empty LayerList: no load of the list or its array
    return children == LayerList.EMPTY;
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
   * What the text states about a layer, where a format prints it (Keras, torchinfo, torchsummary).
   *
   * @param params the printed parameter count, or {@code null} where the text never gave it or lost it
   * @param trainable whether the layer's parameters are trainable, or {@code null}
   * @param outputShape the printed output shape, or {@code null}
   * @param inbound names of the layers this one receives input from (Keras {@code Connected to}), one
   *     entry per printed item
   * @param connections the same items with their node and tensor indices ({@code name[1][0]}), in the
   *     same order as {@code inbound}; empty where the format gives no indices
   * @param scope what a printed count covers on a row that has children ({@link ParamScope})
   * @param repeated the row shows again a module listed before (torchinfo {@code (recursive)}): a
   *     second call, not a second module, so it is counted nowhere
   * @param typeCompletions where the text cut the type name ({@code Conv2D…}), the known classes it can
   *     be; empty otherwise
   */
  public record Stated(
      Long params,
      Boolean trainable,
      String outputShape,
      List<String> inbound,
      List<Connection> connections,
      ParamScope scope,
      boolean repeated,
      List<String> typeCompletions) {
    /** Nothing stated. */
    public static final Stated NONE = new Stated(null, null, null, List.of());

    /** Copies the lists, so that the record stays immutable. */
    public Stated {
      inbound = inbound == null ? List.of() : List.copyOf(inbound);
      connections = connections == null ? List.of() : List.copyOf(connections);
      scope = scope == null ? ParamScope.SUBTREE : scope;
      typeCompletions = typeCompletions == null ? List.of() : List.copyOf(typeCompletions);
    }

    /** A count, flag, shape and inbound names; a count on a row with children covers its sub-tree. */
    public Stated(Long params, Boolean trainable, String outputShape, List<String> inbound) {
      this(params, trainable, outputShape, inbound, List.of(), ParamScope.SUBTREE, false, List.of());
    }

    /** This statement with another trainable flag. */
    public Stated withTrainable(Boolean flag) {
      return new Stated(params, flag, outputShape, inbound, connections, scope, repeated, typeCompletions);
    }
  }

  /**
   * What the printed count of a row with children covers.
   */
  public enum ParamScope {
    /** The row's whole sub-tree, its children's counts included (Keras: a nested model's row). */
    SUBTREE,
    /**
     * Only what no row below shows: the module's own parameters, or, at the deepest level a table
     * displays, a collapsed sub-tree's total (torchinfo).
     */
    OWN
  }

  /**
   * One item of a Keras {@code Connected to} cell.
   *
   * @param layer the producing layer's name among the consumer's siblings
   * @param node which call of the producer gave the tensor ({@code name[node][tensor]}), -1 where lost
   * @param tensor which output of that call, -1 where lost
   */
  public record Connection(String layer, int node, int tensor) {
    /** Checks that the producing layer is named. */
    public Connection {
      Objects.requireNonNull(layer, "layer");
    }
  }
}
