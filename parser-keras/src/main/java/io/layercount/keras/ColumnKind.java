package io.layercount.keras;

/** The columns a Keras summary table can have, with the header labels each era prints. */
enum ColumnKind {
  NAME("Layer (type)"),
  /** TensorFlow.js's {@code Input Shape}, before its {@code Output shape}: read past, never counted. */
  INPUT_SHAPE("Input Shape", "Input shape"),
  SHAPE("Output Shape", "Output shape"),
  PARAMS("Param #"),
  CONNECTED("Connected to", "Receives inputs"),
  TRAINABLE("Trainable");

  private final String[] labels;

  ColumnKind(String... labels) {
    this.labels = labels;
  }

  /** Where this column's label starts in {@code header}, or -1. */
  int find(String header) {
    for (String label : labels) {
      int at = header.indexOf(label);
      if (at >= 0) {
        return at;
      }
    }
    return -1;
  }

  /** The kind whose label {@code cell} is (trimmed), or {@code null}. */
  static ColumnKind ofLabel(String cell) {
    String t = cell.trim();
    for (ColumnKind kind : values()) {
      for (String label : kind.labels) {
        if (t.equals(label)) {
          return kind;
        }
      }
    }
    return null;
  }
}
