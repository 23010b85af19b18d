package io.layercount.core.internal.rules;

import java.util.OptionalLong;

/**
 * What a layer's place in the tree tells about sizes its own text does not print.
 *
 * @param width the width of the stream reaching the layer: the output width of the nearest
 *     earlier sibling that shows one, else that of its parent's place
 * @param inWidth the input width of the first layer inside it that shows one
 * @param firstOutWidth the output width of the first layer inside it that shows one (a ViT's patch
 *     embedding: its token width)
 * @param patches the network's patch embedding ({@link #patchGrid}, {@link #patchStride}), found
 *     when first asked for: the search may parse every convolution of the tree, and few rows ask
 * @param parentType the class of the enclosing layer, or {@code ""} for the root
 * @param nextInWidth the width the next layer after it (in printed order) takes in: what a gated
 *     norm between a wide input projection and the output projection normalises
 * @param parentOutWidth the output width of the enclosing layer (its last layer that shows one):
 *     the width of a residual block's stream where a token-mixing layer sits beside its norms
 */
public record Place(OptionalLong width, OptionalLong inWidth, OptionalLong firstOutWidth, Patches patches,
    String parentType, OptionalLong nextInWidth, OptionalLong parentOutWidth) {
  /** Nothing known about the place. */
  public static final Place NONE = new Place(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
      Patches.NONE, "", OptionalLong.empty(), OptionalLong.empty());

  /** What the network's patch embedding gives, worked out when first asked for. */
  public interface Patches {
    /** No patch embedding. */
    Patches NONE = new Patches() {
      @Override
      public OptionalLong grid() {
        return OptionalLong.empty();
      }

      @Override
      public String stride() {
        return null;
      }
    };

    /**
     * The number of patches an image of the stated input size gives under the network's patch
     * embedding (a convolution whose stride equals its kernel), or empty.
     */
    OptionalLong grid();

    /** The stride of that patch embedding as {@code "16×16"}, or {@code null}. */
    String stride();
  }

  /** {@link Patches#grid()} of {@link #patches}. */
  public OptionalLong patchGrid() {
    return patches.grid();
  }

  /** {@link Patches#stride()} of {@link #patches}. */
  public String patchStride() {
    return patches.stride();
  }
}
