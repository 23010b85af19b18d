package io.layercount.core.spi;

import io.layercount.core.model.LayerKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The layer classes Keras, tf.keras and TensorFlow.js define, read once from {@code
 * keras-layer-types.tsv}: for a parser to complete a type name a table cut, and for the engine to
 * tell such a class from one the model's author wrote (whose row may hold layers it does not list).
 */
public final class KerasLayerTypes {
  /** The table's rows, split at tabs, read once. */
  private static final List<String[]> ROWS = rows();
  private static final List<String> KNOWN = load(false);
  private static final List<String> KNOWN_KERAS1 = load(true);
  /**
   * The kinds whose layers hold weights whatever their settings: a convolution or dense layer its
   * kernel, an embedding its table, a recurrent layer its cell's kernels.
   */
  private static final Set<String> WEIGHTED_KINDS = Set.of("CONVOLUTION", "FULLY_CONNECTED", "EMBEDDING", "RECURRENT");
  private static final Set<String> WITH_WEIGHTS = withWeights();
  private static final Map<String, LayerKind> KINDS = kinds();
  private static final Map<String, Long> MOST = most();

  private KerasLayerTypes() {}

  /**
   * The type names that start with {@code fragment}, among {@code seen} (the complete type names of
   * the same table) and the known classes (with the Keras 1 names when {@code keras1}), without repeats.
   */
  public static List<String> completions(String fragment, Collection<String> seen, boolean keras1) {
    if (fragment.isEmpty()) {
      return List.of();
    }
    Set<String> matches = new LinkedHashSet<>();
    for (String t : seen) {
      if (t.startsWith(fragment)) {
        matches.add(t);
      }
    }
    for (String t : keras1 ? KNOWN_KERAS1 : KNOWN) {
      if (t.startsWith(fragment)) {
        matches.add(t);
      }
    }
    return List.copyOf(matches);
  }

  /** Whether a built layer of class {@code type} always holds weights (the classes of the table whose kind says so). */
  public static boolean holdsWeights(String type) {
    return WITH_WEIGHTS.contains(type);
  }

  /**
   * The kind of layer a class Keras defines is, or {@code null} for a class it does not define (one
   * the model's author wrote, or a name the table cut); the Keras 1 names included.
   */
  public static LayerKind kind(String type) {
    return KINDS.get(type);
  }

  /**
   * The most parameters a layer of class {@code type} can hold, for a class Keras defines that holds
   * few or none whatever its settings (pooling, dropout, reshaping and merging layers, most
   * activations: 0; {@code Attention}: 2); -1 for any other class. A row of such a class with more is
   * one of the same name the model's author wrote.
   */
  public static long mostParams(String type) {
    return MOST.getOrDefault(type, -1L);
  }

  private static Map<String, Long> most() {
    Map<String, Long> out = new HashMap<>();
    for (String[] fields : ROWS) {
      for (int i = 3; i < fields.length; i++) {
        if (fields[i].startsWith("most=")) {
          try {
            out.putIfAbsent(fields[0].trim(), Long.parseLong(fields[i].substring("most=".length()).trim()));
          } catch (NumberFormatException e) {
            // a bound this version cannot read: no row of the class is doubted
          }
        }
      }
    }
    return Map.copyOf(out);
  }

  private static Map<String, LayerKind> kinds() {
    Map<String, LayerKind> out = new HashMap<>();
    for (String[] fields : ROWS) {
      if (fields.length >= 2) {
        try {
          out.putIfAbsent(fields[0].trim(), LayerKind.valueOf(fields[1].trim()));
        } catch (IllegalArgumentException e) {
          // a kind this version does not know: the class is known, of no kind in particular
          out.putIfAbsent(fields[0].trim(), LayerKind.OTHER);
        }
      }
    }
    return Map.copyOf(out);
  }

  private static Set<String> withWeights() {
    Set<String> out = new HashSet<>();
    for (String[] fields : ROWS) {
      if (fields.length >= 2 && WEIGHTED_KINDS.contains(fields[1].trim())) {
        out.add(fields[0].trim());
      }
    }
    return Set.copyOf(out);
  }

  private static List<String> load(boolean keras1) {
    List<String> out = new ArrayList<>();
    for (String[] fields : ROWS) {
      if (keras1 || fields.length < 4 || !fields[3].equals("keras1")) {
        out.add(fields[0].trim());
      }
    }
    return List.copyOf(out);
  }

  /** The table's rows, split at tabs; none where it cannot be read. */
  private static List<String[]> rows() {
    List<String[]> out = new ArrayList<>();
    try (InputStream in = KerasLayerTypes.class.getResourceAsStream("keras-layer-types.tsv")) {
      if (in == null) {
        return out;
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String l = r.readLine(); l != null; l = r.readLine()) {
        if (!l.isBlank() && !l.startsWith("#")) {
          out.add(l.split("\t"));
        }
      }
    } catch (IOException e) {
      // a missing table only means cut type names stay cut, and no row's count is doubted
      return List.of();
    }
    return out;
  }
}
