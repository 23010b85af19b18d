package io.layercount.pytorch.table;

/** A value column of a summary table, known by its header title. */
enum Column {
  INPUT_SHAPE("Input Shape", "input_shape"),
  OUTPUT_SHAPE("Output Shape", "output_shape"),
  PARAMS("Param #", "params"),
  TRAINABLE_PARAMS("Tr. Param #", "trainable_params"),
  PARAMS_PERCENT("Param %", "params_percent"),
  KERNEL_SHAPE("Kernel Shape", "kernel_size"),
  GROUPS("Groups", "groups"),
  MULT_ADDS("Mult-Adds", "mult_adds"),
  TRAINABLE("Trainable", "trainable"),
  /** A title layercount does not know; its cells are kept under the title as argument name. */
  OTHER("", "");

  private final String title;
  private final String argumentName;

  Column(String title, String argumentName) {
    this.title = title;
    this.argumentName = argumentName;
  }

  String title() {
    return title;
  }

  /** The name its cells get in {@link io.layercount.core.model.Arguments}. */
  String argumentName() {
    return argumentName;
  }

  /** The known column whose title starts {@code text} at {@code from} and ends there, or {@code null}. */
  static Column titledAt(String text, int from) {
    Column best = null;
    for (Column c : values()) {
      if (c == OTHER || !text.startsWith(c.title, from)) {
        continue;
      }
      int end = from + c.title.length();
      boolean ends = end == text.length() || text.charAt(end) == ' ';
      if (ends && (best == null || c.title.length() > best.title.length())) {
        best = c;
      }
    }
    return best;
  }
}
