package io.layercount.cli;

import io.layercount.core.Analysis;
import io.layercount.core.Diagnostic;
import io.layercount.core.model.Network;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Analyses built by hand, so the renderers can be tested without the parsers and the engine. */
final class Analyses {
  private Analyses() {}

  /** torchvision ResNet-18 as the engine should see it (numbers from the corpus's truth.jsonl). */
  static Analysis resnet18() {
    Map<String, Integer> byType = new LinkedHashMap<>();
    byType.put("Conv2d", 20);
    byType.put("BatchNorm2d", 20);
    byType.put("ReLU", 9);
    byType.put("MaxPool2d", 1);
    byType.put("AdaptiveAvgPool2d", 1);
    byType.put("Linear", 1);
    return new Analysis(0, "pytorch", true, new Analysis.Model(null, "ResNet"),
        new Analysis.Parameters(11_689_512, true, List.of(), null, null, null, null),
        new Analysis.LayerCounts(18, "structure", 21, 41, 52, 68, 2, null),
        byType, List.of(), null, Analysis.Explanation.NONE);
  }

  /** A Keras-like model where every optional field is filled and the total is only a lower bound. */
  static Analysis kerasLowerBound(int index) {
    Map<String, Integer> byType = new LinkedHashMap<>();
    byType.put("InputLayer", 1);
    byType.put("Dense", 2);
    byType.put("MyAttention", 1);
    return new Analysis(index, "keras3", true, new Analysis.Model("classifier", "Functional"),
        new Analysis.Parameters(1_234_567, false, List.of("MyAttention"), 1_200_000L, 34_567L,
            new Network.StatedTotals(1_300_000L, 1_265_433L, 34_567L, 2L), 1_000_000L),
        new Analysis.LayerCounts(3, "graph", 3, 3, 4, 5, null, 4),
        byType,
        List.of(Diagnostic.warning(3, 5, "MyAttention may hold parameters the table does not show"),
            Diagnostic.info(0, 0, "converted CRLF line ends")),
        null, Analysis.Explanation.NONE);
  }

  static Analysis failed(String message) {
    return Analysis.failed(0, null, List.of(Diagnostic.error(1, 1, message)));
  }
}
