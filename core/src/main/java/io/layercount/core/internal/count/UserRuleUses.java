package io.layercount.core.internal.count;

import io.layercount.core.Analysis;
import io.layercount.core.Diagnostic;
import io.layercount.core.internal.rules.Resolution;
import io.layercount.core.internal.rules.RuleTable;
import io.layercount.core.internal.rules.UserRule;
import io.layercount.core.model.Layer;
import java.text.NumberFormat;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What each user rule counted in one model: the classes it decided, their occurrences and the
 * parameters they own, so that a report can say which rule counted what.
 */
final class UserRuleUses {
  private UserRuleUses() {}

  /** One entry per class a user rule decided, in order of first occurrence (pre-order). */
  static List<Analysis.AppliedRule> of(Layer root, Resolved resolved, RuleTable rules) {
    if (!rules.hasUserRules()) {
      return List.of();
    }
    Map<String, Use> uses = new LinkedHashMap<>();
    Occurrences.walk(root, (layer, n) -> {
      UserRule rule = resolved.userRule(layer);
      if (rule == null || layer.stated().repeated()) {
        return true;
      }
      Resolution r = resolved.of(layer);
      Use use = uses.computeIfAbsent(layer.typeName() + '\n' + rule.origin(), k -> new Use(layer, rule, r));
      use.occurrences = Saturating.add(use.occurrences, n);
      use.parameters = Saturating.add(use.parameters, Saturating.multiply(n, r.ownParameters()));
      use.exact &= r.known() && r.exact();
      return true;
    });
    List<Analysis.AppliedRule> out = new ArrayList<>(uses.size());
    uses.values().forEach(u -> out.add(new Analysis.AppliedRule(u.layer.typeName(), u.rule.origin(),
        u.resolution.kind(), u.occurrences, u.parameters, u.exact,
        rules.knowsBuiltIn(u.layer.typeName()))));
    return out;
  }

  /** One info line per applied rule, at the first line its class appears on. */
  static void report(List<Analysis.AppliedRule> applied, Layer root, List<Diagnostic> diagnostics) {
    if (applied.isEmpty()) {
      return; // nor a number format: making one loads the locale data, 10 ms at start-up
    }
    Map<String, Integer> firstLine = firstLines(root);
    NumberFormat grouped = NumberFormat.getIntegerInstance(Locale.ROOT);
    for (Analysis.AppliedRule a : applied) {
      diagnostics.add(Diagnostic.info(firstLine.getOrDefault(a.type(), 0), 0, "the user rule at " + a.rule()
          + " counted " + a.type() + " (" + a.kind().label() + "): " + grouped.format(a.occurrences())
          + (a.occurrences() == 1 ? " occurrence, " : " occurrences, ") + (a.exact() ? "" : "at least ")
          + grouped.format(a.parameters())
          + " parameters of its own" + (a.overridesBuiltIn() ? "; it replaces the built-in rule for "
          + a.type() : "")));
    }
  }

  private static Map<String, Integer> firstLines(Layer root) {
    Map<String, Integer> lines = new LinkedHashMap<>();
    Deque<Layer> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      Layer layer = stack.pop();
      if (layer.line() > 0) {
        lines.merge(layer.typeName(), layer.line(), Math::min);
      }
      List<Layer> children = layer.children();
      for (int i = 0; i < children.size(); i++) {
        stack.push(children.get(i));
      }
    }
    return lines;
  }

  /** The running totals of one (class, rule) pair. */
  private static final class Use {
    final Layer layer;
    final UserRule rule;
    final Resolution resolution;
    long occurrences;
    long parameters;
    boolean exact = true;

    Use(Layer layer, UserRule rule, Resolution resolution) {
      this.layer = layer;
      this.rule = rule;
      this.resolution = resolution;
    }
  }
}
