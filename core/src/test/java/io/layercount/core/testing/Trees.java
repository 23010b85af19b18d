package io.layercount.core.testing;

import io.layercount.core.model.Layer;
import io.layercount.core.model.Network;
import java.util.ArrayList;
import java.util.List;

/** Layer trees compared without where they stood in a text: for tests that read a text moved or damaged. */
public final class Trees {
  private Trees() {}

  /** {@code layer} and every layer under it with line 0: the same tree, wherever it stood in the text. */
  public static Layer withoutLines(Layer layer) {
    List<Layer> children = new ArrayList<>(layer.children().size());
    layer.children().forEach(child -> children.add(withoutLines(child)));
    return new Layer(layer.name(), layer.typeName(), layer.arguments(), children, layer.repeat(), layer.stated(), 0);
  }

  /** {@code network} with its tree {@link #withoutLines(Layer) without lines}, all else as it is. */
  public static Network withoutLines(Network network) {
    return new Network(network.format(), network.modelName(), withoutLines(network.root()), network.graphKnown(),
        network.totals(), network.diagnostics(), network.costs());
  }
}
