package io.layercount.core.internal.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads the built-in tables (resources of this module, valid JSON by construction and checked by
 * the tests) into the JSON trees the rest of the rules code reads. A small reader of its own:
 * Jackson's parser, cold, took half of a command-line run's start-up to read 230 KB, more than
 * counting a ResNet. Iterative, although the tables are flat. A user's rules file is read by
 * {@link UserRulesReader}, with Jackson, for its positioned diagnostics.
 */
public final class BuiltInJson {
  private static final String BASE = "/io/layercount/core/rules/";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * The text's UTF-8 bytes, read a byte at a time: it is read once per process, before the JIT has
   * compiled anything, and a {@code charAt} per character was three calls of interpreted code (the
   * tables took 17 ms to read on a short run's start, on the thread whose end the run waits for).
   * JSON's syntax is ASCII; a string's bytes are decoded as UTF-8 when it is cut out.
   */
  private final byte[] text;
  private int at;

  private BuiltInJson(byte[] text) {
    this.text = text;
  }

  /** The resource {@code file} of the rules folder as a tree. */
  public static JsonNode read(String file) {
    try (InputStream in = BuiltInJson.class.getResourceAsStream(BASE + file)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + BASE + file);
      }
      return new BuiltInJson(in.readAllBytes()).value();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The tree of one JSON value; {@link IllegalStateException} where the text is not JSON. */
  static JsonNode parse(String json) {
    return new BuiltInJson(json.getBytes(StandardCharsets.UTF_8)).value();
  }

  private JsonNode value() {
    Deque<ContainerNode<?>> open = new ArrayDeque<>();
    JsonNode done = null;
    while (true) {
      char c = next();
      ContainerNode<?> top = open.peek();
      if (c == '}' || c == ']') {
        done = open.pop();
        at++;
      } else if (c == ',') {
        at++;
        continue;
      } else {
        String field = null;
        if (top instanceof ObjectNode) {
          field = string();
          expect(':');
          c = next();
        }
        JsonNode value = c == '{' ? NODES.objectNode() : c == '[' ? NODES.arrayNode() : scalar(c);
        if (top instanceof ObjectNode object) {
          object.set(field, value);
        } else if (top instanceof ArrayNode array) {
          array.add(value);
        }
        if (value instanceof ContainerNode<?> container) {
          at++;
          open.push(container);
          continue;
        }
        done = value;
      }
      if (open.isEmpty()) {
        return done;
      }
    }
  }

  private JsonNode scalar(char c) {
    if (c == '"') {
      return NODES.textNode(string());
    }
    if (startsWith("true")) {
      at += 4;
      return NODES.booleanNode(true);
    }
    if (startsWith("false")) {
      at += 5;
      return NODES.booleanNode(false);
    }
    if (startsWith("null")) {
      at += 4;
      return NODES.nullNode();
    }
    return number();
  }

  private boolean startsWith(String word) {
    if (at + word.length() > text.length) {
      return false;
    }
    for (int k = 0; k < word.length(); k++) {
      if (text[at + k] != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** As Jackson reads numbers into a tree: an int where it fits, else a long, a decimal as a double. */
  private JsonNode number() {
    int start = at;
    while (at < text.length && "+-0123456789.eE".indexOf(text[at]) >= 0) {
      at++;
    }
    String n = new String(text, start, at - start, StandardCharsets.ISO_8859_1);
    if (n.isEmpty()) {
      throw new IllegalStateException("not JSON at offset " + start);
    }
    if (n.indexOf('.') >= 0 || n.indexOf('e') >= 0 || n.indexOf('E') >= 0) {
      return NODES.numberNode(Double.parseDouble(n));
    }
    long v = Long.parseLong(n);
    return v == (int) v ? NODES.numberNode((int) v) : NODES.numberNode(v);
  }

  private String string() {
    expect('"');
    StringBuilder sb = null;
    int start = at;
    while (true) {
      byte c = text[at];
      if (c == '"') {
        String s = sb == null ? utf8(start, at) : sb.append(utf8(start, at)).toString();
        at++;
        return s;
      }
      if (c != '\\') {
        at++;
        continue;
      }
      if (sb == null) {
        sb = new StringBuilder();
      }
      sb.append(utf8(start, at));
      char e = (char) text[at + 1];
      at += 2;
      switch (e) {
        case 'n': sb.append('\n'); break;
        case 't': sb.append('\t'); break;
        case 'r': sb.append('\r'); break;
        case 'b': sb.append('\b'); break;
        case 'f': sb.append('\f'); break;
        case 'u':
          sb.append((char) Integer.parseInt(utf8(at, at + 4), 16));
          at += 4;
          break;
        default: sb.append(e); // \" \\ \/
      }
      start = at;
    }
  }

  private void expect(char c) {
    if (next() != c) {
      throw new IllegalStateException("expected '" + c + "' at offset " + at);
    }
    at++;
  }

  private String utf8(int from, int to) {
    return new String(text, from, to - from, StandardCharsets.UTF_8);
  }

  /** The next character that is not JSON's white space (space, tab, line feed, carriage return), not consumed. */
  private char next() {
    while (at < text.length && (text[at] == ' ' || text[at] == '\n' || text[at] == '\r' || text[at] == '\t')) {
      at++;
    }
    if (at >= text.length) {
      throw new IllegalStateException("unexpected end of JSON");
    }
    return (char) text[at];
  }
}
