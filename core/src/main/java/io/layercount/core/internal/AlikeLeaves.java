package io.layercount.core.internal;

import io.layercount.core.model.Arguments;
import io.layercount.core.model.Layer;
import java.util.Objects;

/**
 * What is worked out of a leaf from its text alone (a rule answer, the widths it reads and writes),
 * by class, arguments and statements, for one tree: a model prints the same
 * {@code BatchNorm2d(64, eps=...)} or {@code ReLU(inplace=True)} at many places, and each was worked
 * out again from its arguments. The caller decides what depends on the text alone (see
 * {@link io.layercount.core.internal.rules.RuleTable#answersAlikeEverywhere}).
 *
 * <p>A printout's equal argument texts are mostly one object ({@code NetworkBuilder} shares them),
 * so arguments compare by identity before equality. At most {@value #MOST} values are kept (arrays
 * of 2,048 slots at most, from 64; the corpus's printouts have at most 158 distinct argument
 * texts); a tree of more distinct leaves than that is not looked up further, since most lookups
 * would miss.
 *
 * @param <V> what is kept per leaf text
 */
public final class AlikeLeaves<V> {
  public static final int MOST = 1_024;

  private int[] hashes = new int[64];
  private Arguments[] arguments = new Arguments[64];
  private String[] types = new String[64];
  private Layer.Stated[] statements = new Layer.Stated[64];
  private Object[] values = new Object[64];
  private int size;

  /**
   * The value kept for a leaf printed like {@code leaf}, or {@code null}; always {@code null} once
   * {@value #MOST} distinct leaves filled the table (a tree of so many distinct leaves, such as the
   * synthetic printouts of the benchmarks, would pay a lookup per leaf for few values).
   */
  @SuppressWarnings("unchecked")
  public V get(Layer leaf) {
    if (size == MOST) {
      return null;
    }
    Arguments a = leaf.arguments();
    String type = leaf.typeName();
    Layer.Stated stated = leaf.stated();
    int h = hash(a, type);
    int mask = values.length - 1;
    for (int i = h & mask; values[i] != null; i = (i + 1) & mask) {
      Arguments known = arguments[i];
      if (hashes[i] == h && (known == a || known.equals(a)) && statements[i] == stated && types[i].equals(type)) {
        return (V) values[i];
      }
    }
    return null;
  }

  /** Whether another value would be kept: once full, the table is neither added to nor read. */
  public boolean hasRoom() {
    return size < MOST;
  }

  /** Keeps {@code value} for leaves printed like {@code leaf}, while there is room. */
  public void put(Layer leaf, V value) {
    if (size == MOST) {
      return;
    }
    add(leaf.arguments(), leaf.typeName(), leaf.stated(), Objects.requireNonNull(value));
    if (++size * 2 > values.length) {
      grow();
    }
  }

  private void add(Arguments a, String type, Layer.Stated stated, Object value) {
    int h = hash(a, type);
    int mask = values.length - 1;
    int i = h & mask;
    while (values[i] != null) {
      i = (i + 1) & mask;
    }
    hashes[i] = h;
    arguments[i] = a;
    types[i] = type;
    statements[i] = stated;
    values[i] = value;
  }

  /** Twice the slots, the values kept moved over. */
  private void grow() {
    Arguments[] oldArguments = arguments;
    String[] oldTypes = types;
    Layer.Stated[] oldStatements = statements;
    Object[] oldValues = values;
    int n = 2 * oldValues.length;
    hashes = new int[n];
    arguments = new Arguments[n];
    types = new String[n];
    statements = new Layer.Stated[n];
    values = new Object[n];
    for (int i = 0; i < oldValues.length; i++) {
      if (oldValues[i] != null) {
        add(oldArguments[i], oldTypes[i], oldStatements[i], oldValues[i]);
      }
    }
  }

  private static int hash(Arguments a, String type) {
    int h = 31 * a.hashCode() + type.hashCode();
    return h ^ (h >>> 16);
  }
}
