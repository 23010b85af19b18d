package io.layercount.core.internal.count;

import io.layercount.core.Analysis;
import io.layercount.core.internal.rules.BuiltInJson;
import io.layercount.core.internal.rules.Resolution;
import io.layercount.core.model.Layer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Estimates the multiply-adds of one forward pass of one sample from what a Keras summary prints:
 * each convolution or dense layer does (output positions) × (weights per position), where the
 * positions are its output shape without the batch and channel axes and the weights its printed
 * count less one bias per output channel. Which types follow this is data
 * ({@code rules/macs.json}). Everything else costs nothing here, and the assumptions say so.
 */
final class MacsEstimate {
  private static final Pattern PER_OUTPUT_POSITION = load();

  private MacsEstimate() {}

  /** The estimate for a network whose rows state channels-last output shapes (Keras). */
  static Analysis.Macs of(Layer root, Resolved resolved, Long stated) {
    long sum = 0;
    int estimated = 0;
    Set<String> leftOut = new LinkedHashSet<>();
    Set<String> otherTypes = new LinkedHashSet<>();
    Deque<Layer> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      Layer layer = stack.pop();
      layer.children().forEach(stack::push);
      Resolution r = resolved.of(layer);
      if (!layer.isLeaf() || layer.stated().repeated() || r.weighted() == 0) {
        continue;
      }
      if (!PER_OUTPUT_POSITION.matcher(layer.typeName()).matches()) {
        otherTypes.add(layer.typeName());
        continue;
      }
      long[] dims = dims(layer.stated().outputShape());
      long channels = dims == null ? 0 : dims[dims.length - 1];
      if (dims == null || !r.known() || r.ownParameters() <= channels) {
        leftOut.add(layer.name());
        continue;
      }
      long positions = 1;
      for (int i = 0; i < dims.length - 1; i++) {
        positions = Saturating.multiply(positions, dims[i]);
      }
      sum = Saturating.add(sum, Saturating.multiply(layer.repeat(),
          Saturating.multiply(positions, r.ownParameters() - channels)));
      estimated++;
    }
    List<String> assumptions = new ArrayList<>();
    assumptions.add("one sample: the batch axis of the printed shapes is left out");
    assumptions.add("each convolution and dense layer does (output positions) x (weights per position) multiply-adds;"
        + " positions are its output shape less the last axis, the channels (channels-last, Keras's default)");
    assumptions.add("every such layer has a bias, one per output channel, left out of its weights (a layer built"
        + " without one is under-counted by one multiply-add per output position and channel)");
    assumptions.add("only convolution and dense layers: normalization, pooling, activations, element-wise and"
        + " recurrent layers are not counted");
    if (!otherTypes.isEmpty()) {
      assumptions.add("not estimated (their weights do not act once per output position): "
          + String.join(", ", otherTypes));
    }
    if (!leftOut.isEmpty()) {
      assumptions.add(leftOut.size() + " layer(s) left out: no usable output shape or parameter count ("
          + String.join(", ", first(leftOut, 5)) + (leftOut.size() > 5 ? ", ..." : "") + ")");
    }
    return new Analysis.Macs(stated, estimated == 0 ? null : sum, estimated == 0 ? List.of() : assumptions);
  }

  /** The printed shape without its batch axis, e.g. {@code (None, 7, 7, 512)} → 7, 7, 512; else null. */
  static long[] dims(String shape) {
    if (shape == null) {
      return null;
    }
    String s = shape.trim();
    if (s.startsWith("[(") && s.endsWith(")]")) {
      s = s.substring(1, s.length() - 1);
    }
    if (s.length() < 2 || "([".indexOf(s.charAt(0)) < 0 || ")]".indexOf(s.charAt(s.length() - 1)) < 0) {
      return null;
    }
    String[] parts = s.substring(1, s.length() - 1).split(",", -1);
    if (parts.length < 2) {
      return null;
    }
    long[] dims = new long[parts.length - 1];
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim();
      if (p.isEmpty() || p.length() > 12 || !p.chars().allMatch(Character::isDigit)) {
        return null;
      }
      dims[i - 1] = Long.parseLong(p);
      if (dims[i - 1] == 0) {
        return null;
      }
    }
    return dims;
  }

  private static List<String> first(Set<String> names, int n) {
    List<String> out = new ArrayList<>();
    for (String name : names) {
      if (out.size() == n) {
        break;
      }
      out.add(name);
    }
    return out;
  }

  private static Pattern load() {
    return Pattern.compile(BuiltInJson.read("macs.json").path("perOutputPosition").asText());
  }
}
