package io.layercount.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.Convention;
import io.layercount.core.Severity;
import io.layercount.core.model.Layer;
import io.layercount.core.model.Network;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The engine on tables that print a count per row (Keras, torchinfo, torchsummary): what each row
 * owns, repeated rows, the footer check, the Keras graph with shared layers, and the MACs estimate.
 * Every expected number is worked out by hand in the comment beside it.
 */
class TableCountsTest {
  private static Layer row(String name, String type, Long params, String shape, List<Layer> children) {
    return new Layer(name, type, null, children, 1, new Layer.Stated(params, null, shape, List.of()), 1);
  }

  private static Layer keras(String name, String type, long params, String shape, Layer.Connection... from) {
    List<String> names = new ArrayList<>();
    for (Layer.Connection c : from) {
      names.add(c.layer());
    }
    return new Layer(name, type, null, List.of(), 1,
        new Layer.Stated(params, null, shape, names, List.of(from), Layer.ParamScope.SUBTREE, false, List.of()), 1);
  }

  private static Layer.Connection in(String layer, int node) {
    return new Layer.Connection(layer, node, 0);
  }

  private static Layer torchinfo(String name, String type, Long params, boolean repeated, List<Layer> children) {
    return new Layer(name, type, null, children, 1,
        new Layer.Stated(params, null, null, List.of(), List.of(), Layer.ParamScope.OWN, repeated, List.of()), 1);
  }

  private static Analysis analyse(String format, Layer root, boolean graph, Network.StatedTotals footer) {
    return Analyzer.standard().analyze(new Network(format, null, root, graph, footer, List.of()), 0, List.of());
  }

  private static boolean says(Analysis a, Severity severity, String start) {
    return a.diagnostics().stream().anyMatch(d -> d.severity() == severity && d.message().startsWith(start));
  }

  @Test
  void kerasNestedRowStatesItsSubTree() {
    // the nested model's row (100) is the sum of its two rows (30 + 70): it owns nothing itself
    Layer nested = row("backbone", "Functional", 100L, "(None, 8)", List.of(
        row("a", "Dense", 30L, "(None, 5)", List.of()), row("b", "Dense", 70L, "(None, 8)", List.of())));
    Layer root = Layer.of("", "Model", null, List.of(nested, row("head", "Dense", 9L, "(None, 1)", List.of())), 1);
    Analysis a = analyse("keras2", root, false, new Network.StatedTotals(109L, 109L, 0L, null));
    assertEquals(109, a.parameters().total());
    assertTrue(a.parameters().exact());
    assertEquals(3, a.layers().parameterized());
    assertEquals(2, a.layers().keras());
    assertEquals(3, a.layers().depth()); // a chain: a, b, head
    assertEquals("graph", a.layers().depthBasis());
  }

  @Test
  void kerasNestedModelShownAsOneRowMakesTheCountsThatLookInsideLowerBounds() {
    // a nested Functional shown as one row of 100 parameters: the layers inside it, and so their
    // conv/FC layers, are not listed; len(model.layers) counts it as one and stays exact
    Layer root = Layer.of("", "Model", null, List.of(row("backbone", "Functional", 100L, "(None, 8)", List.of()),
        row("head", "Dense", 9L, "(None, 1)", List.of())), 1);
    Analysis a = analyse("keras2", root, false, new Network.StatedTotals(109L, 109L, 0L, null));
    assertEquals(109, a.parameters().total());
    assertTrue(a.parameters().exact());
    assertEquals(1, a.layers().depth());
    assertEquals(EnumSet.of(Convention.DEPTH, Convention.WEIGHTED, Convention.PARAMETERIZED, Convention.LEAVES,
        Convention.MODULES, Convention.BLOCKS), a.layers().lowerBounds());
    assertFalse(a.layers().isLowerBound(Convention.KERAS));
    // one of 0 parameters (an augmentation Sequential) hides layers, but none with weights
    Layer augmented = Layer.of("", "Model", null, List.of(row("augment", "Sequential", 0L, "(None, 8)", List.of()),
        row("head", "Dense", 9L, "(None, 1)", List.of())), 1);
    Analysis b = analyse("keras2", augmented, false, new Network.StatedTotals(9L, 9L, 0L, null));
    assertEquals(EnumSet.of(Convention.LEAVES, Convention.MODULES), b.layers().lowerBounds());
    // expanded, the same model's counts cover it all
    Layer nested = row("backbone", "Functional", 100L, "(None, 8)", List.of(
        row("a", "Dense", 30L, "(None, 5)", List.of()), row("b", "Dense", 70L, "(None, 8)", List.of())));
    Layer expanded = Layer.of("", "Model", null, List.of(nested, row("head", "Dense", 9L, "(None, 1)", List.of())), 1);
    assertEquals(Set.of(), analyse("keras2", expanded, false, new Network.StatedTotals(109L, 109L, 0L, null))
        .layers().lowerBounds());
  }

