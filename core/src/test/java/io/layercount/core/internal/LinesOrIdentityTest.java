package io.layercount.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.model.Layer;
import io.layercount.core.model.Network;
import io.layercount.core.testing.PrintoutTree;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The maps over a tree are kept by line where each layer stands on a line of its own
 * ({@link LineTable}), by identity otherwise: the two must give one analysis. ResNet-18 as printed,
 * and the same tree with every line 0 (as a program may make it), are counted alike.
 */
class LinesOrIdentityTest {
  @Test
  void aTreeKeptByLineAndOneKeptByIdentityAreCountedAlike() throws IOException {
    String text;
    try (InputStream in = getClass().getResourceAsStream("/io/layercount/core/fixtures/resnet18-pytorch-0.2.txt")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Layer printed = PrintoutTree.parse(text);
    Layer unnumbered = withoutLines(printed);
    Analysis byLine = analyse(printed);
    Analysis byIdentity = analyse(unnumbered);
    assertTrue(byLine.ok() && byIdentity.ok());
    assertEquals(18, byLine.layers().depth());
    assertEquals(byLine.layers(), byIdentity.layers());
    assertEquals(byLine.parameters(), byIdentity.parameters());
    assertEquals(byLine.byType(), byIdentity.byType());
    assertEquals(byLine.explanation().toString().replaceAll("line=\\d+", ""),
        byIdentity.explanation().toString().replaceAll("line=\\d+", ""));
  }

  private static Analysis analyse(Layer root) {
    return Analyzer.standard().analyze(new Network("pytorch", null, root, false, null, List.of()), 0, List.of());
  }

  private static Layer withoutLines(Layer layer) {
    List<Layer> children = new ArrayList<>();
    for (Layer child : layer.children()) {
      children.add(withoutLines(child));
    }
    return new Layer(layer.name(), layer.typeName(), layer.arguments(), children, layer.repeat(), layer.stated(), 0);
  }
}
