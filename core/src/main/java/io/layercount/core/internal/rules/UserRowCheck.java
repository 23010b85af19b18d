package io.layercount.core.internal.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.layercount.core.Diagnostic;
import io.layercount.core.model.LayerKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Checks one row of a user's rules file against the built-in tables' schema before it is turned
 * into a rule, so that a typo is reported where it was made instead of being silently ignored.
 */
final class UserRowCheck {
  private static final Set<String> COMMON = Set.of("types", "pattern", "kind", "exact", "note");
  private static final Set<String> FORMULA_ONLY = Set.of("rule", "weighted", "biasHidden", "hiddenChildren");
  private static final Set<String> TENSOR_ONLY = Set.of("tensors", "printed", "children", "unlessDescendant",
      "unlessKey", "unlessParent", "missing");
  private static final Pattern DIMENSION = Pattern.compile("(\\d{1,12}|width|inWidth|firstOutWidth|patchGrid)(\\+\\d{1,6})?");
  private static final int MAX_WEIGHTED = 1000;

  private final ObjectNode row;
  private final Map<String, JsonLocation> at;
  private final JsonLocation start;
  private final List<Diagnostic> found = new ArrayList<>();

  UserRowCheck(ObjectNode row, Map<String, JsonLocation> at, JsonLocation start) {
    this.row = row;
    this.at = at;
    this.start = start;
  }

  /** The rule this row gives, or {@code null} (its problems then went to {@code problems}). */
  UserRule toRule(String origin, List<Diagnostic> problems) {
    boolean tensorRow = row.has("tensors");
    checkFields(tensorRow);
    Pattern pattern = checkPattern("pattern");
    Set<String> types = checkTexts("types", true);
    if (!row.has("types") && !row.has("pattern")) {
      problem(null, "a rule names its classes with 'types' (an array of class names) or 'pattern' (a regular"
          + " expression over the whole class name)");
    }
    checkKind();
    checkBoolean("exact");
    checkText("note");
    if (tensorRow) {
      checkTensorRow();
    } else {
      checkFormulaRow();
    }
    problems.addAll(found);
    if (!found.isEmpty()) {
      return null;
    }
    return tensorRow
        ? new UserRule(origin, types, pattern, null, TensorRules.row(row))
        : new UserRule(origin, types, pattern, RuleTable.rowRule(row, "user"), null);
  }

  private void checkFields(boolean tensorRow) {
    row.fieldNames().forEachRemaining(field -> {
      if (COMMON.contains(field) || (tensorRow ? TENSOR_ONLY : FORMULA_ONLY).contains(field)) {
        return;
      }
      if ((tensorRow ? FORMULA_ONLY : TENSOR_ONLY).contains(field)) {
        problem(field, "'" + field + "' belongs to a " + (tensorRow ? "rule row (with 'rule')"
            : "tensor row (with 'tensors')") + ", not to a " + (tensorRow ? "tensor row" : "rule row"));
      } else {
        problem(field, "unknown field '" + field + "'; a rule row has " + sorted(COMMON, FORMULA_ONLY)
            + ", a tensor row " + sorted(COMMON, TENSOR_ONLY));
      }
    });
  }

  private void checkFormulaRow() {
    JsonNode rule = row.get("rule");
    if (rule == null) {
      problem(null, "a rule needs 'rule' (a formula: " + String.join(", ", Formulas.names())
          + ") or 'tensors' (the tensors it owns)");
    } else if (!rule.isTextual() || Formulas.byName(rule.asText()) == null) {
      problem("rule", "unknown formula " + rule + ": use one of " + String.join(", ", Formulas.names()));
    }
    JsonNode weighted = row.get("weighted");
    if (weighted != null && (!weighted.canConvertToInt() || !weighted.isIntegralNumber() || weighted.asInt() < 0
        || weighted.asInt() > MAX_WEIGHTED)) {
      problem("weighted", "'weighted' is how many conv/FC layers the class itself is: a whole number from 0 to "
          + MAX_WEIGHTED + ", not " + weighted);
    }
    checkBoolean("biasHidden");
    JsonNode hidden = row.get("hiddenChildren");
    if (hidden != null && !(hidden.isArray() && allMatch(hidden, UserRowCheck::isHiddenChild))) {
      problem("hiddenChildren", "'hiddenChildren' is an array of {\"name\": ..., \"typeFrom\": ..., \"types\":"
          + " {value: class}, \"otherwise\": class}");
    }
  }

