package io.layercount.pytorch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a printout's syntax tree as PyTorch 2.x prints it: {@code Name(} without a space,
 * {@code )} to close, one-line modules where PyTorch writes one line, and the children of a
 * {@code ModuleList} collapsed into runs ({@code (0-11): 12 x Block(}) wherever consecutive children
 * print identically. A printout made by a modern PyTorch comes back byte for byte.
 */
public final class PytorchPrinter {
  private static final String MODULE_LIST = "ModuleList";

  private PytorchPrinter() {}

  /** The printout's text, every line ending in {@code \n}. */
  public static String render(Printout printout) {
    return render(printout.root());
  }

  /** The text of the module {@code root} printed as a whole model. */
  public static String render(ModuleNode root) {
    Map<ModuleNode, List<Item>> items = Layout.of(root);
    StringBuilder out = new StringBuilder();
    Deque<Frame> stack = new ArrayDeque<>();
    if (!open(out, root, 0, items, stack)) {
      out.append('\n');
    }
    while (!stack.isEmpty()) {
      Frame frame = stack.peek();
      if (frame.next == frame.items.size()) {
        stack.pop();
        spaces(out, frame.indent).append(")\n");
        continue;
      }
      Item item = frame.items.get(frame.next++);
      if (item.extra != null) {
        if (!item.extra.text().isEmpty()) {
          spaces(out, frame.indent + item.extra.indent()).append(item.extra.text());
        }
        out.append('\n');
        continue;
      }
      spaces(out, frame.indent + 2).append('(').append(item.key).append("): ");
      if (item.count > 1) {
        out.append(item.count).append(" x ");
      }
      if (item.module == null) {
        out.append("None\n");
      } else if (!open(out, item.module, frame.indent + 2, items, stack)) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  /** Writes a module's first line; pushes a frame and returns true when it opens a block. */
  private static boolean open(
      StringBuilder out, ModuleNode node, int indent, Map<ModuleNode, List<Item>> all, Deque<Frame> stack) {
    out.append(node.typeName()).append('(');
    if (node.oneLineArguments() != null) {
      out.append(node.oneLineArguments()).append(')');
      return false;
    }
    List<Item> items = all.get(node);
    if (items.isEmpty()) {
      out.append(')');
      return false;
    }
    if (items.size() == 1 && items.get(0).extra != null) {
      out.append(items.get(0).extra.text()).append(')');
      return false;
    }
    out.append('\n');
    stack.push(new Frame(items, indent));
    return true;
  }

  private static StringBuilder spaces(StringBuilder out, int n) {
    for (int i = 0; i < n; i++) {
      out.append(' ');
    }
    return out;
  }

  /** One printed line under a module: an extra line, or a child (possibly a run) under its key. */
  private record Item(Entry.Extra extra, String key, int count, ModuleNode module) {}

  /** What identifies a printed line for comparing subtrees: the child's subtree id, not the node. */
  private record ItemShape(int extraIndent, String extraText, String key, int count, int subtree) {}

  private record NodeShape(String typeName, String arguments, List<ItemShape> items) {}

  private static final class Frame {
    final List<Item> items;
    final int indent;
    int next;

    Frame(List<Item> items, int indent) {
      this.items = items;
      this.indent = indent;
    }
  }

  /**
   * Works out every node's printed lines bottom-up. Identical subtrees get the same id, so that the
   * children of a {@code ModuleList} whose text would be identical can be collapsed, as PyTorch
   * does by comparing their text.
   */
  private static final class Layout {
    private final Map<ModuleNode, List<Item>> items = new IdentityHashMap<>();
    private final Map<ModuleNode, Integer> ids = new IdentityHashMap<>();
    private final Map<NodeShape, Integer> shapes = new HashMap<>();

    static Map<ModuleNode, List<Item>> of(ModuleNode root) {
      Layout layout = new Layout();
      Deque<ModuleNode> pending = new ArrayDeque<>();
      Deque<ModuleNode> postOrder = new ArrayDeque<>();
      pending.push(root);
      while (!pending.isEmpty()) {
        ModuleNode node = pending.pop();
        postOrder.push(node);
        for (Entry entry : node.entries()) {
          if (entry instanceof Entry.Child child && !child.isNone()) {
            pending.push(child.module());
          }
        }
      }
      while (!postOrder.isEmpty()) {
        layout.lay(postOrder.pop());
      }
      return layout.items;
    }

    private void lay(ModuleNode node) {
      List<Item> laid = MODULE_LIST.equals(node.typeName()) ? collapsed(node) : null;
      if (laid == null) {
        laid = asPrinted(node);
      }
      List<ItemShape> shape = new ArrayList<>(laid.size());
      for (Item item : laid) {
        shape.add(item.extra == null
            ? new ItemShape(0, null, item.key, item.count, subtree(item.module))
            : new ItemShape(item.extra.indent(), item.extra.text(), null, 1, -2));
      }
      Integer id = shapes.computeIfAbsent(new NodeShape(node.typeName(), node.oneLineArguments(), shape),
          k -> shapes.size());
      ids.put(node, id);
      items.put(node, laid);
    }

    private int subtree(ModuleNode module) {
      return module == null ? -1 : ids.get(module);
    }

    private static List<Item> asPrinted(ModuleNode node) {
      List<Item> laid = new ArrayList<>(node.entries().size());
      for (Entry entry : node.entries()) {
        if (entry instanceof Entry.Child child) {
          String key = child.key();
          long first = index(child.firstKey());
          if (child.count() > 1 && first >= 0) {
            key = first + "-" + (first + child.count() - 1);
          }
          laid.add(new Item(null, key, child.count(), child.module()));
        } else {
          laid.add(new Item((Entry.Extra) entry, null, 1, null));
        }
      }
      return laid;
    }

    /** Runs of identical children under keys 0, 1, 2, ...; {@code null} when the keys are not so. */
    private List<Item> collapsed(ModuleNode node) {
      List<Item> laid = new ArrayList<>();
      long expected = 0;
      long runStart = 0;
      int runCount = 0;
      ModuleNode runModule = null;
      for (Entry entry : node.entries()) {
        if (!(entry instanceof Entry.Child child) || index(child.firstKey()) != expected) {
          return null;
        }
        if (runCount > 0 && subtree(child.module()) == subtree(runModule)) {
          runCount += child.count();
        } else {
          addRun(laid, runStart, runCount, runModule);
          runStart = expected;
          runCount = child.count();
          runModule = child.module();
        }
        expected += child.count();
      }
      addRun(laid, runStart, runCount, runModule);
      return laid;
    }

    private static void addRun(List<Item> laid, long start, int count, ModuleNode module) {
      if (count == 1) {
        laid.add(new Item(null, Long.toString(start), 1, module));
      } else if (count > 1) {
        laid.add(new Item(null, start + "-" + (start + count - 1), count, module));
      }
    }

    /** A key that is a plain index, else -1. */
    private static long index(String key) {
      return io.layercount.core.model.Arguments.parseLong(key).orElse(-1);
    }
  }
}
