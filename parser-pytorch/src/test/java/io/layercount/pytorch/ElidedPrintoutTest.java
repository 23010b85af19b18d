package io.layercount.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.Convention;
import io.layercount.core.LayerCount;
import io.layercount.core.Severity;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A printout whose writer left modules out with a {@code ...} line (a published pruning benchmark
 * printed ViT-B/32's encoder layers 0, 10 and 11 only, twice): the printout goes on past the mark,
 * one model, its counts lower bounds. Before, the mark ended the printout and each later block was
 * read as a model of its own, two encoder layers called exact.
 */
class ElidedPrintoutTest {
  private static final String ELIDED = """
      Net(
        (layers): Sequential(
          (layer_0): Sequential(
            (fc): Linear(in_features=8, out_features=8, bias=True)
          )
      ...
          (layer_9): Sequential(
            (fc): Linear(in_features=8, out_features=8, bias=True)
          )
        )
        (head): Linear(in_features=8, out_features=2, bias=True)
      )
      """;

  @Test
  void theMarkLeavesOneModelWhoseCountsAreLowerBounds() {
    for (String mark : List.of("...", "…", "      ...", "⋮", "......", ".......", "……")) {
      List<Analysis> all = LayerCount.standard().analyze("t",
          ELIDED.replace("\n...\n", "\n" + mark + "\n").getBytes(StandardCharsets.UTF_8));
      assertEquals(1, all.size(), mark + ": " + all);
      Analysis a = all.get(0);
      assertEquals("Net", a.model().rootType());
      assertEquals(72 + 72 + 18, a.parameters().total(), mark);
      assertFalse(a.parameters().exact(), mark);
      assertEquals(EnumSet.complementOf(EnumSet.of(Convention.KERAS)), a.layers().lowerBounds(), mark);
      assertTrue(a.diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR && d.line() == 6
          && d.message().contains("modules were left out of the printout here")), a.diagnostics().toString());
    }
  }

  @Test
  void onlyALineOfTheMarkAloneIsOne() {
    assertTrue(PrintoutReader.isElision("  ..."));
    assertTrue(PrintoutReader.isElision("[...]"));
    assertFalse(PrintoutReader.isElision("(0): Linear(...)"));
    assertFalse(PrintoutReader.isElision("... 12 more layers"));
  }

  /**
   * Blocks shortened by hand to {@code Sequential(...)}, or to their first module and a mark, and
   * numbered modules deleted ({@code (0)}, then {@code (11)}): each leaves out modules, so every
   * count is a lower bound and the total is not exact. A ResNet-18 so shortened read depth 2, a
   * GPT-2 with blocks 1 to 10 deleted depth 5, both presented as whole.
   */
  @Test
  void blocksShortenedOrDeletedByHandMakeEveryCountALowerBound() {
    String shortened = String.join("\n", "ResNet(", "  (conv1): Conv2d(3, 64, kernel_size=(7, 7), stride=(2, 2), bias=False)",
        "  (layer1): Sequential(...)", "  (layer2): Sequential((0): BasicBlock(...), ...)",
        "  (fc): Linear(in_features=512, out_features=1000, bias=True)", ")", "");
    String deleted = String.join("\n", "GPT(", "  (h): ModuleList(", "    (0): Block(",
        "      (fc): Linear(in_features=8, out_features=8, bias=True)", "    )", "    (11): Block(",
        "      (fc): Linear(in_features=8, out_features=8, bias=True)", "    )", "  )", ")", "");
    for (String text : List.of(shortened, deleted)) {
      Analysis a = LayerCount.standard().analyze("t", text.getBytes(StandardCharsets.UTF_8)).get(0);
      assertFalse(a.parameters().exact(), text);
      assertTrue(a.layers().lowerBounds().containsAll(EnumSet.range(Convention.DEPTH, Convention.BLOCKS)), text);
    }
    Analysis whole = LayerCount.standard().analyze("t", deleted.replace("(11): Block(", "(1): Block(")
        .getBytes(StandardCharsets.UTF_8)).get(0);
    assertTrue(whole.layers().lowerBounds().isEmpty(), "numbered 0 and 1: nothing left out");
    assertEquals(2 * 72, whole.parameters().total());
  }

  /**
   * A key written as a count ({@code (12*): Block(}, a published ViT-B/16 note's shorthand for its 12
   * blocks): one module is printed for several, so every count is a lower bound and the total is not
   * exact. Before, the model read as one block's depth and parameters, presented as whole. Keys that
   * are names or indices, {@code x1} among them, are no such count.
   */
  @Test
  void aKeyWrittenAsACountMakesEveryCountALowerBound() {
    String block = String.join("\n", "Sequential(", "  (blocks): Sequential(", "    (KEY): Sequential(",
        "      (fc): Linear(in_features=8, out_features=8, bias=True)", "    )", "  )", ")", "");
    for (String key : List.of("12*", "12x", "12 ×", "*12")) {
      Analysis a = LayerCount.standard().analyze("t", block.replace("KEY", key).getBytes(StandardCharsets.UTF_8)).get(0);
      assertFalse(a.parameters().exact(), key);
      assertEquals(EnumSet.range(Convention.DEPTH, Convention.BLOCKS), a.layers().lowerBounds(), key);
      assertTrue(a.diagnostics().stream().anyMatch(d -> d.severity() == Severity.WARNING && d.line() == 3
          && d.message().contains("(" + key + ") is a count written by hand")), a.diagnostics().toString());
    }
    // a list of indices (a published Informer printout's (0,1,2): EncoderLayer() stands for several too
    for (String key : List.of("0,1,2", "0, 1")) {
      Analysis a = LayerCount.standard().analyze("t", block.replace("KEY", key).getBytes(StandardCharsets.UTF_8)).get(0);
      assertEquals(EnumSet.range(Convention.DEPTH, Convention.BLOCKS), a.layers().lowerBounds(), key);
      assertTrue(a.diagnostics().stream().anyMatch(d -> d.severity() == Severity.WARNING && d.line() == 3
          && d.message().contains("(" + key + ") is a list of indices written by hand")), a.diagnostics().toString());
    }
    for (String key : List.of("0", "x12", "block12", "12", "1,a")) {
      Analysis a = LayerCount.standard().analyze("t", block.replace("KEY", key).getBytes(StandardCharsets.UTF_8)).get(0);
      assertTrue(a.parameters().exact(), key);
      assertTrue(a.layers().lowerBounds().isEmpty(), key);
    }
  }

  /**
   * A torchinfo or torchsummary table whose rows, and footer, were cut with {@code ...} (a published
   * ResNet-50 table kept its first rows and its size lines only): the rows shown are not the model,
   * so the total is not exact and every layer count is a lower bound. Before, a torchinfo table so cut
   * gave the rows' sum, 10,058, as exact (the model: 23,909,636), and both tables' depths as whole.
   */
  @Test
  void aTableWhoseRowsAndFooterWereCutHasLowerBoundsOnly() {
    String torchinfo = String.join("\n",
        "==========================================================================================",
        "Layer (type:depth-idx)                   Output Shape              Param #",
        "==========================================================================================",
        "Net                                      [1, 10]                   --",
        "├─Conv2d: 1-1                            [1, 64, 112, 112]         9,408",
        "├─Linear: 1-2                            [1, 10]                   650",
        "...",
        "Input size (MB): 0.60",
        "Params size (MB): 95.64",
        "==========================================================================================", "");
    String torchsummary = String.join("\n",
        "----------------------------------------------------------------",
        "        Layer (type)               Output Shape         Param #",
        "================================================================",
        "            Conv2d-1         [-1, 64, 112, 112]           9,408",
        "...",
        "            Linear-9                   [-1, 10]             650",
        "================================================================",
        "Input size (MB): 0.57",
        "Params size (MB): 95.64",
        "----------------------------------------------------------------", "");
    for (String text : List.of(torchinfo, torchsummary)) {
      Analysis a = LayerCount.standard().analyze("t", text.getBytes(StandardCharsets.UTF_8)).get(0);
      assertEquals(9_408 + 650, a.parameters().total(), text);
      assertFalse(a.parameters().exact(), text);
      assertEquals(EnumSet.complementOf(EnumSet.of(Convention.KERAS)), a.layers().lowerBounds(), text);
      assertTrue(a.diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR
          && d.message().startsWith("rows were left out here")), a.diagnostics().toString());
    }
  }

  /**
   * Children described in words where a writer shortened a printout ({@code (4-7): Sequential Layers
   * (ResNet-50)}, {@code (encoder): TransformerEncoder with 6 layers}, {@code (pe): Tensor of shape
   * [5000, 256]}, a published pseudo-DETR printout): what each stands for is in no count. Before, the
   * lines were kept as their block's own text, silently, and a Sequential so cut was exact (9,408).
   * A ParameterList's {@code (0): Parameter containing: [...]} is PyTorch's own and no such child.
   */
  @Test
  void aChildDescribedInWordsMakesEveryCountALowerBound() {
    for (String child : List.of("(2-5): Sequential Layers (ResNet-50)", "(encoder): TransformerEncoder with 6 layers",
        "(pe): Tensor of shape [5000, 256]")) {
      String text = String.join("\n", "Sequential(",
          "  (0): Conv2d(3, 64, kernel_size=(7, 7), stride=(2, 2), padding=(3, 3), bias=False)",
          "  (1): ReLU(inplace=True)", "  " + child, ")", "");
      Analysis a = LayerCount.standard().analyze("t", text.getBytes(StandardCharsets.UTF_8)).get(0);
      assertEquals(9_408, a.parameters().total(), child);
      assertFalse(a.parameters().exact(), child);
      assertEquals(EnumSet.complementOf(EnumSet.of(Convention.KERAS)), a.layers().lowerBounds(), child);
      assertTrue(a.diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR && d.line() == 4
          && d.message().startsWith("a child described in words")), a.diagnostics().toString());
    }
    Analysis list = LayerCount.standard().analyze("t", String.join("\n", "ParameterList(",
        "    (0): Parameter containing: [torch.float32 of size 3x3]", ")", "").getBytes(StandardCharsets.UTF_8)).get(0);
    assertTrue(list.diagnostics().stream().noneMatch(d -> d.message().startsWith("a child described in words")),
        list.diagnostics().toString());
    assertEquals(9, list.parameters().total());
  }

  /**
   * A child printed by its class's own {@code __repr__} (e3nn's {@code FullyConnectedNet[64, 64,
   * 64]} and {@code Activation [x] (64x0e -> 64x0e)}, cuequivariance's box-drawn polynomial), or a
   * child's module left out ({@code (aux_classifier): ...}): before, the line was kept as its
   * block's own text, silently, and a ModuleDict or Sequential so printed was exact (641, with a
   * network of 8,320 more parameters left out).
   */
  @Test
  void aChildPrintedByItsOwnReprMakesEveryCountALowerBound() {
    for (String container : List.of("ModuleDict", "Sequential")) {
      for (String child : List.of("(mlp): FullyConnectedNet[64, 64, 64]", "(act): Activation [x] (64x0e -> 64x0e)",
          "(tp): ╭ a=[512:4⨯(128)] b=[128:1⨯(128)] -> D=[2048:16⨯(128)]", "(aux): ...")) {
        String text = String.join("\n", container + "(",
            "  (enc): Linear(in_features=8, out_features=64, bias=True)", "  " + child,
            "  (dec): Linear(in_features=64, out_features=1, bias=True)", ")", "");
        Analysis a = LayerCount.standard().analyze("t", text.getBytes(StandardCharsets.UTF_8)).get(0);
        assertEquals(641, a.parameters().total(), child);
        assertFalse(a.parameters().exact(), child);
        assertEquals(EnumSet.complementOf(EnumSet.of(Convention.KERAS)), a.layers().lowerBounds(), child);
        String says = child.endsWith("...") ? "a child whose module was left out of the text ('" + child + "')"
            : "a child printed by its class's own repr";
        assertTrue(a.diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR && d.line() == 3
            && d.column() == 3 && d.message().startsWith(says)), a.diagnostics().toString());
      }
    }
  }

  /**
   * A child's key that lost its {@code )} ({@code (0: Embedding(84546, 300)}, in a 2017 README):
   * the line was kept as its block's own text, silently, and the model was exact without its
   * embedding (165,378 for 25,529,178); under a root indented 2 with children at 6, its unbalanced
   * parentheses made every line after it text too (0, exact). The module is whole: it is read as
   * the child, with a warning at the key.
   */
  @Test
  void aChildWhoseKeyLostItsCloserIsReadAsTheChild() {
    for (String[] layout : new String[][] {{"", "  "}, {"  ", "      "}}) {
      String text = String.join("\n", "prose", layout[0] + "Sequential(",
          layout[1] + "(0: Embedding(84546, 300), weights=((84546, 300),), parameters=25363800",
          layout[1] + "(1): GRU(300, 128)", layout[1] + "(2): Linear(in_features=128, out_features=2, bias=True)",
          layout[0] + ")", "");
      Analysis a = LayerCount.standard().analyze("t", text.getBytes(StandardCharsets.UTF_8)).get(0);
      assertEquals(25_529_178, a.parameters().total(), layout[1]);
      assertEquals(3, a.layers().leaves(), layout[1]);
      assertTrue(a.diagnostics().stream().anyMatch(d -> d.severity() == Severity.WARNING && d.line() == 3
          && d.column() == layout[1].length() + 1 && d.message().startsWith("a child's key that lost its ')'")
          && d.message().contains("read as child '0'")), a.diagnostics().toString());
    }
  }

  /**
   * Closing lines joined onto a block's last module ({@code bias=False)))}, a blog's printout): the
   * arguments ran to the line's last {@code )}, so {@code bias=False)} read as no bias flag and the
   * bias was counted (a lower bound 8,208 above the printed layers' sum), and the blocks were never
   * closed. The module ends where its own parenthesis closes; the closers close the blocks.
   */
  @Test
  void closersJoinedOntoAModuleLineCloseTheBlocksAroundIt() {
    String text = String.join("\n", "Sequential(",
        "  (0): Linear(in_features=100, out_features=100, bias=False)",
        "  (1): Sequential(",
        "    (0): Conv1d(8, 8, kernel_size=(3,), stride=(1,), bias=False)))", "");
    Analysis a = LayerCount.standard().analyze("t", text.getBytes(StandardCharsets.UTF_8)).get(0);
    assertEquals(10_000 + 192, a.parameters().total());
    assertTrue(a.parameters().exact(), a.diagnostics().toString());
    assertEquals(2, a.layers().leaves());
    assertTrue(a.diagnostics().stream().anyMatch(d -> d.severity() == Severity.INFO && d.line() == 4
        && d.message().startsWith("read the 2 ')' joined to the end of this line")), a.diagnostics().toString());
    // a module whose own arguments end in a parenthesis is read as before
    String own = String.join("\n", "Sequential(", "  (0): AdaptiveAvgPool2d(output_size=(1, 1))", ")", "");
    Analysis b = LayerCount.standard().analyze("t", own.getBytes(StandardCharsets.UTF_8)).get(0);
    assertTrue(b.diagnostics().stream().noneMatch(d -> d.message().contains("joined")), b.diagnostics().toString());
    assertEquals(1, b.layers().leaves());
  }

  /**
   * torchinfo's own README elides ResNet-152's rows between blank lines (a row, a blank line,
   * {@code ...}, a blank line, the last rows): the table ended at the first blank line, its last rows
   * (the 2,049,000 of the Linear) and its footer were dropped, and the footer was said to lie outside
   * every table. The table goes on past the elision.
   */
  @Test
  void aTorchinfoTableElidedBetweenBlankLinesGoesOn() {
    String text = String.join("\n",
        "==========================================================================================",
        "Layer (type:depth-idx)                   Output Shape              Param #",
        "==========================================================================================",
        "ResNet                                   --                        --",
        "├─Conv2d: 1-1                            [1, 64, 112, 112]         9,408",
        "├─BatchNorm2d: 1-2                       [1, 64, 112, 112]         128",
        "",
        "  ...",
        "",
        "├─AdaptiveAvgPool2d: 1-9                 [1, 2048, 1, 1]           --",
        "├─Linear: 1-10                           [1, 1000]                 2,049,000",
        "==========================================================================================",
        "Total params: 60,192,808",
        "Trainable params: 60,192,808",
        "Non-trainable params: 0",
        "Total mult-adds (G): 11.51",
        "==========================================================================================",
        "");
    Analysis a = LayerCount.standard().analyze("t", text.getBytes(StandardCharsets.UTF_8)).get(0);
    assertEquals(9_408 + 128 + 2_049_000, a.parameters().total());
    assertEquals(60_192_808L, a.parameters().stated().total());
    assertTrue(a.diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR && d.line() == 8
        && d.message().startsWith("rows were left out here")), a.diagnostics().toString());
    assertTrue(a.diagnostics().stream().noneMatch(d -> d.message().contains("outside every table")),
        a.diagnostics().toString());
  }

  /**
   * torch 2 collapses a ModuleList's run of None entries ({@code (0-11): 12 x None}): it was called a
   * child printed by its own repr, an error that made every count a lower bound, though nothing is
   * hidden (a {@code (0): None} line is read as an empty entry).
   */
  @Test
  void aRunOfNoneEntriesHidesNothing() {
    String text = String.join("\n", "Agg(", "  (conv): Conv1d(512, 512, kernel_size=(2,), stride=(1,))",
        "  (residual_proj): ModuleList(", "    (0-11): 12 x None", "  )", ")", "");
    Analysis a = LayerCount.standard().analyze("t", text.getBytes(StandardCharsets.UTF_8)).get(0);
    assertEquals(512 * 512 * 2 + 512, a.parameters().total());
    assertTrue(a.diagnostics().stream().noneMatch(d -> d.severity() == Severity.ERROR), a.diagnostics().toString());
    assertTrue(a.layers().lowerBounds().isEmpty(), a.layers().lowerBounds().toString());
  }
}
