package io.layercount.core.internal.rules;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Answers about class names, remembered: a model prints the same few classes at thousands of
 * places, a batch the same classes in model after model, and each answer may take a scan of the
 * rule rows and a regular expression per row. The question must depend on the name alone (on
 * immutable tables), so that any thread may ask. Class names come from the input: past {@link
 * #MAX_NAMES} names the answers are worked out each time, not remembered, so that a batch of
 * texts with ever new names cannot fill the memory.
 *
 * @param <V> the answer; {@code null} answers are remembered too
 */
final class ByTypeName<V> {
  static final int MAX_NAMES = 1 << 16;
  private static final Object NULL = new Object();
  private final Map<String, Object> answers = new ConcurrentHashMap<>();
  private final Function<String, V> question;

  ByTypeName(Function<String, V> question) {
    this.question = question;
  }

  @SuppressWarnings("unchecked")
  V get(String typeName) {
    Object known = answers.get(typeName);
    if (known == null) {
      V answer = question.apply(typeName);
      if (answers.size() < MAX_NAMES) {
        answers.put(typeName, answer == null ? NULL : answer);
      }
      return answer;
    }
    return known == NULL ? null : (V) known;
  }
}
