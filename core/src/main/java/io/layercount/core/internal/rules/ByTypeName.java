package io.layercount.core.internal.rules;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Answers about class names remembered for one tree: a model prints the same few classes at
 * thousands of places, and each answer may take a scan of the rule rows and a regular expression
 * per row. Not thread-safe: one instance belongs to one analysis, so the shared tables stay
 * immutable.
 *
 * @param <V> the answer; {@code null} answers are remembered too
 */
final class ByTypeName<V> {
  private static final Object NULL = new Object();
  private final Map<String, Object> answers = new HashMap<>();
  private final Function<String, V> question;

  ByTypeName(Function<String, V> question) {
    this.question = question;
  }

  @SuppressWarnings("unchecked")
  V get(String typeName) {
    Object known = answers.get(typeName);
    if (known == null) {
      V answer = question.apply(typeName);
      answers.put(typeName, answer == null ? NULL : answer);
      return answer;
    }
    return known == NULL ? null : (V) known;
  }
}
