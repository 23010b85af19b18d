package io.layercount.core.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.layercount.core.model.Layer;
import io.layercount.core.testing.Corpus;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The widths the stream-width pass keeps for a leaf are its own, though leaves printed alike share
 * one working out: every corpus leaf against its formula read directly, and leaves whose arguments
 * read the same but whose classes differ.
 */
class LeafWidthsCorpusTest {
  private static final RuleTable RULES = RuleTable.torch();

  private static void check(String what, Layer root) {
    StreamWidths places = new StreamWidths(root, RULES, null);
    Deque<Layer> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      Layer layer = stack.pop();
      layer.children().forEach(stack::push);
      if (layer.isLeaf()) {
        String formula = RULES.formulaOf(layer.typeName());
        StreamWidths.Node node = places.node(layer);
        assertEquals(LayerWidths.in(layer, formula), node.in, what + ": " + layer.name() + " in");
        assertEquals(LayerWidths.out(layer, formula), node.out, what + ": " + layer.name() + " out");
      }
    }
  }

  @Test
  void everyCorpusLeafHasTheWidthsItsFormulaReads() {
    for (Corpus.Printout p : Corpus.printouts()) {
      check(p.file(), p.root());
    }
  }

  @Test
  void argumentsThatReadTheSameUnderAnotherClassAreReadByThatClassFormula() {
    // "64" is a BatchNorm2d's width, and nothing a Dropout reads
    Layer root = Layer.of("", "Net", null, List.of(
        Layer.of("bn", "BatchNorm2d", io.layercount.core.model.Arguments.parse("64"), List.of(), 2),
        Layer.of("other", "Dropout", io.layercount.core.model.Arguments.parse("64"), List.of(), 3)), 1);
    check("same arguments", root);
    StreamWidths places = new StreamWidths(root, RULES, null);
    assertEquals(64, places.node(root.children().get(0)).in.getAsLong());
    assertEquals(true, places.node(root.children().get(1)).in.isEmpty());
  }
}
