/**
 * layercount as a library: text a deep-learning framework printed in, layer counts under every
 * convention and parameter totals out.
 *
 * <p>{@link io.layercount.core.LayerCount} is the facade: build one (with
 * {@link io.layercount.core.LayerCount#standard()} or {@link io.layercount.core.LayerCount#builder()})
 * and share it; it is immutable and thread-safe. Each {@code analyze} call returns one immutable
 * {@link io.layercount.core.Analysis} per model found in the text, with the count under each
 * {@link io.layercount.core.Convention}, the parameter total (exact, or an honest lower bound),
 * and {@link io.layercount.core.Diagnostic}s with a line and a column for everything it could
 * not read. It never prints, never exits and never throws on bad input. Your own classes can be
 * taught with {@link io.layercount.core.LayerRules}.
 *
 * <p>A runnable example (put the parser modules {@code layercount-parser-pytorch} and
 * {@code layercount-parser-keras} on the class path or module path beside this one):
 *
 * <pre>{@code
 * import io.layercount.core.Analysis;
 * import io.layercount.core.LayerCount;
 * import java.io.IOException;
 * import java.nio.file.Path;
 *
 * public class Layers {
 *   public static void main(String[] args) throws IOException {
 *     LayerCount layerCount = LayerCount.standard();              // immutable and thread-safe: share it
 *     for (Analysis a : layerCount.analyze(Path.of("examples/resnet18.txt"))) {  // one per model found
 *       System.out.println(a.model().rootType() + ": depth " + a.layers().depth() + ", "
 *           + a.parameters().total() + (a.parameters().exact() ? "" : " or more") + " parameters");
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>It prints {@code ResNet: depth 18, 11689512 parameters}.
 */
package io.layercount.core;
