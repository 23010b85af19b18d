package io.layercount.pytorch;

/** A line inside a module's block: an extra-repr line or a child. */
public sealed interface Entry {
  /** 1-based line of the original input. */
  int line();

  /**
   * A line of the module's own text ({@code extra_repr}), e.g. the arguments of
   * {@code BatchNormAct2d} printed above its children.
   *
   * @param indent columns beyond the module's own indent (2 as PyTorch prints it)
   * @param text the line without its indent; empty for a blank line
   */
  record Extra(int indent, String text, int line) implements Entry {}

  /**
   * A child {@code (key): module}; a collapsed run {@code (0-31): 32 x Block(} is one child.
   *
   * @param key the key as printed ({@code conv1}, {@code 0}, {@code 0-31} for a run)
   * @param count how many identical children the entry stands for (1 unless a run)
   * @param module the child, or {@code null} for {@code (key): None}
   */
  record Child(String key, int count, ModuleNode module, int line) implements Entry {
    /** Whether the child was registered as {@code None} (not a module). */
    public boolean isNone() {
      return module == null;
    }

    /** The key of the first occurrence: the start of a run's range, else the key itself. */
    public String firstKey() {
      int dash = LineSyntax.rangeDash(key);
      return dash < 0 ? key : key.substring(0, dash);
    }
  }
}
