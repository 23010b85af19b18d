package io.layercount.keras;

import io.layercount.core.Diagnostic;
import io.layercount.core.spi.KerasLayerTypes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What one row states, read from its cells.
 *
 * @param raw the cells as read
 * @param name the layer name as printed ({@code …} kept where Keras 3 cut it)
 * @param namePrefix the characters of the name that survived (the name itself when it is not cut)
 * @param nameCut whether the name lost characters
 * @param type the layer class, completed where a cut one is the prefix of exactly one known class
 * @param params the parameter count, or {@code null} where the text lost it or never gave it
 * @param trainable the Trainable column ({@code Y}/{@code N}), else {@code null}
 * @param shape the output shape as printed, {@code …} appended where it was cut, else {@code null}
 * @param references the items of the {@code Connected to} cell
 * @param typeCompletions where the type name stays cut, the known classes it can be (empty otherwise)
 */
record RowCells(
    RawRow raw,
    String name,
    String namePrefix,
    boolean nameCut,
    String type,
    Long params,
    Boolean trainable,
    String shape,
    List<Reference> references,
    List<String> typeCompletions) {

  /** Interprets {@code raw}; what it cannot recover is reported in {@code diagnostics}. */
  static RowCells of(RawRow raw, TableRows table, Collection<String> completeTypes, List<Diagnostic> diagnostics) {
    Diag d = new Diag(raw, diagnostics);
    String cell = raw.cell(ColumnKind.NAME).trim();
    boolean cellCut = cell.endsWith("…") || (table.cutCells() && raw.reachedEnd(ColumnKind.NAME) && !cell.endsWith(")"));
    int open = cell.lastIndexOf('(');
    String name;
    String typeText;
    if (open > 0) {
      name = cell.substring(0, open).trim();
      typeText = cell.substring(open + 1);
    } else {
      name = cell;
      typeText = "";
    }
    boolean nameCut = name.endsWith("…") || (open <= 0 && cellCut);
    String prefix = name.endsWith("…") ? name.substring(0, name.length() - 1) : name;
    String shape = shape(raw, table, d);
    List<String> completions = List.of();
    String type;
    String named = typeText.isEmpty() && "tfjs".equals(table.format()) ? typeFromTfjsName(name) : null;
    if (typeText.endsWith(")")) {
      type = typeText.substring(0, typeText.length() - 1);
    } else if (named != null) {
      d.info("the type name was cut off entirely; read as " + named + " from the layer's name (TensorFlow.js names"
          + " a layer after its class: " + snakeCase(named) + "_" + named + "1, ...)");
      type = named;
    } else {
      completions = completions(typeText, shape, completeTypes, "keras1".equals(table.format()));
      type = cutType(typeText, completions, d);
      if (!type.endsWith("…")) {
        completions = List.of();
      }
    }
    if (nameCut) {
      d.warn("layer name cut to '" + prefix + "'; references to it are matched by prefix");
    }
    Long params = params(raw, table, d);
    if (params != null && params == 0 && KerasLayerTypes.holdsWeights(type) && !unused(raw)) {
      // a built convolution, dense, embedding or recurrent layer holds weights: 0 is no count of them
      // (a published Keras 1 table printed 0 for a frozen Dense layer and left it out of its footer)
      d.warn("0 parameters printed for a " + type + " layer, which holds weights whatever its settings:"
          + " the printed count is not its own (some Keras 1 tables print 0 for a frozen layer), so its"
          + " count is not known and the total is a lower bound");
      params = null;
    }
    return new RowCells(raw, name, prefix, nameCut, type, params, trainable(raw),
        shape, Reference.parseAll(raw.cell(ColumnKind.CONNECTED), table.cutCells() && raw.reachedEnd(ColumnKind.CONNECTED)),
        completions);
  }

  /**
   * The class a TensorFlow.js layer's own name gives, where the name is the one it makes for a
   * layer it names itself ({@code max_pooling2d_MaxPooling2D1}: the class in snake case, the class,
   * a number) and that class is one Keras defines; else {@code null}.
   */
  static String typeFromTfjsName(String name) {
    if (name.length() > LONGEST_TFJS_NAME) {
      return null; // each '_' is tried: a name no TensorFlow.js would make is not read over and over
    }
    int digits = name.length();
    while (digits > 0 && name.charAt(digits - 1) >= '0' && name.charAt(digits - 1) <= '9') {
      digits--;
    }
    if (digits == name.length()) {
      return null;
    }
    for (int cut = name.indexOf('_'); cut > 0; cut = name.indexOf('_', cut + 1)) {
      String type = name.substring(cut + 1, digits);
      if (!type.isEmpty() && name.substring(0, cut).equals(snakeCase(type)) && KerasLayerTypes.kind(type) != null) {
        return type;
      }
    }
    return null;
  }

  /** Longer than any name TensorFlow.js makes of a class's (two words of a class name and a number). */
  private static final int LONGEST_TFJS_NAME = 128;

  /** A class name as TensorFlow.js writes it in snake case ({@code toSnakeCase}: MaxPooling2D → max_pooling2d). */
  static String snakeCase(String type) {
    String s = CAPITALIZED_WORD.matcher(type).replaceAll("$1_$2");
    return LOWER_UPPER.matcher(s).replaceAll("$1_$2").toLowerCase(java.util.Locale.ROOT);
  }

  private static final java.util.regex.Pattern CAPITALIZED_WORD = java.util.regex.Pattern.compile("(.)([A-Z][a-z0-9]+)");
  private static final java.util.regex.Pattern LOWER_UPPER = java.util.regex.Pattern.compile("([a-z])([A-Z])");

  /** The complete type name in a name cell, if the cell shows one. */
  static String completeType(RawRow raw) {
    String cell = raw.cell(ColumnKind.NAME).trim();
    int open = cell.lastIndexOf('(');
    return open > 0 && cell.endsWith(")") && !cell.endsWith("…)") ? cell.substring(open + 1, cell.length() - 1) : null;
  }

  /** The classes a cut type name can complete to, narrowed by the output shape's rank. */
  private static List<String> completions(String typeText, String shape, Collection<String> seen, boolean keras1) {
    List<String> options = KerasLayerTypes.completions(fragment(typeText), seen, keras1);
    return options.size() > 1 && shape != null ? byRank(options, shape) : options;
  }

  private static String fragment(String typeText) {
    return typeText.endsWith("…") ? typeText.substring(0, typeText.length() - 1) : typeText;
  }

  private static String cutType(String typeText, List<String> options, Diag d) {
    String fragment = fragment(typeText);
    if (options.size() == 1) {
      d.info("type name cut to '" + fragment + "'; read as " + options.get(0) + ", the only layer class it can start");
      return options.get(0);
    }
    d.warn(fragment.isEmpty()
        ? "the type name was cut off entirely"
        : "type name cut to '" + fragment + "'" + (options.isEmpty() ? "" : " (could be " + String.join(", ", options) + ")"));
    return fragment + "…";
  }

  /** Of classes differing by a {@code 1D/2D/3D} suffix, the one that fits the output shape's rank. */
  private static List<String> byRank(List<String> options, String shape) {
    int rank = 1;
    int depth = 0;
    for (int i = 0; i < shape.length(); i++) {
      char c = shape.charAt(i);
      if (c == '(' || c == '[') {
        depth++;
        if (depth > 1) {
          return options;
        }
      } else if (c == ')' || c == ']') {
        depth--;
      } else if (c == ',' && depth == 1) {
        rank++;
      }
    }
    String suffix = (rank - 2) + "D";
    List<String> fit = new ArrayList<>();
    for (String o : options) {
      if (o.endsWith(suffix)) {
        fit.add(o);
      }
    }
    return fit.size() == 1 ? fit : options;
  }

  private static String shape(RawRow raw, TableRows table, Diag d) {
    String s = raw.cell(ColumnKind.SHAPE).trim();
    if (s.isEmpty()) {
      return null;
    }
    if (table.cutCells() && raw.reachedEnd(ColumnKind.SHAPE) && !balanced(s)) {
      d.info("output shape cut to '" + s + "'");
      return s + "…";
    }
    return "keras2".equals(table.format()) && !table.cutCells() ? canonical(s) : s;
  }

  /** Python's spacing after {@code ,} and {@code :}; a wrapped cell loses the space at the break. */
  private static String canonical(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ') {
        continue;
      }
      b.append(c);
      if ((c == ',' || c == ':') && i + 1 < s.length() && ")]}".indexOf(nextVisible(s, i + 1)) < 0) {
        b.append(' ');
      }
    }
    return b.toString();
  }

  private static char nextVisible(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      if (s.charAt(i) != ' ') {
        return s.charAt(i);
      }
    }
    return ' ';
  }

  private static boolean balanced(String s) {
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
      }
    }
    return depth == 0;
  }

  /** Whether the row's count is Keras 2's {@code 0 (unused)}: a layer the model never called. */
  private static boolean unused(RawRow raw) {
    return raw.cell(ColumnKind.PARAMS).trim().equals("0 (unused)");
  }

  private static Long params(RawRow raw, TableRows table, Diag d) {
    String p = raw.cell(ColumnKind.PARAMS).trim();
    if (p.isEmpty()) {
      d.warn("no parameter count printed for this layer");
      return null;
    }
    if (unused(raw)) {
      // Keras 2's mark for a layer the model never called: it was never built and holds nothing,
      // and the footer counts nothing for it
      d.info("layer never called ('0 (unused)'): it holds no parameters");
      return 0L;
    }
    if (p.contains("(unbuilt)")) {
      d.info("layer not built: its parameters are not known yet (printed '" + p + "')");
      return null;
    }
    if (p.endsWith("…")) {
      d.warn("parameter count cut to '" + p + "': the number is lost");
      return null;
    }
    int hash = p.indexOf('#');
    if (hash > 0 && p.charAt(hash - 1) == ' ' && Counts.plain(p.substring(0, hash).trim()) != null) {
      // a note written after the last column ('14714688     # frozen VGG16'), as people annotate a
      // summary they paste: the count is what stands before it
      d.info("text after the parameter count ignored: '" + p.substring(hash) + "'");
      p = p.substring(0, hash).trim();
    }
    Long v = Counts.plain(p);
    if (v == null) {
      d.warn("parameter count '" + p + "' is not a number");
      return null;
    }
    if (table.cutCells() && raw.reachedEnd(ColumnKind.PARAMS)) {
      d.warn("parameter count '" + p + "' fills its column and may have lost digits");
      return null;
    }
    return v;
  }

  private static Boolean trainable(RawRow raw) {
    switch (raw.cell(ColumnKind.TRAINABLE).trim()) {
      case "Y":
        return Boolean.TRUE;
      case "N":
        return Boolean.FALSE;
      default:
        return null;
    }
  }

  /** Diagnostics positioned at a row. */
  private record Diag(RawRow raw, List<Diagnostic> out) {
    void warn(String message) {
      out.add(Diagnostic.warning(raw.line, raw.column, message));
    }

    void info(String message) {
      out.add(Diagnostic.info(raw.line, raw.column, message));
    }
  }
}
