package io.layercount.pytorch;

import io.layercount.core.model.Arguments;
import io.layercount.core.model.Layer;
import io.layercount.core.model.Network;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns a printout's syntax tree into the neutral model, bottom-up with an explicit stack. */
final class NetworkBuilder {
  private NetworkBuilder() {}

  static Network network(Printout printout) {
    return new Network(printout.format(), null, layer(printout.root()), false, null, printout.diagnostics());
  }

  /** The layer tree of {@code root}: None children dropped, runs kept as one layer with a repeat. */
  static Layer layer(ModuleNode root) {
    // a model prints the same arguments at many places (every BatchNorm2d(64, eps=...) of a
    // stage): each distinct text is parsed once per printout, and the immutable result shared
    Map<String, Arguments> parsed = new HashMap<>();
    Deque<Frame> stack = new ArrayDeque<>();
    stack.push(new Frame(root, "", 1));
    Layer done = null;
    while (!stack.isEmpty()) {
      Frame frame = stack.peek();
      List<Entry> entries = frame.node.entries();
      if (frame.next < entries.size()) {
        Entry entry = entries.get(frame.next++);
        if (entry instanceof Entry.Child child && !child.isNone()) {
          stack.push(new Frame(child.module(), child.firstKey(), child.count()));
        }
        continue;
      }
      stack.pop();
      ModuleNode node = frame.node;
      Layer layer = new Layer(frame.name, node.typeName(), arguments(node, parsed), frame.children(), frame.repeat,
          Layer.Stated.NONE, node.line());
      if (stack.isEmpty()) {
        done = layer;
      } else {
        stack.peek().add(layer);
      }
    }
    return done;
  }

  /** The one-line text, or the block's own lines trimmed and joined by {@code ", "}. */
  static Arguments arguments(ModuleNode node, Map<String, Arguments> parsed) {
    if (node.oneLineArguments() != null) {
      return parsed.computeIfAbsent(node.oneLineArguments(), Arguments::parse);
    }
    StringBuilder joined = null;
    for (Entry entry : node.entries()) {
      if (entry instanceof Entry.Extra extra && !extra.text().isBlank()) {
        if (joined == null) {
          joined = new StringBuilder();
        } else {
          joined.append(", ");
        }
        joined.append(extra.text().strip());
      }
    }
    return joined == null ? Arguments.NONE : parsed.computeIfAbsent(joined.toString(), Arguments::parse);
  }

  private static final class Frame {
    final ModuleNode node;
    final String name;
    final int repeat;
    /** Made at the first child: most modules are leaves. */
    private List<Layer> children;
    int next;

    Frame(ModuleNode node, String name, int repeat) {
      this.node = node;
      this.name = name;
      this.repeat = repeat;
    }

    void add(Layer child) {
      if (children == null) {
        children = new ArrayList<>();
      }
      children.add(child);
    }

    List<Layer> children() {
      return children == null ? List.of() : children;
    }
  }
}
