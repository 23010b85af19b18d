package io.layercount.pytorch;

import io.layercount.core.Diagnostic;
import io.layercount.core.Limits;
import io.layercount.core.model.Arguments;
import io.layercount.core.model.Layer;
import io.layercount.core.model.Network;
import io.layercount.core.spi.ParseResult;
import io.layercount.core.spi.Source;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The short road for the text most inputs are: one printout exactly as {@code print(model)} writes
 * it, read straight into layers with no syntax tree between. Such a text has its root on its first
 * line ({@code ResNet(}), and every other line is a child two columns in from its block
 * ({@code (conv1): Conv2d(3, 64, ...)}, {@code (layer1): Sequential(}, a run {@code (0-11): 12 x
 * Block(} whose range and count agree), one of the block's own lines ({@code extra_repr}), or the
 * {@code )} that closes a block; nothing follows the root's {@code )} but blank lines.
 *
 * <p>Anything else gives {@code null}, and the full reading ({@link PrintoutReader}, then
 * {@link NetworkBuilder}) reads the text: {@code None} children, blank lines inside, text before or
 * after the printout or after a module's {@code )}, the legacy forms, a key printed twice, index
 * keys out of order, a run whose range and count differ, a limit reached, a line this reading is
 * not sure of. Where it answers, it answers what the full reading does, the same layers with the
 * same shared arguments and no diagnostic ({@code PlainPrintoutTest} holds the two side by side on
 * every corpus printout and on damaged copies of them); it only skips the syntax tree, the
 * printout's nodes and entries, that the full reading builds and then walks again.
 */
final class PlainPrintout {
  /** Distinct class names a printout's reading keeps at hand (far more than a model has). */
  private static final int TYPES = 1 << 12;

  private PlainPrintout() {}

  /**
   * The one network of a plain printout, or {@code null} where the full reading must read the text.
   * The lines are read in place in the bytes ({@link Source#ascii()}): a text with a line that needed
   * repair (tabs, colour codes) or that is not ASCII is left to the full reading too.
   */
  static ParseResult read(Source source) {
    Source.AsciiLines text = source.ascii();
    List<Source.Line> lines = source.lines();
    if (text == null || lines.size() < 2) {
      return null;
    }
    PrintoutStart start = PrintoutStart.at(lines, 0);
    if (start == null || !start.prefix().isEmpty() || start.rootIndent() != 0 || start.header().typeStart() != 0
        || start.header().form() != ModuleNode.Form.MODERN) {
      return null;
    }
    Limits limits = source.limits();
    byte[] b = text.bytes();
    // the cache NetworkBuilder keeps: the same texts parsed once, in the same order, shared alike
    Map<String, Arguments> parsed = new HashMap<>();
    // keys kept once, as the full reading keeps them (conv1, 0, ... at every block), and class names
    BytesTable<String> keys = new BytesTable<>(PrintoutReader.MAX_NAMES);
    BytesTable<String> types = new BytesTable<>(TYPES);
    // and the parsed arguments of those texts, found by the bytes: no string made of a text seen before
    BytesTable<Arguments> args = new BytesTable<>(NetworkBuilder.PARSED_TEXTS);
    // the modules children first, as the full reading lists them, and the layers made from that list
    // at the end: so they lie together in memory, not among the parts of lines cut out on the way
    NetworkBuilder.Modules modules = new NetworkBuilder.Modules(lines.size());
    Block[] stack = new Block[16];
    int depth = 0;
    stack[0] = new Block("", TypeNames.canonical(start.header().typeName()), 1, 0, lines.get(0).number());
    int entries = 0;
    for (int i = 1; i < text.size(); i++) {
      // the line is b[from, end); its text starts at at, ind columns in
      int from = text.start(i);
      int end = text.end(i);
      int ind = text.indent(i);
      int at = from + ind;
      if (at >= end) {
        return null; // a blank line inside: the full reading gives it to the block it falls in
      }
      Block top = stack[depth];
      if (ind == top.indent) {
        if (end != at + 1 || b[at] != ')') {
          return null;
        }
        if (depth == 0 && top.children == 0 && top.extra != null) {
          return null; // a root of its own lines only: a Python call's arguments? (the full reading tells)
        }
        top.list(modules, parsed);
        if (depth == 0) {
          return onlyBlanksAfter(text, i + 1)
              ? new ParseResult(List.of(network(NetworkBuilder.layer(modules))), List.of()) : null;
        }
        stack[--depth].children++;
        continue;
      }
      if (ind < top.indent) {
        return null; // a block never closed
      }
      if (ind != top.indent + 2 || b[at] != '(') {
        if (ind > top.indent + 2 && b[at] == '(' || b[at] == ')') {
          // a module's line indented too deep, or a closing line deeper than its block? (the full reading tells)
          return null;
        }
        String extra = string(b, at, end);
        if (PrintoutReader.isElision(extra)) {
          return null; // modules left out here: the full reading says so
        }
        top.extra(extra); // one of the block's own lines (extra_repr), as the full reading keeps it
        continue;
      }
      // (key): Type( or (key): Type(arguments), or a run (key): n x Type(..., the first "): " ending the key
      int keyEnd = keyEnd(b, at + 1, end);
      if (keyEnd < 0) {
        return null;
      }
      int typeStart = keyEnd + 3;
      int stated = 0; // the n of "n x", 0 where there is none
      int digits = typeStart;
      while (digits < end && digits - typeStart < 9 && b[digits] >= '0' && b[digits] <= '9') {
        stated = 10 * stated + b[digits] - '0';
        digits++;
      }
      if (digits > typeStart) {
        if (digits + 3 > end || b[digits] != ' ' || b[digits + 1] != 'x' || b[digits + 2] != ' ') {
          return null;
        }
        typeStart = digits + 3;
      }
      if (typeStart >= end || !LineSyntax.isTypeStart((char) b[typeStart])) {
        return null;
      }
      int typeEnd = typeStart + 1;
      while (typeEnd < end && LineSyntax.isTypePart((char) b[typeEnd])) {
        typeEnd++;
      }
      if (typeEnd >= end || b[typeEnd] != '(') {
        return null;
      }
      boolean opens = typeEnd == end - 1;
      if (!opens && b[end - 1] != ')') {
        return null; // text after the module's ')'
      }
      String key = kept(keys, b, at + 1, keyEnd, UnaryOperator.identity());
      int dash = LineSyntax.rangeDash(key);
      if (top.repeats(key, dash) || ++entries > limits.maxLayers() || depth + 1 > limits.maxNestingDepth()) {
        return null;
      }
      int count = 1;
      if (stated != 0) {
        // a run: taken only where the full reading's check of it has nothing to say
        List<Diagnostic> said = new ArrayList<>(1);
        count = RunCheck.count(key, stated, lines.get(i), said);
        if (!said.isEmpty()) {
          return null;
        }
      }
      String name = dash < 0 ? key : key.substring(0, dash);
      String type = kept(types, b, typeStart, typeEnd, TypeNames::canonical);
      if (opens) {
        if (++depth == stack.length) {
          stack = Arrays.copyOf(stack, depth * 2);
        }
        // the block closed last at this depth is reused, with the array its keys were scanned in
        // (a block and an array per container were 3 % of what the reading allocated)
        if (stack[depth] == null) {
          stack[depth] = new Block(name, type, count, ind, i + 1);
        } else {
          stack[depth].reset(name, type, count, ind, i + 1);
        }
      } else {
        if (typeEnd + 2 == end && PrintoutReader.namesAModel(type)) {
          return null; // a model's class with nothing inside: the full reading says its layers were left out
        }
        Arguments arguments = arguments(args, parsed, b, typeEnd + 1, end - 1);
        if (arguments == null) {
          return null; // a comment after the module: the full reading cuts it (InlineMarks)
        }
        modules.add(name, type, arguments, count, 0, i + 1);
        top.children++;
      }
    }
    return null; // the root is never closed
  }

  /**
   * The arguments {@code b[from, to)} prints, as {@link NetworkBuilder#parse} gives them: found in
   * {@code args} by the bytes where that text was parsed and kept before, else parsed (or found) by
   * {@code NetworkBuilder} and, where it keeps them, kept in {@code args} too; {@code null} where a
   * comment follows them ({@code  # ...}), which the full reading cuts.
   */
  private static Arguments arguments(BytesTable<Arguments> args, Map<String, Arguments> parsed, byte[] b, int from,
      int to) {
    int hash = BytesTable.hash(b, from, to);
    Arguments known = args.get(b, from, to, hash);
    if (known != null) {
      return known;
    }
    for (int k = from; k + 1 < to; k++) {
      if (b[k] == ' ' && b[k + 1] == '#') {
        return null; // a comment written after the module ("# output (b, 768, 14, 14)"): not PyTorch's
      }
    }
    int kept = parsed.size();
    Arguments arguments = NetworkBuilder.parse(string(b, from, to), parsed);
    if (parsed.size() > kept) { // parsed now and kept there (past its bound it keeps none): kept here too
      args.put(b, from, to, hash, arguments);
    }
    return arguments;
  }

  /** Where the first {@code "): "} in {@code b[from, end)} starts, or -1. */
  private static int keyEnd(byte[] b, int from, int end) {
    for (int k = from; k + 2 < end; k++) {
      if (b[k] == ')' && b[k + 1] == ':' && b[k + 2] == ' ') {
        return k;
      }
    }
    return -1;
  }

  private static String string(byte[] b, int from, int to) {
    return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
  }

  /**
   * The string {@code b[from, to)} kept in {@code table} before, or else that part cut out, made
   * {@code canonical} and kept: keys as first read, class names as {@link TypeNames} keeps them.
   */
  private static String kept(BytesTable<String> table, byte[] b, int from, int to, UnaryOperator<String> canonical) {
    int hash = BytesTable.hash(b, from, to);
    String known = table.get(b, from, to, hash);
    if (known != null) {
      return known;
    }
    String made = canonical.apply(string(b, from, to));
    table.put(b, from, to, hash, made);
    return made;
  }

  private static Network network(Layer root) {
    return new Network("pytorch", null, root, false, null, List.of());
  }

  private static boolean onlyBlanksAfter(Source.AsciiLines lines, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (!lines.isBlank(i)) {
        return false;
      }
    }
    return true;
  }

  /** An open block: its layer's parts, and how many children and which own lines were read so far. */
  private static final class Block {
    private static final int SCANNED = 16;

    String name;
    String type;
    int repeat;
    int indent;
    int line;
    /** The children read so far, listed before it. */
    int children;
    /** The block's own lines joined as {@link NetworkBuilder#arguments} joins them, or {@code null}. */
    private StringBuilder extra;
    /** The end of the last index key or range; -1 before the first. */
    private long lastIndex = -1;
    /** The keys that are not indices, scanned while few ({@link #named} of them), then kept in {@link #keys}. */
    private String[] names;
    private int named;
    private Set<String> keys;

    Block(String name, String type, int repeat, int indent, int line) {
      reset(name, type, repeat, indent, line);
    }

    /**
     * Makes this block, closed and listed, the next one opened at its depth: nothing read is kept
     * but the array the keys are scanned in.
     */
    void reset(String name, String type, int repeat, int indent, int line) {
      this.name = name;
      this.type = type;
      this.repeat = repeat;
      this.indent = indent;
      this.line = line;
      children = 0;
      extra = null;
      lastIndex = -1;
      named = 0;
      keys = null;
    }

    void extra(String text) {
      if (extra == null) {
        extra = new StringBuilder();
      } else {
        extra.append(", ");
      }
      extra.append(text.strip());
    }

    /** Lists the block after its children, its own lines parsed now, after theirs, as the full reading parses them. */
    void list(NetworkBuilder.Modules modules, Map<String, Arguments> parsed) {
      Arguments arguments = extra == null ? Arguments.NONE : NetworkBuilder.parse(extra.toString(), parsed);
      modules.add(name, type, arguments, repeat, children, line);
    }

    /**
     * Whether {@code key} may have been printed before under this block, which the full reading
     * reports: index keys and ranges must increase (so that none can repeat), other keys are compared.
     */
    boolean repeats(String key, int dash) {
      long first = Arguments.digits(key, 0, dash < 0 ? key.length() : dash);
      if (first >= 0) {
        long last = dash < 0 ? first : Arguments.digits(key, dash + 1, key.length());
        if (first <= lastIndex || last < first) {
          return true;
        }
        lastIndex = last;
        return false;
      }
      if (keys != null) {
        return !keys.add(key);
      }
      if (names == null) {
        names = new String[SCANNED];
      }
      for (int k = 0; k < named; k++) {
        if (names[k].equals(key)) {
          return true;
        }
      }
      if (named < SCANNED) {
        names[named++] = key;
      } else {
        keys = new HashSet<>(Arrays.asList(names));
        keys.add(key);
      }
      return false;
    }
  }
}