  @Test
  void kerasRowsOfWrappersAndAuthoredClassesWithParametersHideTheirLayers() {
    // TimeDistributed(Dense(1)) on 128 features: 129 parameters of a dense layer the row does not name
    Analysis wrapped = kerasChain(row("time_distributed", "TimeDistributed", 129L, "(None, 120, 1)", List.of()));
    assertEquals(EnumSet.range(Convention.DEPTH, Convention.BLOCKS), wrapped.layers().lowerBounds());
    assertTrue(says(wrapped, Severity.INFO, "'time_distributed' (TimeDistributed) wraps a layer the summary does not"
        + " name"), wrapped.diagnostics().toString());
    // a class Keras does not define, with parameters: built of layers the summary does not list
    Analysis authored = kerasChain(row("encoder", "TransformerEncoder", 49_984L, "(None, 64, 64)", List.of()),
        row("encoder_1", "TransformerEncoder", 49_984L, "(None, 64, 64)", List.of()));
    assertEquals(EnumSet.range(Convention.DEPTH, Convention.BLOCKS), authored.layers().lowerBounds());
    assertTrue(says(authored, Severity.INFO, "rows with parameters of classes Keras does not define, each shown as one"
        + " layer: TransformerEncoder (2 rows)"), authored.diagnostics().toString());
    // Keras's own classes are what they are, whatever the engine's rules know of them; a row without
    // parameters hides no conv/FC layer; nor does a wrapper or authored class without any
    for (Layer known : List.of(row("bidirectional", "Bidirectional", 66_048L, "(None, 120, 128)", List.of()),
        row("bn", "BatchNormalization", 256L, "(None, 64)", List.of()),
        row("norm", "LayerNormalization", 128L, "(None, 64)", List.of()),
        row("gate", "Gate", 0L, "(None, 64)", List.of()),
        row("attention", "Attention", 2L, "(None, 64)", List.of()),
        row("prelu", "PReLU", 64L, "(None, 64)", List.of()),
        row("td", "TimeDistributed", 0L, "(None, 120, 64)", List.of()))) {
      assertEquals(Set.of(), kerasChain(known).layers().lowerBounds(), known.typeName());
    }
  }

  /**
   * A row of a Keras class that holds few parameters or none, with more: a class of the same name the
   * model's author wrote (a published BiGRU's word attention, 3,168 = 64 x 48 + 48 + 48, a projection
   * on the path, read as Keras's parameter-free Attention and depth called whole).
   */
  @Test
  void kerasRowsWithMoreParametersThanTheirClassHoldsAreAuthoredClasses() {
    for (Layer row : List.of(row("attention", "Attention", 3_168L, "(None, 64)", List.of()),
        row("activation", "Activation", 10L, "(None, 64)", List.of()),
        row("pool", "MaxPooling2D", 1L, "(None, 8, 8, 4)", List.of()))) {
      Analysis a = kerasChain(row);
      assertEquals(EnumSet.range(Convention.DEPTH, Convention.BLOCKS), a.layers().lowerBounds(), row.typeName());
      assertTrue(says(a, Severity.INFO, "'" + row.name() + "' (" + row.typeName() + ") holds " + String.format(
          java.util.Locale.ROOT, "%,d", row.stated().params()) + " parameters, where Keras's " + row.typeName()
          + " holds "), a.diagnostics().toString());
    }
  }