  private void checkTensorRow() {
    JsonNode tensors = row.get("tensors");
    if (!tensors.isArray() || tensors.isEmpty() || !allMatch(tensors, UserRowCheck::isTensor)) {
      problem("tensors", "'tensors' is a non-empty array of {\"name\": ..., \"shape\": [...]}, each dimension a"
          + " whole number or width, inWidth, firstOutWidth or patchGrid, optionally +k");
    }
    JsonNode printed = row.get("printed");
    if (printed != null && !"bare".equals(printed.asText())) {
      problem("printed", "'printed' can only be \"bare\" (the row applies only when the class prints no arguments)");
    }
    checkTexts("children", false);
    checkTexts("unlessDescendant", false);
    checkPattern("unlessKey");
    checkPattern("unlessParent");
    checkText("missing");
  }

  private static boolean isHiddenChild(JsonNode child) {
    return child.isObject() && child.path("name").isTextual() && child.path("typeFrom").isTextual()
        && (!child.has("types") || (child.get("types").isObject() && allMatch(child.get("types"), JsonNode::isTextual)))
        && (!child.has("otherwise") || child.get("otherwise").isTextual());
  }

  private static boolean isTensor(JsonNode tensor) {
    JsonNode shape = tensor.path("shape");
    return tensor.isObject() && tensor.path("name").isTextual() && shape.isArray() && !shape.isEmpty()
        && allMatch(shape, d -> (d.isTextual() || d.isIntegralNumber()) && DIMENSION.matcher(d.asText()).matches());
  }

  private void checkKind() {
    JsonNode kind = row.get("kind");
    if (kind == null) {
      return;
    }
    String label = kind.asText().toUpperCase(Locale.ROOT).replace('-', '_');
    if (!kind.isTextual() || Arrays.stream(LayerKind.values()).noneMatch(k -> k.name().equals(label))) {
      problem("kind", "unknown kind " + kind + ": use one of " + Arrays.stream(LayerKind.values())
          .map(LayerKind::label).collect(Collectors.joining(", ")));
    }
  }

  private Pattern checkPattern(String field) {
    JsonNode value = row.get(field);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      problem(field, "'" + field + "' is a regular expression, as a string");
      return null;
    }
    try {
      return Pattern.compile(value.asText());
    } catch (PatternSyntaxException e) {
      problem(field, "'" + field + "' is not a valid regular expression: " + e.getDescription());
      return null;
    }
  }

  private Set<String> checkTexts(String field, boolean classNames) {
    JsonNode value = row.get(field);
    Set<String> out = new HashSet<>();
    if (value == null) {
      return out;
    }
    if (!value.isArray() || !allMatch(value, n -> n.isTextual() && !n.asText().isBlank())) {
      problem(field, "'" + field + "' is an array of " + (classNames ? "class names" : "names") + ", such as"
          + " [\"MyBlock\"]");
      return out;
    }
    value.forEach(n -> out.add(n.asText()));
    return out;
  }

  private void checkBoolean(String field) {
    JsonNode value = row.get(field);
    if (value != null && !value.isBoolean()) {
      problem(field, "'" + field + "' is true or false, not " + value);
    }
  }

  private void checkText(String field) {
    JsonNode value = row.get(field);
    if (value != null && !value.isTextual()) {
      problem(field, "'" + field + "' is a string");
    }
  }

  private static boolean allMatch(JsonNode container, java.util.function.Predicate<JsonNode> test) {
    for (JsonNode n : container) {
      if (!test.test(n)) {
        return false;
      }
    }
    return true;
  }

  private static String sorted(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.TreeSet<>(a);
    all.addAll(b);
    return String.join(", ", all);
  }

  /** A problem at {@code field}'s place in the file, or at the row's start when {@code null}. */
  private void problem(String field, String message) {
    JsonLocation where = field == null ? start : at.getOrDefault(field, start);
    found.add(UserRulesReader.error(where, message));
  }
}
