package io.layercount.core.internal.depth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.Convention;
import io.layercount.core.internal.Analyzer;
import io.layercount.core.model.Network;
import io.layercount.core.testing.PrintoutTree;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A feature pyramid printed after its backbone, as torchvision prints every detection model built
 * on one: {@code body} (the backbone's stages), then {@code fpn}, whose {@code inner_blocks} read
 * one stage's output each (the widths they read are those stages' outputs) and whose {@code
 * layer_blocks} run one per scale. Read in printed order, the lateral convolutions and then the
 * output convolutions ran one after another: torchvision's RetinaNet read 62 where its longest
 * path has 58 (49 in ResNet-50, a lateral, an output, P6, P7, and 5 in the head).
 */
class FeaturePyramidTest {
  private static Analysis analyse(List<String> lines) {
    return Analyzer.standard().analyze(
        new Network("pytorch", null, PrintoutTree.parse(String.join("\n", lines)), false, null, List.of()), 0,
        List.of());
  }

  private static String conv(long in, long out, int kernel) {
    return "Conv2d(" + in + ", " + out + ", kernel_size=(" + kernel + ", " + kernel + "), stride=(1, 1))";
  }

  /** A backbone of four one-conv stages (64, 128, 256, 512), a pyramid over the last three, a two-conv head. */
  private static List<String> detector(boolean layerBlocks) {
    List<String> lines = new ArrayList<>(List.of(
        "Detector(",
        "  (backbone): BackboneWithFPN(",
        "    (body): IntermediateLayerGetter(",
        "      (conv1): " + conv(3, 64, 7),
        "      (layer1): Sequential(",
        "        (0): " + conv(64, 64, 3),
        "      )",
        "      (layer2): Sequential(",
        "        (0): " + conv(64, 128, 3),
        "      )",
        "      (layer3): Sequential(",
        "        (0): " + conv(128, 256, 3),
        "      )",
        "      (layer4): Sequential(",
        "        (0): " + conv(256, 512, 3),
        "      )",
        "    )",
        "    (fpn): FeaturePyramidNetwork(",
        "      (inner_blocks): ModuleList("));
    long[] widths = {128, 256, 512};
    for (int i = 0; i < 3; i++) {
      lines.add("        (" + i + "): Conv2dNormActivation(");
      lines.add("          (0): " + conv(widths[i], 32, 1));
      lines.add("        )");
    }
    lines.add("      )");
    if (layerBlocks) {
      lines.addAll(List.of(
          "      (layer_blocks): ModuleList(",
          "        (0-2): 3 x Conv2dNormActivation(",
          "          (0): " + conv(32, 32, 3),
          "        )",
          "      )"));
    }
    lines.addAll(List.of(
        "    )",
        "  )",
        "  (head): Head(",
        "    (conv): " + conv(32, 32, 3),
        "    (cls_logits): " + conv(32, 10, 3),
        "  )",
        ")"));
    return lines;
  }

  /**
   * The deepest scale: 5 convolutions to layer4, its lateral, one output convolution, the head's 2:
   * 9; without output convolutions, 8. Each lateral reads its stage, not the lateral before it.
   */
  @Test
  void lateralsReadTheStagesAndOutputConvolutionsRunOnePerScale() {
    Analysis pyramid = analyse(detector(true));
    assertEquals(9, pyramid.layers().depth());
    List<String> path = pyramid.explanation().counted().get(Convention.DEPTH);
    assertEquals(List.of("backbone.body.layer4.0", "backbone.fpn.inner_blocks.2.0", "backbone.fpn.layer_blocks.0.0",
        "head.conv"), path.subList(4, 8), path.toString());
    List<String> left = new ArrayList<>();
    pyramid.explanation().excluded().get(Convention.DEPTH).forEach(e -> left.add(e.path()));
    assertTrue(left.containsAll(List.of("backbone.fpn.inner_blocks.0.0", "backbone.fpn.inner_blocks.1.0",
        "backbone.fpn.layer_blocks.1.0", "backbone.fpn.layer_blocks.2.0")), left.toString());
    assertEquals(8, analyse(detector(false)).layers().depth());
  }
}
