package io.layercount.keras;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A random Keras model as a summary would describe it: the truth a rendered table must give back.
 *
 * @param name the model name
 * @param functional whether the table shows {@code Connected to}
 * @param layers the top-level layers in topological order
 */
record GeneratedModel(String name, boolean functional, List<GenLayer> layers) {

  /** One row: {@code inbound} items are {@code {layerIndex, node, tensor}} into the same layer list. */
  record GenLayer(String name, String type, String shape, long params, boolean trainable, List<int[]> inbound,
      List<GenLayer> children) {}

  long totalParams() {
    long s = 0;
    for (GenLayer l : layers) {
      s += l.params;
    }
    return s;
  }

  long trainableParams() {
    long s = 0;
    for (GenLayer l : layers) {
      s += l.trainable ? l.params : 0;
    }
    return s;
  }

  private static final String[][] TYPES = {
    {"Conv2D", "conv2d"}, {"Dense", "dense"}, {"BatchNormalization", "batch_normalization"},
    {"Activation", "activation"}, {"Add", "add"}, {"Concatenate", "concatenate"}, {"Dropout", "dropout"},
    {"MaxPooling2D", "max_pooling2d"}, {"SeparableConv2D", "separable_conv2d"},
    {"DepthwiseConv2D", "depthwise_conv2d"}, {"GlobalAveragePooling2D", "global_average_pooling2d"},
    {"LSTM", "lstm"}, {"Flatten", "flatten"}, {"Custom", "my_block"}
  };

  /**
   * What a layout shows whole.
   *
   * @param nameCell the longest {@code name (Type)} cell
   * @param word the longest word of a cell that wraps at spaces
   * @param shape the longest output shape
   */
  record Limits(int nameCell, int word, int shape) {}

  /** A model of 2-25 layers; {@code nested}: layers may hold nested layers ({@code expand_nested}). */
  static GeneratedModel random(Random rnd, boolean functional, Limits limits, boolean nested) {
    int n = 2 + rnd.nextInt(24);
    List<GenLayer> layers = new ArrayList<>();
    int[] counter = {0};
    if (functional) {
      layers.add(new GenLayer("input_" + (1 + rnd.nextInt(9)), "InputLayer", "[" + shape(rnd, limits.shape - 2) + "]", 0, true, List.of(),
          List.of()));
    }
    while (layers.size() < n) {
      List<int[]> inbound = new ArrayList<>();
      if (functional) {
        int k = 1 + (rnd.nextInt(4) == 0 ? rnd.nextInt(3) : 0);
        for (int j = 0; j < k; j++) {
          int target = rnd.nextInt(layers.size());
          inbound.add(new int[] {target, rnd.nextInt(8) == 0 ? 1 : 0, 0});
        }
      }
      List<GenLayer> children = new ArrayList<>();
      if (nested && rnd.nextInt(5) == 0) {
        int m = 1 + rnd.nextInt(4);
        for (int j = 0; j < m; j++) {
          children.add(leaf(rnd, counter, new Limits(limits.nameCell - 2, limits.word, limits.shape), List.of(), List.of()));
        }
      }
      layers.add(children.isEmpty()
          ? leaf(rnd, counter, limits, inbound, children)
          : container(rnd, counter, limits, inbound, children));
    }
    return new GeneratedModel("model_" + rnd.nextInt(100), functional, layers);
  }

  private static GenLayer leaf(Random rnd, int[] counter, Limits limits, List<int[]> inbound, List<GenLayer> children) {
    for (int attempt = 0; ; attempt++) {
      String[] t = TYPES[rnd.nextInt(TYPES.length)];
      String name = t[1] + "_" + (++counter[0]);
      if (rnd.nextInt(6) == 0) {
        name = "block" + rnd.nextInt(6) + "_" + t[1] + "_out" + counter[0];
      }
      if (((name + " (" + t[0] + ")").length() <= limits.nameCell && name.length() <= limits.word
          && t[0].length() + 2 <= limits.word) || attempt > 200) {
        long params = weighted(t[0]) ? 1 + (long) (Math.pow(10, 1 + rnd.nextDouble() * 8)) : 0;
        if (rnd.nextInt(20) == 0) {
          params = 1_000_000_000L + rnd.nextInt(1_000_000_000);
        }
        return new GenLayer(name, t[0], shape(rnd, limits.shape), params, rnd.nextInt(4) != 0, inbound, children);
      }
    }
  }

  private static GenLayer container(Random rnd, int[] counter, Limits limits, List<int[]> inbound, List<GenLayer> children) {
    long sum = 0;
    for (GenLayer c : children) {
      sum += c.params;
    }
    return new GenLayer("seq_" + (++counter[0]), "Sequential", shape(rnd, limits.shape), sum, rnd.nextBoolean(), inbound, children);
  }

  private static boolean weighted(String type) {
    return !type.equals("Activation") && !type.equals("Add") && !type.equals("Concatenate") && !type.equals("Dropout")
        && !type.equals("MaxPooling2D") && !type.equals("GlobalAveragePooling2D") && !type.equals("Flatten");
  }

  private static String shape(Random rnd, int max) {
    String s = shape(rnd);
    while (s.length() > max) {
      s = shape(rnd);
    }
    return s;
  }

  private static String shape(Random rnd) {
    switch (rnd.nextInt(3)) {
      case 0:
        return "(None, " + (1 + rnd.nextInt(4096)) + ")";
      case 1:
        int s = 1 + rnd.nextInt(300);
        return "(None, " + s + ", " + s + ", " + (1 + rnd.nextInt(2048)) + ")";
      default:
        return "(None, " + (1 + rnd.nextInt(500)) + ", " + (1 + rnd.nextInt(1024)) + ")";
    }
  }
}
