package io.layercount.cli;

import io.layercount.core.model.LayerKind;
import java.util.EnumMap;
import java.util.Map;

/**
 * How each kind of layer looks in every picture (DOT, Mermaid, HTML), so that a convolution is
 * the same blue box everywhere.
 *
 * @param shape the Graphviz node shape
 * @param fill the fill colour
 * @param mermaid the Mermaid shape: its opening brackets (the closing ones mirror them)
 */
record KindStyle(String shape, String fill, String mermaid) {
  /** The colour of the longest conv/FC path. */
  static final String DEPTH_COLOUR = "#b2182b";

  private static final Map<LayerKind, KindStyle> STYLES = new EnumMap<>(LayerKind.class);

  static {
    STYLES.put(LayerKind.CONVOLUTION, new KindStyle("box", "#9ecae1", "["));
    STYLES.put(LayerKind.FULLY_CONNECTED, new KindStyle("box", "#fdae6b", "["));
    STYLES.put(LayerKind.NORMALIZATION, new KindStyle("ellipse", "#c7e9c0", "(["));
    STYLES.put(LayerKind.EMBEDDING, new KindStyle("cylinder", "#dadaeb", "[("));
    STYLES.put(LayerKind.RECURRENT, new KindStyle("hexagon", "#fdd0a2", "{{"));
    STYLES.put(LayerKind.ATTENTION, new KindStyle("octagon", "#fcbba1", "{{"));
    STYLES.put(LayerKind.ACTIVATION, new KindStyle("ellipse", "#f0f0f0", "(["));
    STYLES.put(LayerKind.POOLING, new KindStyle("invtrapezium", "#deebf7", "[/"));
    STYLES.put(LayerKind.DROPOUT, new KindStyle("ellipse", "#ffffff", "(["));
    STYLES.put(LayerKind.RESHAPE, new KindStyle("parallelogram", "#ffffff", "[/"));
    STYLES.put(LayerKind.CONTAINER, new KindStyle("box3d", "#ffffff", "[["));
    STYLES.put(LayerKind.INPUT, new KindStyle("parallelogram", "#ffffff", "[/"));
    STYLES.put(LayerKind.OTHER, new KindStyle("box", "#e5e5e5", "["));
    STYLES.put(LayerKind.UNKNOWN, new KindStyle("box", "#e5e5e5", "["));
  }

  /** The closing brackets of the Mermaid shape: {@code [(} closes with {@code )]}. */
  String mermaidClose() {
    StringBuilder close = new StringBuilder();
    for (int i = mermaid.length() - 1; i >= 0; i--) {
      char c = mermaid.charAt(i);
      close.append(switch (c) {
        case '[' -> ']';
        case '(' -> ')';
        case '{' -> '}';
        default -> c;
      });
    }
    return close.toString();
  }

  static KindStyle of(LayerKind kind) {
    return STYLES.get(kind);
  }

  static KindStyle of(LayerTree.Node node) {
    return of(drawnKind(node));
  }

  /**
   * The kind a node is drawn as: a closed container looks like one, whatever its class is; a leaf
   * whose class is a container elsewhere (a module printed with nothing inside) like any other layer.
   */
  static LayerKind drawnKind(LayerTree.Node node) {
    if (!node.isLeaf()) {
      return LayerKind.CONTAINER;
    }
    return node.kind() == LayerKind.CONTAINER ? LayerKind.OTHER : node.kind();
  }
}
