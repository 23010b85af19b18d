package io.layercount.pytorch.table;

import io.layercount.core.Diagnostic;
import io.layercount.core.model.Layer;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds up the parameter counts of a table's rows and compares the sum with the footer's
 * {@code Total params}; also decides which rows are trainable where the table does not say.
 *
 * <p>torchinfo prints, per row, the parameters no row below it shows (a leaf's own, a collapsed
 * sub-tree's total, a parent's leftovers), so its rows add up to the total; torchsummary's total is
 * the sum of its rows by construction. A difference is reported, never hidden.
 */
final class RowSumCheck {
  private final List<LayerNode> counted = new ArrayList<>();
  private long sum;
  private long frozen;
  private int unreadable;
  private int elidedLine;

  /** A row whose printed count is part of the sum ({@code frozen}: printed as not trainable). */
  void add(LayerNode node, long params, boolean isFrozen) {
    counted.add(node);
    sum += params;
    if (isFrozen) {
      frozen += params;
    }
  }

  /** A row whose count could not be read. */
  void addUnreadable() {
    unreadable++;
  }

  /** Rows were left out ({@code ...}) at {@code line}. */
  void markElided(int line) {
    if (elidedLine == 0) {
      elidedLine = line;
    }
  }

  /**
   * Compares with the footer and settles the trainable flag of rows the text left open: when the
   * rows marked frozen account for the footer's whole {@code Non-trainable params}, every other row
   * with parameters is trainable.
   */
  List<Diagnostic> finish(Footer footer) {
    List<Diagnostic> out = new ArrayList<>();
    if (footer.nonTrainable() != null && footer.nonTrainable() == frozen && unreadable == 0 && elidedLine == 0) {
      for (LayerNode n : counted) {
        Layer.Stated s = n.stated;
        if (s.trainable() == null && s.params() != null && s.params() > 0) {
          n.stated = new Layer.Stated(s.params(), true, s.outputShape(), s.inbound());
        }
      }
    }
    Long total = footer.total();
    if (total == null || (total == sum && unreadable == 0)) {
      return out;
    }
    StringBuilder why = new StringBuilder("the rows' parameter counts add up to ")
        .append(String.format("%,d", sum)).append(", the footer states ").append(String.format("%,d", total));
    if (elidedLine > 0) {
      why.append(": rows were left out ('...' at line ").append(elidedLine).append(')');
    } else if (unreadable > 0) {
      why.append(": ").append(unreadable).append(" row count(s) could not be read");
    } else if (sum < total) {
      why.append(": some parameters belong to no row (e.g. held by a module the forward pass never"
          + " called, or by a parent whose own parameters this torchinfo version did not print)");
    } else {
      why.append(": some parameters are shown on more than one row (e.g. shared tensors, or a"
          + " parametrization such as pruning that keeps extra copies)");
    }
    why.append("; the footer's total is the one reported");
    out.add(Diagnostic.warning(footer.totalLine(), 1, why.toString()));
    return out;
  }
}
