package io.layercount.pytorch.table;

import io.layercount.core.model.Layer;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the rows whose parameter counts were read and decides which rows are trainable where the
 * table does not say.
 */
final class TrainableRows {
  private final List<LayerNode> counted = new ArrayList<>();
  private long frozen;
  private int unreadable;
  private int elidedLine;

  /** A row whose printed count is part of the sum ({@code frozen}: printed as not trainable). */
  void add(LayerNode node, long params, boolean isFrozen) {
    counted.add(node);
    if (isFrozen) {
      frozen += params;
    }
  }

  /** Takes {@code params} off a row counted before ({@code isFrozen}: printed as not trainable). */
  void lessen(boolean isFrozen, long params) {
    if (isFrozen) {
      frozen -= params;
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
   * Settles the trainable flag of rows the text left open: when the rows marked frozen account for
   * the footer's whole {@code Non-trainable params}, every other row with parameters is trainable.
   * (Comparing the rows' sum with the footer is the counting engine's job: it explains a difference.)
   */
  void finish(Footer footer) {
    if (footer.nonTrainable() != null && footer.nonTrainable() == frozen && unreadable == 0 && elidedLine == 0) {
      for (LayerNode n : counted) {
        Layer.Stated s = n.stated;
        if (s.trainable() == null && s.params() != null && s.params() > 0) {
          n.stated = s.withTrainable(true);
        }
      }
    }
  }
}
