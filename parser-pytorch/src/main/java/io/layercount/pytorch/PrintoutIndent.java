package io.layercount.pytorch;

import io.layercount.core.Diagnostic;
import io.layercount.core.spi.Source;
import java.util.List;

/**
 * A printout whose indent was widened, its levels 3 to 8 spaces apart rather than PyTorch's 2 (an
 * editor or a page that indents by 4, a copy through a tool that doubles the spaces): the text is
 * read with each of its steps as 2 spaces, wherever every indented line sits a whole number of such
 * steps in, so that the levels are where the printout had them. Read as it is, such a text has no
 * child 2 spaces in: it was "no model found", or a small module of it was taken for the printout.
 */
final class PrintoutIndent {
  /** A PyTorch printout's indent step. */
  static final int STEP = 2;
  /** The widest step read as one: a wider one is not a level of a printout. */
  static final int WIDEST = 8;

  private PrintoutIndent() {}

  /**
   * The text to read as a printout: {@code source} itself, or read in steps of 2 where its step is
   * wider, which is then said in {@code notes} (an {@code info} diagnostic; {@code null}: not said).
   */
  static Source of(Source source, List<Diagnostic> notes) {
    int step = source.indentStep();
    if (step <= STEP || step > WIDEST) {
      return source;
    }
    if (notes != null) {
      notes.add(Diagnostic.info(0, 0, "read an indent of " + step + " spaces as one level of the printout (PyTorch"
          + " indents by " + STEP + "): every indented line is a whole number of " + step + "-space steps in"));
    }
    return source.reindented(step, STEP);
  }
}
