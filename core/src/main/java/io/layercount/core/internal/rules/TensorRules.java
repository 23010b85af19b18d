package io.layercount.core.internal.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.layercount.core.model.Layer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The rows of {@code torch-tensors.json} and how a row turns a layer and its {@link Place} into a
 * {@link Resolution}: exact, a lower bound that names what is missing, or exact given the stated
 * input size.
 */
final class TensorRules {
  private static final String PATCH_GRID = "patchGrid";

  private final List<TensorRule> rows;

  private TensorRules(List<TensorRule> rows) {
    this.rows = List.copyOf(rows);
  }

  static TensorRules read(JsonNode file) {
    List<TensorRule> rows = new ArrayList<>();
    for (JsonNode row : file.path("rules")) {
      rows.add(row(row));
    }
    return new TensorRules(rows);
  }

  /** One row of the table's schema; the row is well formed (the user's rows are checked first). */
  static TensorRule row(JsonNode row) {
    List<TensorRule.Tensor> tensors = new ArrayList<>();
    for (JsonNode t : row.path("tensors")) {
      List<String> shape = new ArrayList<>();
      t.path("shape").forEach(d -> shape.add(d.asText()));
      tensors.add(new TensorRule.Tensor(t.path("name").asText(), shape));
    }
    return new TensorRule(texts(row.path("types")),
        pattern(row, "pattern"),
        row.path("printed").asText("").equals("bare"), new ArrayList<>(texts(row.path("children"))),
        texts(row.path("unlessDescendant")), row.path("childrenOwnNothing").asBoolean(false),
        pattern(row, "unlessKey"), pattern(row, "parent"), pattern(row, "unlessParent"),
        RuleTable.kindOf(row.path("kind").asText("other")),
        tensors, row.path("exact").asBoolean(true), row.has("missing") ? row.get("missing").asText() : null,
        row.path("note").asText(null));
  }

  /** Whether some row names {@code typeName} (whatever its conditions). */
  boolean names(String typeName) {
    return rows.stream().anyMatch(r -> r.names(typeName));
  }

  /** The rows naming {@code typeName}, in table order: the only ones that can cover a layer of that class. */
  List<TensorRule> rowsNaming(String typeName) {
    List<TensorRule> naming = new ArrayList<>();
    for (TensorRule row : rows) {
      if (row.names(typeName)) {
        naming.add(row);
      }
    }
    return List.copyOf(naming);
  }

  /**
   * The first of {@code rows}, each naming the class of {@code layer} ({@link #rowsNaming}), covering
   * {@code layer} inside a layer of class {@code parentType}, or {@code null}; {@code ownsNothing}
   * tells whether a printed child is a leaf known to own nothing.
   */
  static TensorRule firstCovering(List<TensorRule> rows, Layer layer, String parentType, Predicate<Layer> ownsNothing) {
    // by index: most classes have no rows, and an iterator was made for every layer asked about
    for (int i = 0; i < rows.size(); i++) {
      TensorRule row = rows.get(i);
      if (row.coversNamed(layer, parentType, ownsNothing)) {
        return row;
      }
    }
    return null;
  }

  /**
   * What {@code row} says about {@code layer} at {@code place}; {@code formulaOf} gives the formula
   * a class follows, for the widths of the children a dimension names.
   */
  static Resolution resolve(TensorRule row, Layer layer, Place place, Function<String, String> formulaOf) {
    Function<String, OptionalLong> names = name -> value(name, layer, place, formulaOf);
    long known = 0;
    List<String> needInput = new ArrayList<>();
    List<String> givenInput = new ArrayList<>();
    for (TensorRule.Tensor t : row.tensors()) {
      long size = 1;
      boolean usesGrid = false;
      for (String dim : t.shape()) {
        usesGrid |= DimensionExpression.uses(dim, PATCH_GRID);
        OptionalLong d = DimensionExpression.evaluate(dim, names);
        if (d.isEmpty()) {
          size = -1;
          break;
        }
        size = Sizes.product(size, d.getAsLong()).orElse(-1);
      }
      if (size < 0 && usesGrid && place.patchGrid().isEmpty()) {
        needInput.add(describe(t, names, place));
        continue;
      }
      if (size < 0) {
        return new Resolution(row.kind(), 0, false, false, weighted(row), Resolution.UNREADABLE,
            layer.typeName() + " owns " + t.name() + " sized by " + String.join("×", t.shape())
                + ", which the text around it does not show");
      }
      if (usesGrid) {
        givenInput.add(t.name() + " " + String.join("×", shown(t, names)));
      }
      known = Sizes.plus(OptionalLong.of(known), OptionalLong.of(size)).orElse(Long.MAX_VALUE);
    }
    if (row.missing() != null) {
      return new Resolution(row.kind(), known, false, false, weighted(row), Resolution.MISSING,
          layer.typeName() + ": " + fill(row.missing(), names, place));
    }
    if (!needInput.isEmpty()) {
      return new Resolution(row.kind(), known, false, false, weighted(row), Resolution.NEEDS_INPUT,
          layer.typeName() + " owns " + String.join("; ", needInput) + ", sized by the input image:"
              + " state it with --input-size HxW");
    }
    if (!givenInput.isEmpty()) {
      return new Resolution(row.kind(), known, true, row.exact(), weighted(row), Resolution.GIVEN_INPUT,
          layer.typeName() + " " + String.join(", ", givenInput));
    }
    return new Resolution(row.kind(), known, true, row.exact(), weighted(row), "table", row.note());
  }