  /** A Keras table of {@code rows} then a dense head of 9 parameters, its footer their sum. */
  private static Analysis kerasChain(Layer... rows) {
    List<Layer> all = new ArrayList<>(List.of(rows));
    all.add(row("head", "Dense", 9L, "(None, 1)", List.of()));
    long total = all.stream().mapToLong(l -> l.stated().params()).sum();
    return analyse("keras2", Layer.of("", "Sequential", null, all, 1), false,
        new Network.StatedTotals(total, total, 0L, null));
  }

  @Test
  void theInputLayerAKerasSequentialNeverListsIsNoLostConnection() {
    // Keras 1 (dense_input_1, after the class) and Keras 2 (dense_1_input, after the layer) name the
    // input layer of a Sequential's first layer so, and list no row for it
    for (String input : List.of("dense_input_1", "dense_1_input")) {
      Layer root = Layer.of("", "Sequential", null, List.of(keras("dense_1", "Dense", 600, "(None, 24)", in(input, 0)),
          keras("dense_2", "Dense", 125, "(None, 5)", in("dense_1", 0))), 1);
      Analysis a = analyse("keras2", root, true, new Network.StatedTotals(725L, null, null, null));
      assertEquals(2, a.layers().depth());
      assertEquals(Set.of(), a.layers().lowerBounds(), input);
      assertFalse(says(a, Severity.WARNING, "1 connection(s) name no layer listed"), input);
    }
    // a producer of another name, or the same name on a later row, may be a layer the text lost
    for (String[] names : List.of(new String[] {"conv_input_1", "dense_1"}, new String[] {"dense_1", "dense_input_1"})) {
      Layer root = Layer.of("", "Model", null, List.of(keras("dense_1", "Dense", 600, "(None, 24)", in(names[0], 0)),
          keras("dense_2", "Dense", 125, "(None, 5)", in(names[1], 0))), 1);
      Analysis a = analyse("keras2", root, true, new Network.StatedTotals(725L, null, null, null));
      assertTrue(says(a, Severity.WARNING, "1 connection(s) name no layer listed"), String.join(",", names));
      assertEquals(Set.of(Convention.DEPTH), a.layers().lowerBounds());
    }
  }

  @Test
  void torchinfoRowsAtTheDepthLimitMakeEveryTreeCountALowerBound() {
    // depth=1: the encoder's ModuleList row holds 40 parameters in layers the table does not list
    Layer encoder = torchinfo("1-1", "ModuleList", 40L, false, List.of());
    Layer head = torchinfo("1-2", "Linear", 10L, false, List.of());
    Analysis a = analyse("torchinfo", torchinfo("", "Net", 0L, false, List.of(encoder, head)), false,
        new Network.StatedTotals(50L, 50L, 0L, null));
    assertEquals(50, a.parameters().total());
    assertEquals(EnumSet.range(Convention.DEPTH, Convention.BLOCKS), a.layers().lowerBounds());
    // a Linear at the same depth is a layer of a known class: nothing hidden below it
    Layer full = torchinfo("", "Net", 0L, false, List.of(torchinfo("1-1", "Linear", 40L, false, List.of()), head));
    assertEquals(Set.of(), analyse("torchinfo", full, false, new Network.StatedTotals(50L, 50L, 0L, null))
        .layers().lowerBounds());
  }

  @Test
  void kerasRowWithoutCountIsUnknownEvenIfItsTypeHasARule() {
    Layer root = Layer.of("", "Model", null, List.of(row("backbone", "Functional", null, "(None, 8)", List.of()),
        row("head", "Dense", 9L, "(None, 1)", List.of())), 1);
    Analysis a = analyse("keras3", root, false, new Network.StatedTotals(109L, 109L, 0L, null));
    assertEquals(9, a.parameters().total());
    assertFalse(a.parameters().exact());
    assertTrue(says(a, Severity.WARNING, "the layers' parameter counts add up to 9, the footer states 109"));
  }

