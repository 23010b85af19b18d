package io.layercount.core.internal.rules;

import io.layercount.core.model.Layer;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code nn.LayerNorm(bias=False)} (PyTorch 2.1+) prints exactly like a LayerNorm with a bias, so
 * its count follows from its owner: the nearest enclosing class that is not a plain torch.nn
 * container. Owners the corpus shows always with, or always without, a bias make the count exact;
 * under any other owner the bias is unknown and only the weight is counted, as a lower bound.
 *
 * @param withBias owners whose every LayerNorm has a bias
 * @param withoutBias owners whose every LayerNorm has none
 */
public record LayerNormOwners(Set<String> withBias, Set<String> withoutBias) {
  private static final Set<String> PLAIN_CONTAINERS = Set.of("Sequential", "ModuleList", "ModuleDict");
  private static final Set<String> TORCH_TRANSFORMER_LAYERS =
      Set.of("TransformerEncoderLayer", "TransformerDecoderLayer");

  public LayerNormOwners {
    withBias = Set.copyOf(withBias);
    withoutBias = Set.copyOf(withoutBias);
  }

  /** Whether {@code type} only groups modules and so cannot decide how its LayerNorms are built. */
  public static boolean isPlainContainer(String type) {
    return PLAIN_CONTAINERS.contains(type);
  }

  /**
   * torch.nn's own Transformer layers pass one {@code bias} flag to their Linear layers and their
   * LayerNorms, so the printed {@code linear1} tells; {@code null} for any other owner.
   */
  public static Boolean biasShownBySibling(Layer owner) {
    if (owner == null || !TORCH_TRANSFORMER_LAYERS.contains(owner.typeName())) {
      return null;
    }
    for (Layer child : owner.children()) {
      if (child.name().equals("linear1") && child.arguments().get("bias") != null) {
        return child.arguments().flag("bias", true);
      }
    }
    return null;
  }

  /** The owner of the module at dotted {@code path}, given the class at each path ({@code ""} is the root). */
  public static String ownerOf(String path, Function<String, String> typeAt) {
    return typeAt.apply(ownerPath(path, typeAt));
  }

  /**
   * The path of the owner of the module at dotted {@code path}: its nearest ancestor whose class
   * (given by {@code typeAt}) is known and not a plain container, else the root ({@code ""}).
   */
  public static String ownerPath(String path, Function<String, String> typeAt) {
    String p = path;
    while (!p.isEmpty()) {
      int dot = p.lastIndexOf('.');
      p = dot < 0 ? "" : p.substring(0, dot);
      String type = typeAt.apply(p);
      if (type != null && !isPlainContainer(type)) {
        return p;
      }
    }
    return "";
  }
}
