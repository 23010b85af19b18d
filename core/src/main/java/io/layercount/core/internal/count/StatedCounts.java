package io.layercount.core.internal.count;

import io.layercount.core.internal.rules.Resolution;
import io.layercount.core.internal.rules.RuleTable;
import io.layercount.core.model.Layer;
import io.layercount.core.model.LayerKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The parameter counts of a table that prints one per row (Keras {@code Param #}, torchinfo,
 * torchsummary): each layer owns what its row states, read as its {@link Layer.ParamScope} says.
 * A Keras row with children states its sub-tree, so it owns its count less its children's; a
 * torchinfo row states what no row below shows, so it owns exactly that. The rules only give the
 * kind and the conv/FC weight of each layer; a type name the text cut ({@code Conv2D…}) takes the
 * kind every class it can complete to agrees on.
 *
 * <p>The root of a table is the model, which has no row (Keras) or may have none (old
 * torch-summary): it owns nothing the table shows; the footer check says when the model holds more.
 * A row the text lost the count of is unknown; a {@code (recursive)} row is a second call of a
 * module already counted and owns nothing.
 */
final class StatedCounts {
  /** The basis of a count the text printed but lost (a cut or unreadable cell). */
  static final String LOST = "lost";
  /** The basis of a row that shows none of the parameters its class always holds. */
  static final String UNCOUNTED = "uncounted";

  private StatedCounts() {}

  /**
   * The resolution of every layer of the tree below {@code root}, from the text's counts.
   *
   * @param byRule what the rules say about each layer (for its kind and weight)
   * @param weightAndBiasOnly the table counts only tensors named {@code weight} and {@code bias}, and
   *     nothing the model holds itself (torchsummary): a row of a recurrent or attention layer, or of
   *     a class no rule knows, may hold more than it shows, and so may the model
   */
  static Map<Layer, Resolution> resolve(Layer root, RuleTable rules, Function<Layer, Resolution> byRule,
      boolean weightAndBiasOnly) {
    Map<Layer, Resolution> out = new IdentityHashMap<>();
    Map<Layer, Long> subtree = new IdentityHashMap<>();
    for (Layer layer : postOrder(root)) {
      Resolution rule = classify(layer, rules, byRule.apply(layer));
      Layer.Stated s = layer.stated();
      Long own;
      Resolution r;
      if (s.repeated()) {
        own = 0L;
        r = new Resolution(rule.kind(), 0, true, true, 0, "repeated",
            "a module listed before, called again: counted once, on its first row");
      } else if (layer == root && s.params() == null) {
        own = 0L;
        r = new Resolution(rule.kind(), 0, true, !weightAndBiasOnly, rule.weighted(), "model",
            "the model's row: what it holds beyond its layers shows only in the footer");
      } else if (s.params() == null && rule.kind() == LayerKind.INPUT && layer.isLeaf()) {
        // an input layer holds no parameters, whether or not its row's count could be read
        own = 0L;
        r = stated(rule, 0);
      } else if (s.params() == null) {
        own = null;
        r = new Resolution(rule.kind(), 0, false, false, rule.weighted(), LOST,
            "the text does not give the parameter count of " + layer.typeName() + " (line " + layer.line() + ")");
      } else if (layer.isLeaf() || s.scope() == Layer.ParamScope.OWN) {
        own = s.params();
        // torch's MultiheadAttention as a row of no rows inside: its out_proj is a Linear it holds
        // but never calls, so no summary shows it as a row; it is one of its two conv/FC layers
        boolean attention = layer.isLeaf() && isTorchAttention(layer, rule);
        int weighted = attention ? 2 : rule.weighted();
        r = attention && own == 0
            ? new Resolution(rule.kind(), 0, false, false, weighted, UNCOUNTED, "this MultiheadAttention row shows no"
                + " parameters, but the class always holds its input projection and its out_proj: the summary counted"
                + " neither, nor did its footer")
            : weightAndBiasOnly && mayHoldMore(layer, rule, rules)
            ? new Resolution(rule.kind(), own, true, false, weighted, "stated",
                "counts only the tensors named weight and bias of " + layer.typeName())
            : stated(rule, own, weighted);
      } else {
        Long children = childrenTotal(layer, subtree);
        own = children == null ? null : s.params() - children;
        if (own == null || own < 0) {
          r = new Resolution(rule.kind(), 0, false, false, rule.weighted(), LOST, own == null
              ? "a layer inside " + layer.typeName() + " (line " + layer.line() + ") has no count, so what "
                  + layer.typeName() + " holds itself is unknown"
              : layer.typeName() + " (line " + layer.line() + ") states " + s.params()
                  + " parameters, fewer than its rows inside add up to (" + children + ")");
          own = null;
        } else {
          r = stated(rule, own);
        }
      }
      out.put(layer, r);
      subtree.put(layer, subtreeTotal(layer, own, subtree));
    }
    return out;
  }

  /** torch.nn.MultiheadAttention, as its rule knows it (a class of that name printing q, k, v is another). */
  private static boolean isTorchAttention(Layer layer, Resolution rule) {
    return rule.kind() == LayerKind.ATTENTION && layer.typeName().equals("MultiheadAttention");
  }

  /** A class whose parameters need not all be called weight and bias. */
  private static boolean mayHoldMore(Layer layer, Resolution rule, RuleTable rules) {
    boolean ruled = rules.knowsByHand(layer.typeName()) || rules.knowsFromCorpus(layer.typeName());
    return !ruled || rule.kind() == LayerKind.RECURRENT || rule.kind() == LayerKind.ATTENTION;
  }

  private static Resolution stated(Resolution rule, long own) {
    return stated(rule, own, rule.weighted());
  }

  private static Resolution stated(Resolution rule, long own, int weighted) {
    return new Resolution(rule.kind(), own, true, true, weighted, "stated", null);
  }

  /** What the rules say about a layer, or about every class a cut type name can be when they agree. */
  private static Resolution classify(Layer layer, RuleTable rules, Resolution byRule) {
    List<String> completions = layer.stated().typeCompletions();
    if (completions.isEmpty() || byRule.kind() != LayerKind.UNKNOWN) {
      return byRule;
    }
    Resolution first = null;
    for (String type : completions) {
      Resolution r = rules.resolve(new Layer(layer.name(), type, layer.arguments(), List.of(), 1, layer.stated(),
          layer.line()));
      if (first == null) {
        first = r;
      } else if (r.kind() != first.kind() || r.weighted() != first.weighted()) {
        return byRule;
      }
    }
    return first;
  }

  /** The sum of the children's sub-tree counts (runs expanded), or {@code null} if one is unknown. */
  private static Long childrenTotal(Layer layer, Map<Layer, Long> subtree) {
    long sum = 0;
    for (Layer child : layer.children()) {
      Long c = subtree.get(child);
      if (c == null) {
        return null;
      }
      sum = Saturating.add(sum, Saturating.multiply(child.repeat(), c));
    }
    return sum;
  }

  private static Long subtreeTotal(Layer layer, Long own, Map<Layer, Long> subtree) {
    Layer.Stated s = layer.stated();
    if (s.repeated()) {
      return 0L;
    }
    if (s.params() != null && (layer.isLeaf() || s.scope() == Layer.ParamScope.SUBTREE) && own != null) {
      return s.params();
    }
    Long children = childrenTotal(layer, subtree);
    return own == null || children == null ? null : Saturating.add(own, children);
  }

  /** Every layer, each after its children, without recursion; a layer shared by two parents once. */
  private static List<Layer> postOrder(Layer root) {
    List<Layer> out = new ArrayList<>();
    Map<Layer, Boolean> seen = new IdentityHashMap<>();
    Deque<Layer> stack = new ArrayDeque<>();
    Deque<Boolean> expanded = new ArrayDeque<>();
    stack.push(root);
    expanded.push(false);
    while (!stack.isEmpty()) {
      Layer layer = stack.pop();
      if (expanded.pop()) {
        out.add(layer);
      } else if (seen.put(layer, Boolean.TRUE) == null) {
        stack.push(layer);
        expanded.push(true);
        for (Layer child : layer.children()) {
          stack.push(child);
          expanded.push(false);
        }
      }
    }
    return out;
  }
}
