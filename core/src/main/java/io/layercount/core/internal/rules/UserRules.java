package io.layercount.core.internal.rules;

import io.layercount.core.model.Layer;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of the rules files a user gave, in order of precedence: a later file's rows before an
 * earlier one's, and within a file the first row that covers a class decides it, as in the
 * built-in tables. Immutable and thread-safe.
 */
public final class UserRules {
  /** No user rules. */
  public static final UserRules NONE = new UserRules(List.of());

  private final List<UserRule> rows;

  UserRules(List<UserRule> rows) {
    this.rows = List.copyOf(rows);
  }

  /** These rows and then, for classes none of them covers, {@code earlier}'s. */
  public UserRules over(UserRules earlier) {
    List<UserRule> all = new ArrayList<>(rows);
    all.addAll(earlier.rows);
    return new UserRules(all);
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /** How many rows were read. */
  public int size() {
    return rows.size();
  }

  /** The first formula row naming {@code typeName}, or {@code null}. */
  UserRule formulaFor(String typeName) {
    for (UserRule row : rows) {
      if (row.formula() != null && row.names(typeName)) {
        return row;
      }
    }
    return null;
  }

  /**
   * The row that decides {@code layer} inside a layer of class {@code parentType}: the first row
   * naming its class, when that row is a formula or a tensor row whose conditions hold; else
   * {@code null}.
   */
  UserRule decisiveFor(Layer layer, String parentType) {
    if (rows.isEmpty()) {
      return null; // as most runs have: no iterator made for every layer
    }
    for (UserRule row : rows) {
      // a user's tensor row cannot ask for childrenOwnNothing, so its children are never asked about
      if (row.formula() != null ? row.names(layer.typeName())
          : row.tensors().covers(layer, parentType, child -> false)) {
        return row;
      }
    }
    return null;
  }
}
