package io.layercount.keras;

import io.layercount.core.Diagnostic;
import io.layercount.core.model.Layer;
import io.layercount.core.model.Network;
import io.layercount.core.spi.ParseResult;
import java.util.ArrayList;
import java.util.List;

/** A plain-text rendering of everything a parse produced, for golden files. */
final class NetworkDump {
  private NetworkDump() {}

  static String of(ParseResult result) {
    StringBuilder b = new StringBuilder();
    int k = 0;
    for (Network n : result.networks()) {
      k++;
      b.append("network ").append(k).append(": format=").append(n.format()).append(" model=").append(n.modelName())
          .append(" root=").append(n.root().typeName()).append(" graph=").append(n.graphKnown()).append('\n');
      b.append("totals: ").append(n.totals()).append('\n');
      List<Object[]> stack = new ArrayList<>();
      List<Layer> top = n.root().children();
      for (int i = top.size() - 1; i >= 0; i--) {
        stack.add(new Object[] {top.get(i), 1});
      }
      while (!stack.isEmpty()) {
        Object[] e = stack.remove(stack.size() - 1);
        Layer l = (Layer) e[0];
        int depth = (int) e[1];
        Layer.Stated s = l.stated();
        b.append("  ".repeat(depth)).append(l.name()).append(" : ").append(l.typeName())
            .append(" | line=").append(l.line())
            .append(" | params=").append(s.params())
            .append(" | trainable=").append(s.trainable())
            .append(" | shape=").append(s.outputShape());
        if (!s.inbound().isEmpty()) {
          b.append(" | in=").append(s.inbound()).append(" | connected_to=").append(l.arguments().get("connected_to"));
        }
        b.append('\n');
        for (int i = l.children().size() - 1; i >= 0; i--) {
          stack.add(new Object[] {l.children().get(i), depth + 1});
        }
      }
      for (Diagnostic d : n.diagnostics()) {
        b.append("  L").append(d.line()).append(' ').append(d.severity().label()).append(": ").append(d.message()).append('\n');
      }
    }
    for (Diagnostic d : result.diagnostics()) {
      if (d.line() > 0) {
        b.append("text L").append(d.line()).append(' ').append(d.severity().label()).append(": ").append(d.message()).append('\n');
      }
    }
    return b.toString();
  }
}
