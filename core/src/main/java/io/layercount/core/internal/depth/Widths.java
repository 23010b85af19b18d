package io.layercount.core.internal.depth;

import io.layercount.core.model.Arguments;
import io.layercount.core.model.Layer;

/**
 * The channel or feature widths a printed leaf reads and writes, where its arguments state them:
 * {@code Conv2d(3, 64, ...)}, {@code Linear(in_features=384, ...)}, HF {@code Conv1D(nf=2304, nx=768)},
 * a norm's {@code (384,)} or {@code num_features}. Widths are what lets a printout's module tree be
 * read as a dataflow: a layer can only follow one whose output width it reads.
 *
 * @param in the width read, or {@link #UNKNOWN}
 * @param out the width written, or {@link #UNKNOWN}
 */
public record Widths(long in, long out) {
  public static final long UNKNOWN = -1;
  static final Widths NONE = new Widths(UNKNOWN, UNKNOWN);

  /**
   * A width of zero or less is no width a tensor can have ({@code LayerNorm(0)} in a damaged text):
   * it is unknown, so that nothing divides by it or chains on it.
   */
  public Widths {
    in = in > 0 ? in : UNKNOWN;
    out = out > 0 ? out : UNKNOWN;
  }

  boolean knownIn() {
    return in != UNKNOWN;
  }

  boolean knownOut() {
    return out != UNKNOWN;
  }

  /** What a leaf with {@code weighted} conv/FC layers reads and writes. */
  static Widths ofLeaf(Layer layer, int weighted) {
    Arguments a = layer.arguments();
    if (weighted > 0) {
      return ofWeighted(a);
    }
    if (isNorm(layer)) {
      long w = normWidth(layer);
      return new Widths(w, w);
    }
    return NONE;
  }

  /**
   * The width of the vectors an embedding table writes ({@code Embedding(32768, 4096)}: 4096; it
   * reads indices), or {@link #UNKNOWN} where {@code layer} is no such table or does not say.
   */
  static long embeddingWidth(Layer layer) {
    if (!layer.isLeaf() || !layer.typeName().endsWith("Embedding")) {
      return UNKNOWN;
    }
    return positive(layer.arguments().longValue("embedding_dim", 1, UNKNOWN));
  }

  /** Norms rescale the stream without changing it, but their size tells its width. */
  static boolean isNorm(Layer layer) {
    return layer.isLeaf() && layer.typeName().contains("Norm");
  }

  /**
   * What a norm that holds its activation as a child reads and writes ({@code BatchNormAct2d(256,
   * ...)} with {@code (drop)} and {@code (act)} inside): its own size, or {@link #NONE}.
   */
  static Widths ofNormWithChildren(Layer layer) {
    if (layer.isLeaf() || !layer.typeName().contains("Norm")) {
      return NONE;
    }
    long w = normWidth(layer);
    return new Widths(w, w);
  }

  private static long normWidth(Layer layer) {
    Arguments a = layer.arguments();
    if (layer.typeName().contains("GroupNorm")) {
      return positive(a.longValue("num_channels", 1, UNKNOWN));
    }
    long named = a.longValue("num_features", -1, -1);
    if (named >= 0) {
      return named;
    }
    long[] shape = Arguments.tuple(a.positional(0));
    return shape.length == 1 ? shape[0] : UNKNOWN;
  }

  private static Widths ofWeighted(Arguments a) {
    if (a.get("in_features") != null) {
      return new Widths(positive(a.longValue("in_features", -1, UNKNOWN)),
          positive(a.longValue("out_features", -1, UNKNOWN)));
    }
    if (a.get("nx") != null) {
      return new Widths(positive(a.longValue("nx", -1, UNKNOWN)), positive(a.longValue("nf", -1, UNKNOWN)));
    }
    return new Widths(positive(a.longValue("in_channels", 0, UNKNOWN)),
        positive(a.longValue("out_channels", 1, UNKNOWN)));
  }

  /** {@code width} where it is a width (above 0), else {@link #UNKNOWN}. */
  private static long positive(long width) {
    return width > 0 ? width : UNKNOWN;
  }
}
