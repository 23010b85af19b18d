package io.layercount.pytorch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One module as a PyTorch printout shows it: the syntax tree node the parser builds and
 * {@link PytorchPrinter} renders.
 *
 * <p>A module either printed on one line ({@code Linear(in_features=2, out_features=3, bias=True)},
 * {@link #oneLineArguments()} non-null) or as a block whose {@link #entries()} are its extra-repr
 * lines and children in printed order.
 */
public final class ModuleNode {
  private final String typeName;
  private final Form form;
  private final String oneLineArguments;
  private final int line;
  /** Made at the first entry: most modules are one-line leaves with none. */
  private List<Entry> entries;
  /** The read-only view {@link #entries()} gives, made once. */
  private List<Entry> view = List.of();
  private boolean closed;

  ModuleNode(String typeName, Form form, String oneLineArguments, int line) {
    this.typeName = typeName;
    this.form = form;
    this.oneLineArguments = oneLineArguments;
    this.line = line;
    this.closed = oneLineArguments != null;
  }

  /** How the module's first line was written. */
  public enum Form {
    /** {@code Name(} as PyTorch 0.4 and later print it. */
    MODERN,
    /** {@code Name (} with a space, as PyTorch 0.1–0.3 printed it. */
    LEGACY,
    /** {@code Name {} ... {@code }}, a late-2016 form. */
    BRACES
  }

  /** The class name as printed, dots included ({@code lora.Linear}). */
  public String typeName() {
    return typeName;
  }

  public Form form() {
    return form;
  }

  /** The text between the parentheses of a one-line module, or {@code null} for a block. */
  public String oneLineArguments() {
    return oneLineArguments;
  }

  /** 1-based line of the original input where the module starts. */
  public int line() {
    return line;
  }

  /** Extra lines and children in printed order (empty for a one-line module). */
  public List<Entry> entries() {
    return view;
  }

  /** Whether the text closed the block (a truncated printout leaves blocks open). */
  public boolean isClosed() {
    return closed;
  }

  void add(Entry entry) {
    if (entries == null) {
      entries = new ArrayList<>();
      view = Collections.unmodifiableList(entries);
    }
    entries.add(entry);
  }

  void close() {
    closed = true;
  }
}
