package io.layercount.core.testing;

import io.layercount.core.model.Arguments;
import io.layercount.core.model.Layer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test-only reader of PyTorch {@code print(model)} text (modern and legacy), enough to feed the
 * engine from corpus printouts: indentation and the {@code (key): } prefix give the tree,
 * {@code (0-31): 32 x X(} gives a run, lines without a key are the module's extra_repr. Not the
 * product's parser (that lives in parser-pytorch); it assumes well-formed text.
 */
public final class PrintoutTree {
  private static final Pattern KEYED = Pattern.compile("\\((.+?)\\): (.*)");
  private static final Pattern RUN = Pattern.compile("(\\d+)-(\\d+)");
  private static final Pattern RUN_PREFIX = Pattern.compile("(\\d+) x (.*)");
  private static final Pattern TYPE = Pattern.compile("([\\w.]+)\\s*[({](.*)");

  private PrintoutTree() {}

  private static final class Frame {
    final int indent;
    final String name;
    final String type;
    final int repeat;
    final int line;
    final List<String> extra = new ArrayList<>();
    final List<Layer> children = new ArrayList<>();

    Frame(int indent, String name, String type, int repeat, int line) {
      this.indent = indent;
      this.name = name;
      this.type = type;
      this.repeat = repeat;
      this.line = line;
    }

    Layer build() {
      String args = String.join(", ", extra);
      return new Layer(name, type, Arguments.parse(args), children, repeat, null, line);
    }
  }

  /** The module tree of {@code text}. */
  public static Layer parse(String text) {
    String[] lines = text.replace("\r\n", "\n").split("\n");
    Deque<Frame> open = new ArrayDeque<>();
    Layer root = null;
    int first = 0;
    while (lines[first].isBlank()) {
      first++;
    }
    Matcher head = TYPE.matcher(lines[first].trim());
    if (!head.matches()) {
      throw new IllegalArgumentException("not a printout: " + lines[first]);
    }
    String rootRest = head.group(2).trim();
    if (!rootRest.isEmpty() && !rootRest.equals("{")) {
      return Layer.of("", head.group(1), Arguments.parse(inner(lines[first].trim())), List.of(), first + 1);
    }
    open.push(new Frame(-1, "", head.group(1), 1, first + 1));
    for (int i = first + 1; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      int indent = line.length() - line.stripLeading().length();
      String body = line.trim();
      while (open.size() > 1 && open.peek().indent >= indent) {
        Layer done = open.pop().build();
        open.peek().children.add(done);
      }
      if (body.equals(")") || body.equals("}")) {
        if (indent == 0 && open.size() == 1) {
          root = open.pop().build();
          break;
        }
        continue;
      }
      Matcher keyed = KEYED.matcher(body);
      if (keyed.matches() && keyed.group(2).equals("None")) {
        continue;
      }
      Matcher type = keyed.matches() ? TYPE.matcher(stripRun(keyed.group(2))) : null;
      if (type == null || !type.matches()) {
        open.peek().extra.add(body);
        continue;
      }
      String key = keyed.group(1);
      int repeat = 1;
      Matcher run = RUN.matcher(key);
      if (run.matches() && RUN_PREFIX.matcher(keyed.group(2)).matches()) {
        repeat = Integer.parseInt(run.group(2)) - Integer.parseInt(run.group(1)) + 1;
        key = run.group(1);
      }
      String rest = stripRun(keyed.group(2));
      if (rest.endsWith("(") || rest.endsWith("{")) {
        open.push(new Frame(indent, key, type.group(1), repeat, i + 1));
      } else {
        open.peek().children.add(new Layer(key, type.group(1), Arguments.parse(inner(rest)), List.of(), repeat,
            null, i + 1));
      }
    }
    while (root == null && !open.isEmpty()) {
      Layer done = open.pop().build();
      if (open.isEmpty()) {
        root = done;
      } else {
        open.peek().children.add(done);
      }
    }
    return root;
  }

  private static String stripRun(String rest) {
    Matcher m = RUN_PREFIX.matcher(rest);
    return m.matches() ? m.group(2) : rest;
  }

  private static String inner(String oneLine) {
    int open = oneLine.indexOf('(');
    int close = oneLine.lastIndexOf(')');
    return open >= 0 && close > open ? oneLine.substring(open + 1, close) : "";
  }
}
