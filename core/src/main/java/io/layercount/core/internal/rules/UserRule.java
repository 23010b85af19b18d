package io.layercount.core.internal.rules;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * One row of a user's rules file: a row of {@code torch.json}'s schema (a formula) or of
 * {@code torch-tensors.json}'s (tensors sized from the layer's place), and where it was written.
 *
 * @param origin where the row starts, as {@code file:line:column}
 * @param types class names the row covers
 * @param pattern a regular expression over the whole class name, or {@code null}
 * @param formula the formula row, or {@code null} for a tensor row
 * @param tensors the tensor row, or {@code null} for a formula row
 */
public record UserRule(String origin, Set<String> types, Pattern pattern, TypeRule formula, TensorRule tensors) {
  public UserRule {
    types = Set.copyOf(types);
  }

  /** Whether the row names {@code typeName}, by name or pattern (whatever else it requires). */
  boolean names(String typeName) {
    return types.contains(typeName) || (pattern != null && pattern.matcher(typeName).matches());
  }
}
