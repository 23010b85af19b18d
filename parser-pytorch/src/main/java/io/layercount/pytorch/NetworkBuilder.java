package io.layercount.pytorch;

import io.layercount.core.model.Arguments;
import io.layercount.core.model.Layer;
import io.layercount.core.model.Network;
import java.util.AbstractList;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a printout's syntax tree into the neutral model, bottom-up with an explicit stack.
 *
 * <p>In two passes: the first walks the syntax tree, children before parents, and lists the
 * modules with their parsed arguments; the second makes the layers from that list and nothing
 * else. So the layers and their child lists lie together in memory, in the order they were made,
 * with none of the parse's garbage between them: every pass of the counting walks them, and a
 * large tree whose layers lay scattered among that garbage missed the cache at nearly every node
 * (its counting took 1.5 times as long at 100,000 modules).
 */
final class NetworkBuilder {
  /** How many distinct argument texts of a printout are kept for sharing (see {@link #parse}). */
  static final int PARSED_TEXTS = 1 << 11;

  private NetworkBuilder() {}

  static Network network(Printout printout) {
    return new Network(printout.format(), null, layer(printout.root()), false, null, printout.diagnostics());
  }

  /** The layer tree of {@code root}: None children dropped, runs kept as one layer with a repeat. */
  static Layer layer(ModuleNode root) {
    return layer(Modules.of(root));
  }

  /** The layer tree of the modules listed children before parents: the last is the root. */
  static Layer layer(Modules modules) {
    Layer[] stack = new Layer[16];
    int top = 0;
    Slice children = new Slice();
    for (int i = 0; i < modules.count; i++) {
      int kids = modules.children(i);
      children.of(stack, top - kids, kids);
      String type = modules.type(i);
      Arguments arguments = modules.arguments(i);
      String original = scripted(type, arguments);
      if (original != null) {
        type = original;
        arguments = withoutOriginalName(arguments);
      }
      Layer layer = new Layer(modules.name(i), type, arguments, children, modules.repeat(i),
          Layer.Stated.NONE, modules.line(i));
      top -= kids;
      if (top == stack.length) {
        stack = Arrays.copyOf(stack, top * 2);
      }
      stack[top++] = layer;
    }
    return stack[0];
  }

  /**
   * The class a TorchScript module was scripted from, where {@code type} is TorchScript's
   * ({@code RecursiveScriptModule(original_name=Conv1d)}, what {@code print} shows of a
   * {@code torch.jit.script}ed or loaded model); else {@code null}. Such a module prints no sizes, so
   * the layers that own parameters are known by class but their counts are not.
   */
  static String scripted(String type, Arguments arguments) {
    if (!"RecursiveScriptModule".equals(type) && !"ScriptModule".equals(type)) {
      return null;
    }
    String original = arguments.get("original_name");
    return original != null && InlineMarks.isName(original) ? original : null;
  }

  private static Arguments withoutOriginalName(Arguments arguments) {
    if (arguments.positional().isEmpty() && arguments.named().size() == 1) {
      return Arguments.NONE;
    }
    java.util.Map<String, String> named = new java.util.LinkedHashMap<>(arguments.named());
    named.remove("original_name");
    return new Arguments(null, arguments.positional(), named); // no raw text: its items written out
  }

