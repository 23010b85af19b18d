package io.layercount.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.layercount.core.Analysis;
import io.layercount.core.LayerCount;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Full Keras application summaries give the figures their papers and Keras publish: parameters,
 * {@code parameterized} (layers with weights) and {@code depth} (conv/FC layers on the longest path).
 */
class PublishedFiguresTest {
  private static final LayerCount LC = LayerCount.standard();

  private static Analysis only(String name, String text) {
    List<Analysis> results = LC.analyze(name, text);
    assertEquals(1, results.size());
    assertTrue(results.get(0).ok(), results.get(0).diagnostics().toString());
    return results.get(0);
  }

  private static Analysis corpus(String file) throws IOException {
    String corpus = System.getProperty("layercount.corpus");
    Path path = corpus == null ? null : Path.of(corpus, "real", file);
    assumeTrue(path != null && Files.isRegularFile(path), "shared corpus not found: " + file + " skipped");
    return only(file, Files.readString(path, StandardCharsets.UTF_8));
  }

  private static void assertFigures(Analysis a, long parameters, int parameterized, int depth) {
    assertEquals(parameters, a.parameters().total());
    assertTrue(a.parameters().exact());
    assertEquals(parameterized, a.layers().parameterized());
    assertEquals(depth, a.layers().depth());
    assertEquals("graph", a.layers().depthBasis());
  }

  @Test
  void resNet50() throws IOException {
    Analysis a = corpus("keras2-resnet50-1.txt");
    assertFigures(a, 25_636_712, 107, 50);
    assertEquals(177, a.layers().keras());
    assertEquals(54, a.layers().weighted()); // 49 convs on the path + 4 projection shortcuts + the classifier
  }

  @Test
  void resNet50BuiltByHandWithGenericNames() throws IOException {
    assertFigures(corpus("keras2-resnet50-custom-1.txt"), 25_636_712, 107, 50);
  }

  /** A chain without Connected to: the printed order is the path. */
  @Test
  void vgg16() throws IOException {
    String text;
    try (InputStream in = getClass().getResourceAsStream("/applications/keras2-vgg16-full.txt")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Analysis a = only("keras2-vgg16-full.txt", text);
    assertFigures(a, 138_357_544, 16, 16);
    assertEquals(23, a.layers().keras());
    // 13 convolutions at (positions x weights) plus three dense layers: 15.47 G multiply-adds
    assertEquals(15_470_264_320L, a.macs().estimate());
  }

  @Test
  void vgg19() throws IOException {
    assertFigures(corpus("keras2-vgg19-1.txt"), 143_667_240, 19, 19);
  }
}
