package io.layercount.keras;

import io.layercount.keras.GeneratedModel.GenLayer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link GeneratedModel} the way each Keras era prints {@code model.summary()}, following the
 * frameworks' printing code: column positions as fractions of the line length, Keras 1-2.6 cutting
 * cells at the next column, Keras 2.7+ wrapping them, Keras 3 box tables wrapping at spaces.
 */
final class KerasWriter {
  /** The layouts the writer knows. */
  enum Era {
    KERAS1("keras1"), KERAS2_CUT("keras2"), KERAS2_WRAPPED("keras2"), TF215("keras2"), KERAS3("keras3"), TFJS("tfjs");

    final String format;

    Era(String format) {
      this.format = format;
    }

    boolean cuts() {
      return this == KERAS1 || this == KERAS2_CUT || this == TFJS;
    }

    boolean nests() {
      return this == KERAS2_WRAPPED || this == TF215 || this == KERAS3;
    }
  }

  private final Era era;
  private final boolean showTrainable;
  private final int keras3Width;
  private final List<String> out = new ArrayList<>();

  KerasWriter(Era era, boolean showTrainable, int keras3Width) {
    this.era = era;
    this.showTrainable = showTrainable && (era == Era.KERAS2_WRAPPED || era == Era.TF215 || era == Era.KERAS3);
    this.keras3Width = keras3Width;
  }

  /** What this layout shows without cutting a cell (the writer's models stay inside it). */
  GeneratedModel.Limits limits(boolean functional) {
    if (era == Era.KERAS3) {
      int[] w = boxWidths(functional);
      return new GeneratedModel.Limits(999, functional ? Math.min(w[0], w[3] - 7) : w[0], 999);
    }
    if (!era.cuts()) {
      return new GeneratedModel.Limits(999, 999, 999);
    }
    int[] p = positions(era, functional || era == Era.KERAS1, false);
    return new GeneratedModel.Limits(p[0] - 2, 999, p[1] - p[0] - 2);
  }

  /** Whether a parameter count does not fit its column: cut (Keras 1-2.6) or cut with … (Keras 3). */
  boolean paramsFill(boolean functional, long params) {
    if (era == Era.KERAS3) {
      return String.format(Locale.ROOT, "%,d", params).length() > boxWidths(functional)[2];
    }
    if (!era.cuts()) {
      return false;
    }
    int[] p = positions(era, functional || era == Era.KERAS1, false);
    int digits = Long.toString(params).length();
    return p.length == 3 ? digits >= p[2] - p[1] : digits >= p[2] - p[1] - 1;
  }

  /** The class name this era prints for a layer class (Keras 1 had other names for some). */
  String typeName(String type) {
    if (era != Era.KERAS1) {
      return type;
    }
    switch (type) {
      case "Conv2D":
        return "Convolution2D";
      case "SeparableConv2D":
        return "SeparableConvolution2D";
      case "Add":
      case "Concatenate":
        return "Merge";
      default:
        return type;
    }
  }

  static int[] positions(Era era, boolean functional, boolean trainable) {
    int width;
    double[] fractions;
    if (era == Era.KERAS1) {
      width = 100;
      fractions = new double[] {.33, .55, .67, 1};
    } else if (!functional) {
      width = 65;
      fractions = new double[] {.45, .85, 1};
    } else {
      width = 98;
      fractions = era == Era.TF215 ? new double[] {.3, .6, .7, 1} : new double[] {.33, .55, .67, 1};
    }
    int[] p = new int[fractions.length + (trainable ? 1 : 0)];
    for (int i = 0; i < fractions.length; i++) {
      p[i] = (int) (width * fractions[i]);
    }
    if (trainable) {
      p[p.length - 1] = width + 11;
    }
    return p;
  }

  String render(GeneratedModel m) {
    out.clear();
    if (era == Era.KERAS3) {
      renderBox(m);
    } else {
      renderPlain(m);
    }
    return String.join("\n", out) + "\n";
  }

