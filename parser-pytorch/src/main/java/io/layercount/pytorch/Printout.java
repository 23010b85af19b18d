package io.layercount.pytorch;

import io.layercount.core.Diagnostic;
import java.util.List;

/**
 * One {@code print(model)} text found in the input: its syntax tree and where it lies.
 *
 * @param root the root module
 * @param firstLine 1-based first line of the printout in the original input
 * @param lastLine 1-based last line of the printout
 * @param legacy whether a container was printed in the PyTorch 0.1–0.3 form ({@code Sequential (}, braces)
 * @param diagnostics what the reader noticed inside the printout
 */
public record Printout(ModuleNode root, int firstLine, int lastLine, boolean legacy, List<Diagnostic> diagnostics) {
  public Printout {
    diagnostics = List.copyOf(diagnostics);
  }

  /** {@code pytorch} or {@code pytorch-legacy}. */
  public String format() {
    return legacy ? "pytorch-legacy" : "pytorch";
  }
}