  @Test
  void torchinfoRowsStateWhatNoRowBelowShows() {
    // root leftovers 5 + collapsed block 40 + leaf 10; the (recursive) row is a second call
    Layer block = torchinfo("1-1", "Block", 40L, false, List.of());
    Layer leaf = torchinfo("1-2", "Linear", 10L, false, List.of());
    Layer again = torchinfo("1-3", "Linear", null, true, List.of());
    Layer root = torchinfo("", "Net", 5L, false, List.of(block, leaf, again));
    Analysis a = analyse("torchinfo", root, false, new Network.StatedTotals(55L, 55L, 0L, null));
    assertEquals(55, a.parameters().total());
    assertTrue(a.parameters().exact());
    assertEquals(2, a.layers().leaves());
    assertEquals(3, a.layers().modules());
    assertEquals(List.of(), a.parameters().unknownTypes());
  }

  @Test
  void footerAboveTheRowsMakesTheSumALowerBound() {
    Layer root = torchinfo("", "", null, false, List.of(torchinfo("1-1", "Linear", 10L, false, List.of())));
    Analysis a = analyse("torchinfo", root, false, new Network.StatedTotals(12L, 12L, 0L, null));
    assertEquals(10, a.parameters().total());
    assertFalse(a.parameters().exact());
    assertTrue(says(a, Severity.WARNING, "the layers' parameter counts add up to 10, the footer states 12 (2 more)"));
  }

  @Test
  void kerasOptimizerParametersAreSetApart() {
    Layer root = Layer.of("", "Model", null, List.of(row("d", "Dense", 10L, "(None, 2)", List.of())), 1);
    Analysis a = analyse("keras3", root, false, new Network.StatedTotals(32L, 10L, 0L, 22L));
    assertEquals(10, a.parameters().total());
    assertTrue(a.parameters().exact());
    assertTrue(says(a, Severity.INFO, "the footer's Total params (32) includes 22 optimizer parameters"));
    assertFalse(says(a, Severity.WARNING, "the layers' parameter counts"));
  }

  @Test
  void torchsummaryTotalsAreWhatItCountedNotExact() {
    Layer root = torchinfo("", "", null, false, List.of(row("Conv2d-1", "Conv2d", 1792L, "[-1, 64, 8, 8]", List.of())));
    Analysis a = analyse("torchsummary", root, false, new Network.StatedTotals(1792L, 1792L, 0L, null));
    assertEquals(1792, a.parameters().total());
    assertFalse(a.parameters().exact());
    assertTrue(says(a, Severity.INFO, "torchsummary counts, per forward call, only the tensors named weight"));
  }

  @Test
  void layerCalledTwiceInARowIsTwoStepsNotACycle() {
    // x = dense(input); x = dense(x): dense lists input[0][0] (call 0) and dense[0][0] (call 1)
    Layer input = keras("input", "InputLayer", 0, "[(None, 4)]");
    Layer dense = keras("dense", "Dense", 20, "multiple", in("input", 0), in("dense", 0));
    Layer out = keras("out", "Dense", 5, "(None, 1)", in("dense", 1));
    Analysis a = analyse("keras2", Layer.of("", "Functional", null, List.of(input, dense, out), 1), true, null);
    assertEquals(3, a.layers().depth()); // dense, dense again, out
    assertEquals("graph", a.layers().depthBasis());
    assertEquals(2, a.layers().weighted()); // one dense layer, however often called
  }