  // ---- Keras 1-2 and TensorFlow.js ----

  private void renderPlain(GeneratedModel m) {
    boolean functional = m.functional() || era == Era.KERAS1;
    int[] pos = positions(era, functional, showTrainable);
    int width = pos[pos.length - 1];
    if (era != Era.KERAS1 && era != Era.TFJS) {
      out.add("Model: \"" + m.name() + "\"");
    }
    out.add("_".repeat(width));
    List<String> header = new ArrayList<>(List.of("Layer (type)", era == Era.TFJS ? "Output shape" : "Output Shape", "Param #"));
    if (functional) {
      header.add(era == Era.TFJS ? "Receives inputs" : "Connected to");
    }
    if (showTrainable) {
      header.add("Trainable");
    }
    row(header, pos, 0);
    out.add("=".repeat(width));
    List<GenLayer> layers = m.layers();
    for (int i = 0; i < layers.size(); i++) {
      if (era.cuts()) {
        cutLayer(layers, i, pos);
        out.add((i == layers.size() - 1 ? "=" : "_").repeat(width));
      } else {
        wrappedLayer(layers.get(i), layers, pos, 0, i == layers.size() - 1, width, functional);
      }
    }
    if (!era.cuts()) {
      out.add("=".repeat(width));
    }
    long total = m.totalParams();
    long trainable = m.trainableParams();
    out.add("Total params: " + count(total));
    out.add("Trainable params: " + count(trainable));
    out.add("Non-trainable params: " + count(total - trainable));
    out.add("_".repeat(width));
  }

