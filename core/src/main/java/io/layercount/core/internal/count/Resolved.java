package io.layercount.core.internal.count;

import io.layercount.core.internal.IdentityTable;
import io.layercount.core.InputSize;
import io.layercount.core.internal.rules.LayerNormOwners;
import io.layercount.core.internal.rules.Resolution;
import io.layercount.core.internal.rules.RuleTable;
import io.layercount.core.internal.rules.StreamWidths;
import io.layercount.core.internal.rules.UserRule;
import io.layercount.core.model.Layer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule answer for every node of a module tree, computed once per node (not per occurrence), each
 * at its place: in the context of its owner (the nearest enclosing class that is not a plain
 * container) and of the stream it sits in. For a table that prints a count per row, the counts come
 * from the text ({@link StatedCounts}).
 */
public final class Resolved {
  private final Map<Layer, Resolution> byLayer;
  /** The user rule that decided each node, where one did; empty without user rules. */
  private final Map<Layer, UserRule> byUser;

  /** From the rules alone. */
  public Resolved(Layer root, RuleTable rules) {
    this(root, rules, null, false, false);
  }

  /**
   * From the text's own counts when {@code statedCounts}, else from the rules.
   *
   * @param inputSize the image size the user stated, or {@code null}; sizes image-bound tensors
   * @param weightAndBiasOnly the table counts only tensors named weight and bias (torchsummary)
   */
  public Resolved(Layer root, RuleTable rules, InputSize inputSize, boolean statedCounts, boolean weightAndBiasOnly) {
    this(root, rules, inputSize, statedCounts, weightAndBiasOnly, 0);
  }

  /**
   * As {@link #Resolved(Layer, RuleTable, InputSize, boolean, boolean)}, for a tree of about
   * {@code nodes} nodes (0: not known), a size for the maps.
   */
  public Resolved(Layer root, RuleTable rules, InputSize inputSize, boolean statedCounts, boolean weightAndBiasOnly,
      int nodes) {
    byUser = rules.hasUserRules() ? new IdentityHashMap<>() : Map.of();
    Map<Layer, Resolution> byRule = byRule(root, rules, inputSize, byUser, nodes);
    byLayer = statedCounts ? StatedCounts.resolve(root, rules, byRule, weightAndBiasOnly) : byRule;
  }

  private static Map<Layer, Resolution> byRule(Layer root, RuleTable rules, InputSize inputSize,
      Map<Layer, UserRule> byUser, int nodes) {
    StreamWidths places = new StreamWidths(root, rules, inputSize, nodes);
    Map<Layer, Resolution> byLayer = new IdentityTable<>(places.size());
    Deque<Layer> stack = new ArrayDeque<>();
    Deque<Layer> owners = new ArrayDeque<>();
    stack.push(root);
    owners.push(root);
    while (!stack.isEmpty()) {
      Layer layer = stack.pop();
      Layer owner = owners.pop();
      if (byLayer.containsKey(layer)) {
        continue;
      }
      byLayer.put(layer, rules.resolve(layer, owner, places));
      if (rules.hasUserRules()) {
        UserRule mine = rules.userRuleFor(layer, places);
        if (mine != null) {
          byUser.put(layer, mine);
        }
      }
      Layer childOwner = LayerNormOwners.isPlainContainer(layer.typeName()) ? owner : layer;
      List<Layer> children = layer.children();
      for (int i = 0; i < children.size(); i++) {
        stack.push(children.get(i));
        owners.push(childOwner);
      }
    }
    return byLayer;
  }

  /** How many distinct nodes were resolved: a size for other maps over the same tree. */
  public int size() {
    return byLayer.size();
  }

  public Resolution of(Layer layer) {
    return byLayer.get(layer);
  }

  /** The user rule that decided {@code layer}, or {@code null} when the built-in rules did. */
  UserRule userRule(Layer layer) {
    return byUser.get(layer);
  }
}
