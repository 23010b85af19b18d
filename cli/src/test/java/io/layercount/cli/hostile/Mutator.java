package io.layercount.cli.hostile;

import io.layercount.core.testing.HardWrap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Damages a text the ways pasting, truncating, logging and corrupting do: cut at a random point,
 * delete, duplicate or swap lines, change an indent, flip characters, splice two texts, insert
 * binary or absurd numbers, put a logger's prefix before lines, hard-wrap at a width. Deterministic
 * for a given {@link Random}.
 */
final class Mutator {
  /** Characters that matter to some parser: brackets, table glyphs, digits, separators, controls. */
  private static final String SPECIAL = "()[]{}:,.=-+x|`'\"\\ \t\r\n0123456789│├└─┃┏━┡┩┗┛┳╇═━━>…\u0000\u001B\uFFFD";

  private final Random random;

  Mutator(Random random) {
    this.random = random;
  }

  /** One to three mutations of {@code text}; {@code other} is a second text to splice with. */
  String mutate(String text, String other) {
    String s = text;
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      s = once(s, other);
    }
    return s;
  }

  private String once(String s, String other) {
    switch (random.nextInt(13)) {
      case 0: return cut(s);
      case 1: return editLines(s, Edit.DELETE);
      case 2: return editLines(s, Edit.DUPLICATE);
      case 3: return editLines(s, Edit.SWAP);
      case 4: return editLines(s, Edit.INDENT);
      case 5: return flip(s);
      case 6: return splice(s, other);
      case 7: return insert(s, binary());
      case 8: return insert(s, number());
      case 9: return editLines(s, Edit.REPEAT);
      case 10: return prefixed(s);
      case 11: return wrapped(s);
      default: return editLines(s, Edit.JOIN);
    }
  }

  /**
   * A run of lines (or every line) after a logger's prefix: the same text on each, a line number,
   * or a time stamp whose numbers go up or, now and then, down.
   */
  private String prefixed(String s) {
    String[] lines = s.split("\n", -1);
    int from = random.nextBoolean() ? 0 : random.nextInt(lines.length);
    int to = random.nextBoolean() ? lines.length : from + random.nextInt(lines.length - from + 1);
    int kind = random.nextInt(3);
    StringBuilder out = new StringBuilder(s.length() + 40 * (to - from));
    for (int i = 0; i < lines.length; i++) {
      if (i >= from && i < to) {
        int n = random.nextInt(10) == 0 ? random.nextInt(1000) : i;
        out.append(kind == 0 ? "INFO:root:" : kind == 1 ? String.format("%6d\t", n)
            : String.format("2024-03-01 12:%02d:%02d,%03d - INFO - ", n / 60 % 60, n % 60, n % 1000));
      }
      out.append(lines[i]);
      if (i + 1 < lines.length) {
        out.append(random.nextInt(50) == 0 ? '\u2028' : '\n');
      }
    }
    return out.toString();
  }

  /** Every line longer than a random width cut there, as a terminal or {@code fold} cuts it. */
  private String wrapped(String s) {
    return HardWrap.hardWrapped(s, 20 + random.nextInt(100));
  }

  /** Only takes away: a prefix, a suffix, or a run of lines. */
  String delete(String text) {
    return random.nextBoolean() ? cut(text) : editLines(text, Edit.DELETE);
  }

  private enum Edit { DELETE, DUPLICATE, SWAP, INDENT, REPEAT, JOIN }

  private String cut(String s) {
    if (s.isEmpty()) {
      return s;
    }
    int at = random.nextInt(s.length() + 1);
    return random.nextBoolean() ? s.substring(0, at) : s.substring(at);
  }

  private String editLines(String s, Edit edit) {
    List<String> lines = new ArrayList<>(Arrays.asList(s.split("\n", -1)));
    int i = random.nextInt(lines.size());
    int j = random.nextInt(lines.size());
    switch (edit) {
      case DELETE:
        lines.subList(Math.min(i, j), Math.min(lines.size(), Math.min(i, j) + 1 + random.nextInt(4))).clear();
        break;
      case DUPLICATE:
        lines.add(i, lines.get(i));
        break;
      case SWAP:
        String t = lines.get(i);
        lines.set(i, lines.get(j));
        lines.set(j, t);
        break;
      case INDENT:
        String line = lines.get(i);
        int change = random.nextInt(9) - 4;
        lines.set(i, change >= 0 ? " ".repeat(change) + line : line.substring(Math.min(line.length(), -change)));
        break;
      case REPEAT:
        // a block of lines many times over: long runs, deep or wide tables
        List<String> block = new ArrayList<>(lines.subList(Math.min(i, j), Math.max(i, j) + 1));
        int times = 1 + random.nextInt(block.size() > 20 ? 3 : 100);
        for (int k = 0; k < times; k++) {
          lines.addAll(Math.max(i, j) + 1, block);
        }
        break;
      default:
        if (i + 1 < lines.size()) {
          lines.set(i, lines.get(i) + lines.remove(i + 1));
        }
    }
    return String.join("\n", lines);
  }

  private String flip(String s) {
    if (s.isEmpty()) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s);
    int n = 1 + random.nextInt(8);
    for (int k = 0; k < n; k++) {
      int at = random.nextInt(sb.length());
      char c = random.nextInt(4) == 0 ? (char) random.nextInt(0x3000) : SPECIAL.charAt(random.nextInt(SPECIAL.length()));
      sb.setCharAt(at, c);
    }
    return sb.toString();
  }

  private String splice(String s, String other) {
    int a = random.nextInt(s.length() + 1);
    int b = random.nextInt(other.length() + 1);
    return s.substring(0, a) + other.substring(b);
  }

  private String insert(String s, String what) {
    int at = random.nextInt(s.length() + 1);
    return s.substring(0, at) + what + s.substring(at);
  }

  /** Bytes read as Latin-1: NULs, controls, lone high bytes. */
  private String binary() {
    byte[] bytes = new byte[1 + random.nextInt(64)];
    random.nextBytes(bytes);
    return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  private String number() {
    switch (random.nextInt(5)) {
      case 0: return "9".repeat(19 + random.nextInt(40));
      case 1: return "-" + random.nextInt(1_000_000);
      case 2: return "99,999,999,999,999,999,999";
      case 3: return (1 + random.nextInt(1_000_000_000)) + " x ";
      default: return Long.toString(Long.MAX_VALUE);
    }
  }
}
