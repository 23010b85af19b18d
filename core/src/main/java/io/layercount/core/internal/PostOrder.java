package io.layercount.core.internal;

import io.layercount.core.model.Layer;
import java.util.Arrays;
import java.util.List;

/**
 * A result for every distinct node of a module tree, children before parents, each made from its
 * children's results: the walk keeps the results of finished children on a stack, where their
 * parent takes them, so that no pass looks a child up to find what was made for it.
 */
public final class PostOrder {
  private PostOrder() {}

  /** The result made before for a layer (one printed at several places), or {@code null}. */
  @FunctionalInterface
  public interface Known<T> {
    T of(Layer layer);
  }

  /** Makes the result of a layer from its children's, in printed order ({@code none} for a leaf). */
  @FunctionalInterface
  public interface Make<T> {
    T of(Layer layer, T[] kids);
  }

  /**
   * Walks the tree of {@code root} in printed order, iteratively (any depth is safe). A layer
   * {@code known} has a result for is not walked into; every other gets the result of {@code make}.
   * Returns the root's.
   *
   * @param none the empty array of results, the type of every array of children's results
   */
  public static <T> T fold(Layer root, Known<T> known, Make<T> make, T[] none) {
    T made = known.of(root);
    if (made != null) {
      return made;
    }
    Layer[] path = new Layer[16];
    int[] next = new int[16]; // the next child of each layer on the path, unboxed
    Object[] done = new Object[16];
    int finished = 0;
    path[0] = root;
    int depth = 0;
    while (true) {
      Layer top = path[depth];
      List<Layer> children = top.children();
      int i = next[depth];
      if (i < children.size()) {
        next[depth] = i + 1;
        Layer child = children.get(i);
        T result = known.of(child);
        if (result == null && child.isLeaf()) {
          result = make.of(child, none);
        }
        if (result != null) {
          if (finished == done.length) {
            done = Arrays.copyOf(done, finished * 2);
          }
          done[finished++] = result;
          continue;
        }
        if (++depth == path.length) {
          path = Arrays.copyOf(path, depth * 2);
          next = Arrays.copyOf(next, depth * 2);
        }
        path[depth] = child;
        next[depth] = 0;
        continue;
      }
      finished -= children.size();
      @SuppressWarnings("unchecked")
      T[] kids = children.isEmpty() ? none
          : (T[]) Arrays.copyOfRange(done, finished, finished + children.size(), none.getClass());
      T result = make.of(top, kids);
      if (depth-- == 0) {
        return result;
      }
      if (finished == done.length) {
        done = Arrays.copyOf(done, finished * 2);
      }
      done[finished++] = result;
    }
  }
}