  /** The one-line text, or the block's own lines trimmed and joined by {@code ", "}. */
  static Arguments arguments(ModuleNode node, Map<String, Arguments> parsed) {
    if (node.oneLineArguments() != null) {
      return parse(node.oneLineArguments(), parsed);
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
    return joined == null ? Arguments.NONE : parse(joined.toString(), parsed);
  }

  /**
   * The arguments {@code text} prints. A model prints the same arguments at many places (every
   * {@code BatchNorm2d(64, eps=...)} of a stage): each distinct text is parsed once per printout and
   * the immutable result shared, but for the texts past the first {@value #PARSED_TEXTS}, which are
   * parsed where they stand. The corpus's printouts have at most 158 distinct texts (a tenth of its
   * texts are distinct); a table that keeps growing past what the cache holds made every lookup of a
   * printout of 100,000 distinct modules a miss or two (6 % of its analysis at 32,768 texts).
   */
  static Arguments parse(String text, Map<String, Arguments> parsed) {
    Arguments known = parsed.get(text);
    if (known != null) {
      return known;
    }
    Arguments arguments = Arguments.parse(ProfilerStats.cut(text));
    if (parsed.size() < PARSED_TEXTS) {
      parsed.put(text, arguments);
    }
    return arguments;
  }

  /**
   * Every module of a tree, children before parents and in printed order, with what its layer is
   * made of: the key it is printed under, its class, its parsed arguments, its run length, how many
   * children (not None) it has and its line. Kept in chunks, not in arrays of an entry per module,
   * which at 100,000 modules are as large as the objects the G1 collector allocates apart.
   */
  static final class Modules {
    private static final int CHUNK = 4096;
    /** The entries the first chunk starts with; it doubles up to {@link #CHUNK}. */
    private static final int FIRST = 64;

    int count;
    /** Per chunk: name, class and arguments of each module. */
    private Object[][] objects = new Object[4][];
    /** Per chunk: run length, child count and line of each module. */
    private int[][] numbers = new int[4][];
    /** The entries of the first chunk when it is made. */
    private final int first;

    Modules() {
      this(FIRST);
    }

    /**
     * For at most about {@code expected} modules (a printout's lines, one module at most on each):
     * the first chunk is made that large, up to {@link #CHUNK}, rather than grown by doubling.
     */
    Modules(int expected) {
      this.first = Math.max(FIRST, Math.min(CHUNK, expected));
    }

    static Modules of(ModuleNode root) {
      Modules modules = new Modules();
      Map<String, Arguments> parsed = new HashMap<>();
      Deque<Frame> stack = new ArrayDeque<>();
      stack.push(new Frame(root, "", 1));
      while (!stack.isEmpty()) {
        Frame frame = stack.peek();
        List<Entry> entries = frame.node.entries();
        if (frame.next < entries.size()) {
          Entry entry = entries.get(frame.next++);
          if (entry instanceof Entry.Child child && !child.isNone()) {
            frame.children++;
            stack.push(new Frame(child.module(), child.firstKey(), child.count()));
          }
          continue;
        }
        stack.pop();
        modules.add(frame.name, frame.node.typeName(), NetworkBuilder.arguments(frame.node, parsed), frame.repeat,
            frame.children, frame.node.line());
      }
      return modules;
    }

    /** Lists a module whose children, {@code children} of them, were listed just before (and theirs before them). */
    void add(String name, String type, Arguments arguments, int repeat, int children, int line) {
      int chunk = count / CHUNK;
      if (chunk == objects.length) {
        objects = Arrays.copyOf(objects, chunk * 2);
        numbers = Arrays.copyOf(numbers, chunk * 2);
      }
      int i = count % CHUNK;
      if (objects[chunk] == null) {
        // the first chunk is as large as expected, else grows from a few entries: most printouts have
        // a few hundred modules, and a full chunk for each was a tenth of the bytes an analysis allocated
        int size = chunk == 0 ? first : CHUNK;
        objects[chunk] = new Object[3 * size];
        numbers[chunk] = new int[3 * size];
      } else if (3 * i == numbers[chunk].length) {
        objects[chunk] = Arrays.copyOf(objects[chunk], 6 * i);
        numbers[chunk] = Arrays.copyOf(numbers[chunk], 6 * i);
      }
      objects[chunk][3 * i] = name;
      objects[chunk][3 * i + 1] = type;
      objects[chunk][3 * i + 2] = arguments;
      numbers[chunk][3 * i] = repeat;
      numbers[chunk][3 * i + 1] = children;
      numbers[chunk][3 * i + 2] = line;
      count++;
    }

    String name(int i) {
      return (String) objects[i / CHUNK][3 * (i % CHUNK)];
    }

    String type(int i) {
      return (String) objects[i / CHUNK][3 * (i % CHUNK) + 1];
    }

    Arguments arguments(int i) {
      return (Arguments) objects[i / CHUNK][3 * (i % CHUNK) + 2];
    }

    int repeat(int i) {
      return numbers[i / CHUNK][3 * (i % CHUNK)];
    }

    int children(int i) {
      return numbers[i / CHUNK][3 * (i % CHUNK) + 1];
    }

    int line(int i) {
      return numbers[i / CHUNK][3 * (i % CHUNK) + 2];
    }
  }

  private static final class Frame {
    final ModuleNode node;
    final String name;
    final int repeat;
    int next;
    int children;

    Frame(ModuleNode node, String name, int repeat) {
      this.node = node;
      this.name = name;
      this.repeat = repeat;
    }
  }

  /**
   * The top entries of the layer stack as a list, for the one moment a {@link Layer} copies its
   * children: one view, re-pointed for every layer, so that nothing but layers and their own child
   * lists is made in the second walk.
   */
  private static final class Slice extends AbstractList<Layer> {
    private Layer[] layers;
    private int from;
    private int size;

    void of(Layer[] array, int start, int length) {
      layers = array;
      from = start;
      size = length;
    }

    @Override
    public Layer get(int index) {
      return layers[from + index];
    }

    @Override
    public int size() {
      return size;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T[] toArray(T[] a) {
      if (a.length < size) {
        return (T[]) Arrays.copyOfRange(layers, from, from + size, a.getClass());
      }
      System.arraycopy(layers, from, a, 0, size);
      if (a.length > size) {
        a[size] = null;
      }
      return a;
    }
  }
}
