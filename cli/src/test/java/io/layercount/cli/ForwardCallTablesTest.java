package io.layercount.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.Convention;
import io.layercount.core.LayerCount;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tables whose rows are forward calls, not modules: torchsummary's and pytorch_model_summary's. A
 * module called twice is two rows, so their total is no lower bound and the report does not call
 * it one (torchsummary's README example, one Conv2d called on two inputs: 20 for the model's 10);
 * pytorch_model_summary's default table lists only the model's children, each with its whole
 * sub-tree's count, so the layer counts of its container rows are lower bounds (a 1.1B-parameter
 * model read as depth 1 and 4 leaves, presented as complete).
 */
class ForwardCallTablesTest {
  private static final LayerCount LAYER_COUNT = LayerCount.standard();

  @Test
  void aTorchsummaryTotalIsNotExactEitherWayAndNotALowerBound() {
    String text = String.join("\n",
        "----------------------------------------------------------------",
        "        Layer (type)               Output Shape         Param #",
        "================================================================",
        "            Conv2d-1            [-1, 1, 16, 16]              10",
        "              ReLU-2            [-1, 1, 16, 16]               0",
        "            Conv2d-3            [-1, 1, 28, 28]              10",
        "              ReLU-4            [-1, 1, 28, 28]               0",
        "================================================================",
        "Total params: 20",
        "Trainable params: 20",
        "Non-trainable params: 0",
        "----------------------------------------------------------------",
        "");
    Analysis a = LAYER_COUNT.analyze("readme.md", text).get(0);
    assertEquals("torchsummary", a.format());
    assertEquals(20, a.parameters().total());
    assertFalse(a.parameters().exact());
    String report = TextReport.render("readme.md", a, false);
    assertTrue(report.contains("total          20  not exact: the table's rows are forward calls (a module called"
        + " twice counts twice), and it counts only tensors named weight and bias"), report);
    assertFalse(report.contains("lower bound"), report);
  }

  @Test
  void aModelSummaryTableOfTheModelsChildrenGivesLayerCountsAsLowerBounds() {
    String text = String.join("\n",
        "-----------------------------------------------------------------------",
        "      Layer (type)        Output Shape         Param #     Tr. Param #",
        "=======================================================================",
        "    MeenaEncoder-1      [1, 128, 2560]     104,604,160     104,604,160",
        "    MeenaDecoder-2      [1, 128, 2560]     970,083,840     970,083,840",
        "       LayerNorm-3      [1, 128, 2560]           5,120           5,120",
        "          Linear-4     [1, 128, 10000]      25,600,000      25,600,000",
        "=======================================================================",
        "Total params: 1,100,293,120",
        "Trainable params: 1,100,293,120",
        "Non-trainable params: 0",
        "-----------------------------------------------------------------------",
        "");
    Analysis a = LAYER_COUNT.analyze("readme.md", text).get(0);
    assertEquals("pytorch-model-summary", a.format());
    assertEquals(1_100_293_120L, a.parameters().total());
    assertFalse(a.parameters().exact());
    assertEquals(EnumSet.of(Convention.DEPTH, Convention.WEIGHTED, Convention.PARAMETERIZED, Convention.LEAVES,
        Convention.MODULES, Convention.BLOCKS), EnumSet.copyOf(a.layers().lowerBounds()));
    List<String> said = a.diagnostics().stream().map(d -> d.message()).toList();
    assertTrue(said.stream().anyMatch(m -> m.startsWith("the table lists rows down to depth 1 only, and MeenaEncoder"
        + " and 1 more row(s) at that depth hold parameters in layers it may not list (pytorch_model_summary's"
        + " max_depth")), said.toString());
    assertFalse(said.stream().anyMatch(m -> m.contains("only the tensors named weight")), said.toString());
    assertTrue(TextReport.render("readme.md", a, false).contains("the model's own parameters are in no row"));
  }
}