  /**
   * A name in a dimension: a quantity of the place, or {@code child.key.in} / {@code .out} (the
   * width a printed descendant takes in or gives out) or {@code child.key.argument} (an argument it
   * prints by name).
   */
  private static OptionalLong value(String name, Layer layer, Place place, Function<String, String> formulaOf) {
    switch (name) {
      case "width": return place.width();
      case "inWidth": return place.inWidth();
      case "firstOutWidth": return place.firstOutWidth();
      case "nextInWidth": return place.nextInWidth();
      case "parentOutWidth": return place.parentOutWidth();
      case PATCH_GRID: return place.patchGrid();
      default: break;
    }
    int dot = name.lastIndexOf('.');
    if (dot <= 0) {
      return OptionalLong.empty();
    }
    Layer child = descendant(layer, name.substring(0, dot));
    if (child == null) {
      return OptionalLong.empty();
    }
    String argument = name.substring(dot + 1);
    switch (argument) {
      case "in": return width(child, formulaOf, true);
      case "out": return width(child, formulaOf, false);
      default: return child.arguments().get(argument) == null ? OptionalLong.empty()
          : child.arguments().longValue(argument, -1);
    }
  }

  /**
   * The width {@code layer} takes in (its first leaf that shows one, in printed order) or gives out
   * (its last such leaf); a leaf's own, and a {@code ParametrizedX}'s (it prints X's arguments).
   */
  private static OptionalLong width(Layer layer, Function<String, String> formulaOf, boolean input) {
    Deque<Layer> stack = new ArrayDeque<>();
    stack.push(layer);
    while (!stack.isEmpty()) {
      Layer l = stack.pop();
      if (l.isLeaf() || Parametrizations.baseType(l.typeName()) != null) {
        String formula = formulaOf.apply(l.typeName());
        OptionalLong w = input ? LayerWidths.in(l, formula) : LayerWidths.out(l, formula);
        if (w.isPresent()) {
          return w;
        }
        if (l.isLeaf()) {
          continue;
        }
      }
      List<Layer> children = l.children();
      for (int i = 0; i < children.size(); i++) {
        stack.push(children.get(input ? children.size() - 1 - i : i));
      }
    }
    return OptionalLong.empty();
  }

  /** The printed descendant at dotted {@code keys} below {@code layer}, or {@code null}. */
  private static Layer descendant(Layer layer, String keys) {
    Layer at = layer;
    for (String key : keys.split("\\.")) {
      Layer next = null;
      for (Layer child : at.children()) {
        if (child.name().equals(key)) {
          next = child;
          break;
        }
      }
      if (next == null) {
        return null;
      }
      at = next;
    }
    return at;
  }

  /** {@code pos_embedding: 1×(N+1)×768, N = (H/16)·(W/16)}. */
  private static String describe(TensorRule.Tensor t, Function<String, OptionalLong> names, Place place) {
    List<String> dims = shown(t, names);
    return t.name() + ": " + String.join("×", dims) + ", " + grid(place);
  }

  private static List<String> shown(TensorRule.Tensor t, Function<String, OptionalLong> names) {
    List<String> dims = new ArrayList<>();
    for (String dim : t.shape()) {
      OptionalLong d = DimensionExpression.evaluate(dim, names);
      if (d.isPresent()) {
        dims.add(Long.toString(d.getAsLong()));
      } else {
        dims.add(DimensionExpression.uses(dim, PATCH_GRID) ? "(" + dim.replace(PATCH_GRID, "N") + ")" : dim);
      }
    }
    return dims;
  }

  /**
   * The {@code missing} text with every {@code {dimension}} ({@code {width}}, {@code {conv1d.out}},
   * any expression a shape may hold) filled in where known, {@code D} where not, and {@code {grid}}
   * saying how the patches follow from the input size.
   */
  private static String fill(String text, Function<String, OptionalLong> names, Place place) {
    StringBuilder out = new StringBuilder();
    int from = 0;
    for (int open = text.indexOf('{'); open >= 0; open = text.indexOf('{', from)) {
      int close = text.indexOf('}', open);
      if (close < 0) {
        break;
      }
      String expression = text.substring(open + 1, close);
      out.append(text, from, open).append(expression.equals("grid") ? grid(place) : filled(expression, names));
      from = close + 1;
    }
    return out.append(text.substring(from)).toString();
  }

  private static String filled(String expression, Function<String, OptionalLong> names) {
    OptionalLong v = DimensionExpression.evaluate(expression, names);
    return v.isPresent() ? Long.toString(v.getAsLong()) : "D";
  }

  private static String grid(Place place) {
    String stride = place.patchStride();
    return stride == null ? "N = the number of image patches" : "N = (H/" + stride.replace("×", ")·(W/") + ")";
  }

  private static Pattern pattern(JsonNode row, String field) {
    return row.has(field) ? Pattern.compile(row.get(field).asText()) : null;
  }

  private static Set<String> texts(JsonNode array) {
    Set<String> out = new HashSet<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /**
   * A row of a convolution or fully-connected kind is one conv/FC layer, counted by {@code depth}
   * and {@code weighted} whether or not its size is known (timm's {@code CondConv2d}, a user's own
   * convolution class).
   */
  private static int weighted(TensorRule row) {
    return row.kind().isWeighted() ? 1 : 0;
  }
}