  @Test
  void sharedEncoderCalledOnTwoInputsIsOneStepOnEitherPath() {
    Layer left = keras("left", "InputLayer", 0, "[(None, 4)]");
    Layer right = keras("right", "InputLayer", 0, "[(None, 4)]");
    Layer encoder = keras("encoder", "Dense", 20, "(None, 4)", in("left", 0), in("right", 0));
    Layer join = keras("join", "Concatenate", 0, "(None, 8)", in("encoder", 0), in("encoder", 1));
    Layer head = keras("head", "Dense", 9, "(None, 1)", in("join", 0));
    Analysis a = analyse("keras3", Layer.of("", "Functional", null, List.of(left, right, encoder, join, head), 1),
        true, null);
    assertEquals(2, a.layers().depth());
    assertEquals(29, a.parameters().total());
  }

  @Test
  void separableConvolutionCountsTwice() {
    Layer input = keras("input", "InputLayer", 0, "[(None, 8, 8, 3)]");
    Layer sep = keras("sep", "SeparableConv2D", 59, "(None, 8, 8, 16)", in("input", 0));
    Layer dw = keras("dw", "DepthwiseConv2D", 160, "(None, 8, 8, 16)", in("sep", 0));
    Analysis a = analyse("keras3", Layer.of("", "Functional", null, List.of(input, sep, dw), 1), true, null);
    assertEquals(3, a.layers().depth());
    assertEquals(3, a.layers().weighted());
  }

  @Test
  void cutTypeNameTakesTheKindItsCompletionsAgreeOn() {
    Layer.Stated cut = new Layer.Stated(1792L, null, "(None, 8, 8, 64)", List.of(), List.of(),
        Layer.ParamScope.SUBTREE, false, List.of("Conv2D", "Conv2DTranspose"));
    Layer.Stated vague = new Layer.Stated(0L, null, "(None, 8, 8, 64)", List.of(), List.of(),
        Layer.ParamScope.SUBTREE, false, List.of("Conv2D", "Cropping2D"));
    Layer root = Layer.of("", "Model", null, List.of(new Layer("c", "Conv2D…", null, List.of(), 1, cut, 2),
        new Layer("v", "C…", null, List.of(), 1, vague, 3)), 1);
    Analysis a = analyse("keras3", root, false, null);
    assertEquals(1, a.layers().weighted());
    assertEquals(1, a.layers().depth());
  }

  @Test
  void macsAreOutputPositionsTimesWeights() {
    // conv: 8 x 8 positions x (1792 - 64) weights = 110,592; dense: 1 position x (4100 - 4) = 4,096
    Layer input = row("input", "InputLayer", 0L, "[(None, 8, 8, 3)]", List.of());
    Layer conv = row("conv", "Conv2D", 1792L, "(None, 8, 8, 64)", List.of());
    Layer flat = row("flat", "Flatten", 0L, "(None, 4096)", List.of());
    Layer dense = row("dense", "Dense", 16388L, "(None, 4)", List.of());
    Layer lost = row("up", "Conv2DTranspose", 100L, "(None, 16, 16, 4)", List.of());
    Analysis a = analyse("keras2", Layer.of("", "Model", null, List.of(input, conv, flat, dense, lost), 1), false, null);
    assertEquals(8 * 8 * (1792 - 64) + (16388 - 4), a.macs().estimate());
    assertNull(a.macs().stated());
    assertTrue(a.macs().assumptions().stream().anyMatch(s -> s.contains("Conv2DTranspose")));
  }

  @Test
  void statedMultAddsAndSizesReachTheAnalysis() {
    Layer root = torchinfo("", "Net", 0L, false, List.of(torchinfo("1-1", "Linear", 10L, false, List.of())));
    Network.StatedCosts costs = new Network.StatedCosts(173_710_000L, new Network.Sizes(0.2, 2.41, 0.15, 2.76));
    Analysis a = Analyzer.standard().analyze(new Network("torchinfo", null, root, false,
        new Network.StatedTotals(10L, 10L, 0L, null), List.of(), costs), 0, List.of());
    assertEquals(173_710_000L, a.macs().stated());
    assertNull(a.macs().estimate());
    assertEquals(2.76, a.sizes().totalMB());
  }
}