  private String count(long n) {
    if (era == Era.TFJS) {
      return Long.toString(n);
    }
    if (era == Era.TF215) {
      return n + " (" + size(n * 4) + ")";
    }
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String size(long bytes) {
    String[] units = {"Byte", "KB", "MB", "GB"};
    double v = bytes;
    int u = 0;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.2f %s", v, units[u]);
  }

  private void cutLayer(List<GenLayer> layers, int index, int[] pos) {
    GenLayer l = layers.get(index);
    List<String> refs = new ArrayList<>();
    for (int[] r : l.inbound()) {
      refs.add(layers.get(r[0]).name() + "[" + r[1] + "][" + r[2] + "]");
    }
    String shape = era == Era.TFJS ? l.shape().replace("None", "null").replace(" ", "").replace('(', '[').replace(')', ']') : l.shape();
    List<String> fields = new ArrayList<>(List.of(l.name() + " (" + typeName(l.type()) + ")", shape, Long.toString(l.params())));
    if (pos.length == 4) {
      fields.add(refs.isEmpty() ? "" : refs.get(0));
    }
    row(fields, pos, 0);
    for (int k = 1; k < refs.size(); k++) {
      row(List.of("", "", "", refs.get(k)), pos, 0);
    }
  }

  private void wrappedLayer(GenLayer l, List<GenLayer> siblings, int[] pos, int level, boolean last, int width,
      boolean functional) {
    List<String> fields = new ArrayList<>(List.of(l.name() + " (" + l.type() + ")", l.shape(), Long.toString(l.params())));
    if (functional) {
      List<String> refs = new ArrayList<>();
      for (int[] r : l.inbound()) {
        refs.add("'" + siblings.get(r[0]).name() + "[" + r[1] + "][" + r[2] + "]'");
      }
      fields.add("[" + String.join(", ", refs) + "]");
    }
    if (showTrainable) {
      fields.add(l.trainable() ? "Y" : "N");
    }
    row(fields, pos, level);
    if (!l.children().isEmpty()) {
      out.add("|".repeat(level + 1) + "¯".repeat(width - 2 * level - 2) + "|".repeat(level + 1));
      for (int i = 0; i < l.children().size(); i++) {
        wrappedLayer(l.children().get(i), l.children(), pos, level + 1, i == l.children().size() - 1, width, functional);
      }
      out.add("|".repeat(level) + "¯".repeat(width - 2 * level) + "|".repeat(level));
    }
    if (!last) {
      out.add("|".repeat(level) + " ".repeat(width - 2 * level) + "|".repeat(level));
    }
  }

  /** One printed row, by the era's {@code print_row}. */
  private void row(List<String> fields, int[] pos, int level) {
    if (era.cuts()) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < fields.size(); i++) {
        if (i > 0 && era != Era.KERAS1) {
          line.setLength(line.length() - 1);
          line.append(' ');
        }
        line.append(fields.get(i));
        line.setLength(Math.min(line.length(), pos[i]));
        line.append(" ".repeat(pos[i] - line.length()));
      }
      out.add(line.toString());
      return;
    }
    String[] left = fields.toArray(new String[0]);
    while (Arrays.stream(left).anyMatch(s -> !s.isEmpty())) {
      StringBuilder line = new StringBuilder();
      for (int col = 0; col < left.length; col++) {
        int start = col > 0 ? pos[col - 1] : 0;
        int space = col != pos.length - 1 ? 2 : 0;
        int cutoff = pos[col] - start - space - (col != pos.length - 1 ? 1 : 0) - (col == 0 ? level : 0);
        String fit = left[col].substring(0, Math.min(cutoff, left[col].length()));
        int best = -1;
        for (String b : new String[] {"),", "},", "],", "',"}) {
          int at = fit.indexOf(b);
          if (at >= 0 && (best < 0 || at + b.length() < best)) {
            best = at + b.length();
          }
        }
        if (best >= 0) {
          cutoff = best;
          fit = fit.substring(0, best);
        }
        if (col == 0) {
          line.append("|".repeat(level)).append(' ');
        }
        line.append(fit).append(" ".repeat(space));
        left[col] = left[col].substring(Math.min(cutoff, left[col].length()));
        int pad = level > 0 && col == pos.length - 1 ? pos[col] - line.length() - level : pos[col] - line.length();
        line.append(" ".repeat(Math.max(0, pad)));
      }
      line.append("|".repeat(level));
      out.add(line.toString());
    }
  }

  // ---- Keras 3 ----

  private void renderBox(GeneratedModel m) {
    List<String> header = new ArrayList<>(List.of("Layer (type)", "Output Shape", "Param #"));
    if (m.functional()) {
      header.add("Connected to");
    }
    if (showTrainable) {
      header.add("Trainable");
    }
    int[] widths = boxWidths(m.functional());
    out.add("Model: \"" + m.name() + "\"");
    out.add(border('┏', '━', '┳', '┓', widths));
    boxLine('┃', header, widths, List.of());
    out.add(border('┡', '━', '╇', '┩', widths));
    List<String[]> rows = new ArrayList<>();
    flatten(m.layers(), m.layers(), 0, m.functional(), rows);
    for (int i = 0; i < rows.size(); i++) {
      boxLine('│', Arrays.asList(rows.get(i)), widths, List.of(2));
      out.add(i == rows.size() - 1 ? border('└', '─', '┴', '┘', widths) : border('├', '─', '┼', '┤', widths));
    }
    long total = m.totalParams();
    long trainable = m.trainableParams();
    out.add(" Total params: " + String.format(Locale.ROOT, "%,d", total) + " (" + size(total * 4).replace("Byte", "B") + ")");
    out.add(" Trainable params: " + String.format(Locale.ROOT, "%,d", trainable) + " (" + size(trainable * 4).replace("Byte", "B") + ")");
    out.add(" Non-trainable params: " + String.format(Locale.ROOT, "%,d", total - trainable) + " ("
        + size((total - trainable) * 4).replace("Byte", "B") + ")");
  }

  private int[] boxWidths(boolean functional) {
    double[] fractions = functional ? new double[] {.3, .6, .7, 1} : new double[] {.45, .84, 1};
    int[] widths = new int[fractions.length + (showTrainable ? 1 : 0)];
    int room = keras3Width - 1 - 3 * widths.length - (showTrainable ? 9 : 0);
    int prev = 0;
    for (int i = 0; i < fractions.length; i++) {
      int at = (int) Math.round(room * fractions[i]);
      widths[i] = Math.max(at - prev, 12);
      prev = at;
    }
    if (showTrainable) {
      widths[widths.length - 1] = 9;
    }
    return widths;
  }

  private void flatten(List<GenLayer> layers, List<GenLayer> siblings, int level, boolean functional, List<String[]> rows) {
    // explicit stack: {list, index, level}
    List<Object[]> stack = new ArrayList<>();
    stack.add(new Object[] {layers, 0, level});
    while (!stack.isEmpty()) {
      Object[] top = stack.get(stack.size() - 1);
      @SuppressWarnings("unchecked")
      List<GenLayer> list = (List<GenLayer>) top[0];
      int i = (int) top[1];
      int lv = (int) top[2];
      if (i >= list.size()) {
        stack.remove(stack.size() - 1);
        continue;
      }
      top[1] = i + 1;
      GenLayer l = list.get(i);
      List<String> cells = new ArrayList<>();
      cells.add((lv > 0 ? "   ".repeat(lv) + "└ " : "") + l.name() + " (" + l.type() + ")");
      cells.add(l.shape());
      cells.add(String.format(Locale.ROOT, "%,d", l.params()));
      if (functional) {
        List<String> refs = new ArrayList<>();
        for (int[] r : l.inbound()) {
          refs.add(list.get(r[0]).name() + "[" + r[1] + "][" + r[2] + "]");
        }
        cells.add(refs.isEmpty() ? "-" : String.join(", ", refs));
      }
      if (showTrainable) {
        cells.add(l.trainable() ? "Y" : "N");
      }
      rows.add(cells.toArray(new String[0]));
      if (!l.children().isEmpty()) {
        stack.add(new Object[] {l.children(), 0, lv + 1});
      }
    }
  }

  private static String border(char left, char fill, char join, char right, int[] widths) {
    StringBuilder b = new StringBuilder().append(left);
    for (int i = 0; i < widths.length; i++) {
      b.append(String.valueOf(fill).repeat(widths[i] + 2)).append(i == widths.length - 1 ? right : join);
    }
    return b.toString();
  }

  /** A box row: cells wrapped at spaces, words too long for the column cut with {@code …}. */
  private void boxLine(char bar, List<String> cells, int[] widths, List<Integer> rightAligned) {
    List<List<String>> wrapped = new ArrayList<>();
    int height = 0;
    for (int i = 0; i < cells.size(); i++) {
      List<String> w = wrap(cells.get(i), widths[i]);
      wrapped.add(w);
      height = Math.max(height, w.size());
    }
    for (int r = 0; r < height; r++) {
      StringBuilder b = new StringBuilder().append(bar);
      for (int i = 0; i < cells.size(); i++) {
        String piece = r < wrapped.get(i).size() ? wrapped.get(i).get(r) : "";
        String pad = " ".repeat(widths[i] - piece.length());
        b.append(' ').append(rightAligned.contains(i) ? pad + piece : piece + pad).append(' ').append(bar);
      }
      out.add(b.toString());
    }
  }

  private static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    String indent = text.substring(0, text.length() - text.stripLeading().length());
    StringBuilder line = new StringBuilder(indent);
    for (String word : text.stripLeading().split(" ")) {
      String w = word.length() > width ? word.substring(0, width - 1) + "…" : word;
      if (line.length() > indent.length() && line.length() + 1 + w.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0 && line.length() > indent.length()) {
        line.append(' ');
      }
      line.append(w);
    }
    lines.add(line.toString());
    return lines;
  }
}
