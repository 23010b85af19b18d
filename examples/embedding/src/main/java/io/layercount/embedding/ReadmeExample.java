package io.layercount.embedding;

import io.layercount.core.Analysis;
import io.layercount.core.LayerCount;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The README's library example. The lines between the markers are the README's, verbatim
 * ({@code ReadmeExampleTest} fails when they differ); run it from the top of the project.
 */
public final class ReadmeExample {
  private ReadmeExample() {}

  public static void main(String[] args) throws IOException {
    // README example begin
    LayerCount layerCount = LayerCount.standard();              // immutable and thread-safe: share it
    for (Analysis a : layerCount.analyze(Path.of("examples/resnet18.txt"))) {  // one per model found
      System.out.println(a.model().rootType() + ": depth " + a.layers().depth() + ", "
          + a.parameters().total() + (a.parameters().exact() ? "" : " or more") + " parameters");
    }
    // README example end
  }
}
