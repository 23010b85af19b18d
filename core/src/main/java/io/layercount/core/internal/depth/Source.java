package io.layercount.core.internal.depth;

/** Where a child reads from, and what to say when it ends up off the longest path. */
enum Source {
  /** The running stream: the previous sibling's output (merged with open points of its width). */
  STREAM("on a shorter path"),
  /** The module's own input, past its siblings. */
  BYPASS("projection shortcut, on a shorter path"),
  /** The same input as the sibling before it (query/key/value, gate/up projections). */
  SHARED("parallel projection, on a shorter path"),
  /** An earlier point whose width it reads: a parallel branch (Inception, width-changing shortcut). */
  BRANCH("parallel branch, on a shorter path"),
  /** A stream of its own width beside others (HRNet's resolutions), or several of them. */
  STREAMS("parallel stream, on a shorter path"),
  /** The stream, reshaped or split (a fused qkv output read a third at a time). */
  SPLIT("on a shorter path"),
  /** The stream along another axis (tokens, a 1-channel gate): width unchanged for what follows. */
  OFF_AXIS("on a shorter path"),
  /** A width no earlier point has: the stream, reshaped. */
  RESHAPED("on a shorter path"),
  /**
   * A few coordinates or another small side input, not the stream (a relative position table's
   * projection, {@code linear_pos}): a path of its own.
   */
  SIDE_INPUT("reads coordinates or positions, not the data: off the data path"),
  /**
   * A diffusion model's timestep embedder ({@code time_embedding}, {@code timestep_embedder}), or
   * the embedder of its prompt beside the data's ({@code context_embedder}): it reads the
   * conditioning, not the data, so its path starts there; its embedding joins the data where a later
   * layer reads it.
   */
  TIMESTEP("reads the conditioning (the timestep, a prompt's embedding), not the data: a path of its own"),
  /**
   * A gated MLP's second projection printed after the layer that reads the product of the two
   * (up_proj after down_proj): it reads what its partner read, and no path runs on from it.
   */
  LATE_PARTNER("parallel projection beside its partner (printed after the layer that reads their product)"),
  /**
   * A mixture's router printed after its experts (a layer writing one weight per expert): it reads
   * what the experts read, and its weights scale their outputs; no path runs on from it.
   */
  ROUTER("router: weighs the outputs of the experts printed before it, on a shorter path"),
  /**
   * A relative-position bias made from the attention's input and added to its scores, printed after
   * the output projection (ProphetNet's {@code relative_pos_embeddings}): as long as the query's
   * path, and no path runs on from it but through the scores.
   */
  SCORES("relative-position bias of the attention's scores, beside the query: on a shorter path"),
  /** Never called by forward in inference: an auxiliary classifier. */
  AUXILIARY("auxiliary head, off the main path");

  final String reason;

  Source(String reason) {
    this.reason = reason;
  }
}
