package io.layercount.core;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The image size a model is run at, as the user states it ({@code --input-size 224x224}): some
 * tensors (a ViT's position table) are sized by it and no printout shows it.
 *
 * @param height image height in pixels, at least 1
 * @param width image width in pixels, at least 1
 */
public record InputSize(int height, int width) {
  private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,6})\\s*[x×X*,]\\s*(\\d{1,6})\\s*|\\s*(\\d{1,6})\\s*");

  /** Checks that both sides are positive. */
  public InputSize {
    if (height < 1 || width < 1) {
      throw new IllegalArgumentException("an input size must be positive: " + height + "×" + width);
    }
  }

  /** {@code "224x224"}, {@code "384×384"}, {@code "256,320"} or one number for a square; empty otherwise. */
  public static Optional<InputSize> parse(String text) {
    Matcher m = text == null ? null : FORM.matcher(text);
    if (m == null || !m.matches()) {
      return Optional.empty();
    }
    int h = Integer.parseInt(m.group(3) != null ? m.group(3) : m.group(1));
    int w = Integer.parseInt(m.group(3) != null ? m.group(3) : m.group(2));
    return h < 1 || w < 1 ? Optional.empty() : Optional.of(new InputSize(h, w));
  }

  @Override
  public String toString() {
    return height + "×" + width;
  }
}
