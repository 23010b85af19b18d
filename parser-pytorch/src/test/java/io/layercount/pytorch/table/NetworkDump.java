package io.layercount.pytorch.table;

import io.layercount.core.Diagnostic;
import io.layercount.core.model.Layer;
import io.layercount.core.model.Network;
import io.layercount.core.spi.ParseResult;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/** A plain-text rendering of a parse result for golden files: one line per layer and diagnostic. */
final class NetworkDump {
  private NetworkDump() {}

  static String render(String family, ParseResult result) {
    StringBuilder sb = new StringBuilder("parser ").append(family).append('\n');
    int index = 0;
    for (Network n : result.networks()) {
      sb.append("network ").append(index++).append(" format=").append(n.format());
      Network.StatedTotals t = n.totals();
      if (t != null) {
        sb.append(" total=").append(t.total()).append(" trainable=").append(t.trainable())
            .append(" non-trainable=").append(t.nonTrainable());
      }
      Network.StatedCosts c = n.costs();
      if (c != null) {
        sb.append(" mult-adds=").append(c.multAdds());
        if (c.sizes() != null) {
          Network.Sizes z = c.sizes();
          sb.append(" sizesMB=").append(z.inputMB()).append('/').append(z.forwardBackwardMB()).append('/')
              .append(z.paramsMB()).append('/').append(z.totalMB());
        }
      }
      sb.append('\n');
      layers(sb, n.root());
      for (Diagnostic d : n.diagnostics()) {
        diagnostic(sb, d);
      }
    }
    for (Diagnostic d : result.diagnostics()) {
      diagnostic(sb, d);
    }
    return sb.toString();
  }

  private static void layers(StringBuilder sb, Layer root) {
    Deque<Layer> stack = new ArrayDeque<>();
    Deque<Integer> depths = new ArrayDeque<>();
    stack.push(root);
    depths.push(0);
    while (!stack.isEmpty()) {
      Layer l = stack.pop();
      int d = depths.pop();
      sb.append("  ".repeat(d + 1)).append('[').append(l.name()).append("] ").append(l.typeName())
          .append(" @").append(l.line());
      Layer.Stated s = l.stated();
      sb.append(" params=").append(s.params());
      if (s.repeated()) {
        sb.append(" repeated");
      }
      if (s.trainable() != null) {
        sb.append(" trainable=").append(s.trainable());
      }
      if (s.outputShape() != null) {
        sb.append(" out=").append(s.outputShape());
      }
      for (Map.Entry<String, String> a : l.arguments().named().entrySet()) {
        sb.append(' ').append(a.getKey()).append('=').append(a.getValue());
      }
      sb.append('\n');
      for (int k = l.children().size() - 1; k >= 0; k--) {
        stack.push(l.children().get(k));
        depths.push(d + 1);
      }
    }
  }

  private static void diagnostic(StringBuilder sb, Diagnostic d) {
    sb.append("  ").append(d.severity().label()).append(' ').append(d.line()).append(':').append(d.column())
        .append(' ').append(d.message()).append('\n');
  }
}
