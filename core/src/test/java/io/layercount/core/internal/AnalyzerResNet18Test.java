package io.layercount.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.Convention;
import io.layercount.core.model.Network;
import io.layercount.core.testing.PrintoutTree;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The 2017 (PyTorch 0.2) printout of ResNet-18 in which people "see 54 layers". */
class AnalyzerResNet18Test {
  private static Analysis analysis;

  @BeforeAll
  static void analyse() throws IOException {
    String text;
    try (InputStream in = AnalyzerResNet18Test.class.getResourceAsStream("/io/layercount/core/fixtures/resnet18-pytorch-0.2.txt")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Network network = new Network("pytorch-legacy", null, PrintoutTree.parse(text), false, null, List.of());
    analysis = Analyzer.standard().analyze(network, 0, List.of());
  }

  @Test
  void everyConventionMatchesTheFrameworkCount() {
    Analysis.LayerCounts layers = analysis.layers();
    assertEquals(18, layers.depth());
    assertEquals("structure", layers.depthBasis());
    assertEquals(21, layers.weighted());
    assertEquals(41, layers.parameterized());
    assertEquals(52, layers.leaves());
    assertEquals(68, layers.modules());
    assertEquals(2, layers.blocks());
    assertEquals(null, layers.keras());
  }

  @Test
  void parametersAreExact() {
    assertEquals(11_689_512L, analysis.parameters().total());
    assertTrue(analysis.parameters().exact());
    assertEquals(List.of(), analysis.parameters().unknownTypes());
    assertEquals("ResNet", analysis.model().rootType());
    assertEquals(new Analysis.Memory(46_758_048, 23_379_024, 11_689_512, 5_844_756), analysis.parameters().memory());
  }

  @Test
  void explanationListsWhatEachConventionCounted() {
    Analysis.Explanation e = analysis.explanation();
    for (Convention c : List.of(Convention.DEPTH, Convention.WEIGHTED, Convention.PARAMETERIZED,
        Convention.LEAVES, Convention.MODULES, Convention.BLOCKS)) {
      assertEquals(analysis.layers().get(c), e.counted().get(c).size(), c.key());
    }
    assertEquals(List.of("layer1.0", "layer1.1"), e.counted().get(Convention.BLOCKS));
    assertEquals(List.of(
        new Analysis.Explanation.Exclusion("layer2.0.downsample.0", "projection shortcut, on a shorter path"),
        new Analysis.Explanation.Exclusion("layer3.0.downsample.0", "projection shortcut, on a shorter path"),
        new Analysis.Explanation.Exclusion("layer4.0.downsample.0", "projection shortcut, on a shorter path")),
        e.excluded().get(Convention.DEPTH));
    assertEquals("", e.counted().get(Convention.MODULES).get(0));
    assertEquals("conv1", e.counted().get(Convention.DEPTH).get(0));
    assertEquals("fc", e.counted().get(Convention.DEPTH).get(17));
  }

  @Test
  void byTypeCountsLeavesInOrderOfFirstAppearance() {
    assertEquals(List.of("Conv2d", "BatchNorm2d", "ReLU", "MaxPool2d", "AvgPool2d", "Linear"),
        List.copyOf(analysis.byType().keySet()));
    assertEquals(20, analysis.byType().get("Conv2d"));
    assertEquals(20, analysis.byType().get("BatchNorm2d"));
  }
}
