package io.layercount.core.internal.rules;

import io.layercount.core.model.Layer;
import io.layercount.core.model.LayerKind;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A row of {@code torch-tensors.json}: the tensors a third-party class owns that its printout does
 * not show, each shaped by quantities of its {@link Place} ({@code width}, {@code inWidth},
 * {@code firstOutWidth}, {@code patchGrid}, optionally {@code +k}) or by literal sizes.
 *
 * @param types class names the row covers
 * @param pattern a regular expression over the whole class name, or {@code null}
 * @param bareOnly the row applies only when the class prints no arguments ({@code LayerScale()})
 * @param children child keys the layer must print, all of them (telling apart classes of one name)
 * @param unlessDescendant the row does not apply when a descendant has one of these classes
 * @param childrenOwnNothing the row applies only when every printed child is a leaf known to own
 *     nothing (an MoE experts module printing only its activation, not a container of expert MLPs)
 * @param unlessKey the row does not apply to a layer whose key matches (per-head {@code q_norm}
 *     normalises a head's width, not the stream's), or {@code null}
 * @param parent the row applies only inside a layer whose class matches, or {@code null}
 * @param unlessParent the row does not apply inside a layer whose class matches (a norm inside an
 *     attention module may normalise one head), or {@code null}
 * @param kind what the layer does
 * @param tensors the tensors, by name
 * @param exact whether the count is exact (false: a lower bound, for tensors the text may hide)
 * @param missing what else the class owns that no text shows, in user terms, or {@code null}
 * @param note why the row holds
 */
record TensorRule(Set<String> types, Pattern pattern, boolean bareOnly, List<String> children,
    Set<String> unlessDescendant, boolean childrenOwnNothing, Pattern unlessKey, Pattern parent, Pattern unlessParent,
    LayerKind kind, List<Tensor> tensors, boolean exact, String missing, String note) {

  /** One tensor: its name and its dimensions as quantity names or literal sizes. */
  record Tensor(String name, List<String> shape) {
    Tensor {
      shape = List.copyOf(shape);
    }
  }

  TensorRule {
    types = Set.copyOf(types);
    children = List.copyOf(children);
    unlessDescendant = Set.copyOf(unlessDescendant);
    tensors = List.copyOf(tensors);
  }

  /** Whether the row is about class {@code typeName}, whatever its other conditions. */
  boolean names(String typeName) {
    return types.contains(typeName) || pattern != null && pattern.matcher(typeName).matches();
  }

  /**
   * Whether the row covers {@code layer} as printed, inside a layer of class {@code parentType};
   * {@code ownsNothing} tells whether a printed child is a leaf known to own nothing.
   */
  boolean covers(Layer layer, String parentType, Predicate<Layer> ownsNothing) {
    return names(layer.typeName()) && coversNamed(layer, parentType, ownsNothing);
  }

  /**
   * As {@link #covers}, for a layer of a class this row names ({@link TensorRules#rowsNaming}): the
   * name is not tested again (a class the row names by pattern took a regular expression per layer).
   */
  boolean coversNamed(Layer layer, String parentType, Predicate<Layer> ownsNothing) {
    if (parent != null && !parent.matcher(parentType).matches()) {
      return false;
    }
    if (unlessParent != null && unlessParent.matcher(parentType).matches()) {
      return false;
    }
    if (bareOnly && !layer.arguments().raw().isBlank()) {
      return false;
    }
    if (unlessKey != null && unlessKey.matcher(layer.name()).matches()) {
      return false;
    }
    List<Layer> printed = layer.children();
    for (String key : children) {
      if (!hasChild(printed, key)) {
        return false;
      }
    }
    if (childrenOwnNothing) {
      for (int i = 0, n = printed.size(); i < n; i++) {
        if (!ownsNothing.test(printed.get(i))) {
          return false;
        }
      }
    }
    return unlessDescendant.isEmpty() || !hasDescendant(layer);
  }

  private static boolean hasChild(List<Layer> printed, String key) {
    for (int i = 0, n = printed.size(); i < n; i++) {
      if (printed.get(i).name().equals(key)) {
        return true;
      }
    }
    return false;
  }

  private boolean hasDescendant(Layer layer) {
    Deque<Layer> stack = new ArrayDeque<>(layer.children());
    while (!stack.isEmpty()) {
      Layer l = stack.pop();
      if (unlessDescendant.contains(l.typeName())) {
        return true;
      }
      l.children().forEach(stack::push);
    }
    return false;
  }
}
