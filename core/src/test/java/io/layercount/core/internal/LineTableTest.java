package io.layercount.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.model.Arguments;
import io.layercount.core.model.Layer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LineTableTest {
  private static Layer on(int line) {
    return Layer.of("m" + line, "ReLU", Arguments.NONE, List.of(), line);
  }

  @Test
  void aLayerIsFoundByItsLineAndOnlyItself() {
    LineTable<String> table = new LineTable<>(10, 20);
    Layer a = on(12);
    assertNull(table.put(a, "a"));
    assertEquals("a", table.get(a));
    assertNull(table.get(on(12)), "an equal layer on the same line is another key");
    assertNull(table.get(on(13)), "nothing on that line");
    assertNull(table.get(on(9)), "before the first line");
    assertNull(table.get(on(21)), "after the last line");
    assertNull(table.get("m12"), "not a layer");
    assertEquals("a", table.put(a, "b"), "the old value");
    assertEquals(1, table.size());
    assertTrue(table.containsKey(a));
  }

  @Test
  void aLineOutsideIsRefused() {
    LineTable<String> table = new LineTable<>(1, 3);
    table.put(on(2), "x");
    assertThrows(IllegalArgumentException.class, () -> table.put(on(4), "y"));
    assertThrows(IllegalArgumentException.class, () -> table.put(on(0), "y"));
    assertThrows(IllegalArgumentException.class, () -> new LineTable<>(5, 4));
  }

  @Test
  void layersOnALineAnotherHoldsAreKeptBesideFoundByIdentityIteratedAndCleared() {
    // a class's hidden children stand on their parent's line
    LineTable<String> table = new LineTable<>(1, 5);
    Layer parent = on(3);
    Layer pool = on(3);
    Layer flatten = on(3);
    assertNull(table.get(pool), "nothing beside yet");
    table.put(parent, "parent");
    assertNull(table.put(pool, "pool"));
    assertNull(table.put(flatten, "flatten"));
    assertEquals("pool", table.put(pool, "pool again"), "the old value beside");
    assertEquals("parent", table.get(parent));
    assertEquals("pool again", table.get(pool));
    assertEquals("flatten", table.get(flatten));
    assertNull(table.get(on(3)), "a fourth layer on that line is another key");
    Layer after = on(4);
    table.put(after, "after");
    assertEquals(4, table.size());
    Map<Layer, String> seen = new java.util.IdentityHashMap<>();
    for (Map.Entry<Layer, String> e : table.entrySet()) {
      assertNull(seen.put(e.getKey(), e.getValue()), "each once");
    }
    assertEquals(Map.of("parent", 1, "pool again", 1, "flatten", 1, "after", 1).keySet(), new java.util.HashSet<>(seen.values()));
    assertEquals(4, seen.size());
    table.clear();
    assertEquals(0, table.size());
    assertNull(table.get(pool));
    assertFalse(table.entrySet().iterator().hasNext());
  }

  @Test
  void thousandsOfLinesAcrossChunksAreKeptIteratedInLineOrderAndCleared() {
    LineTable<Integer> table = new LineTable<>(1, 20_000);
    List<Layer> layers = new ArrayList<>();
    for (int line = 3; line <= 20_000; line += 3) {
      Layer l = on(line);
      layers.add(l);
      table.put(l, line);
    }
    assertEquals(layers.size(), table.size());
    List<Integer> seen = new ArrayList<>();
    for (Map.Entry<Layer, Integer> e : table.entrySet()) {
      assertEquals(e.getKey().line(), e.getValue());
      seen.add(e.getValue());
    }
    assertEquals(layers.size(), seen.size());
    for (int i = 1; i < seen.size(); i++) {
      assertTrue(seen.get(i - 1) < seen.get(i));
    }
    assertEquals(layers.get(4000).line(), table.get(layers.get(4000)));
    table.clear();
    assertEquals(0, table.size());
    assertNull(table.get(layers.get(0)));
    assertFalse(table.entrySet().iterator().hasNext());
  }

  @Test
  void onlyADenseSpanOfLinesGetsATable() {
    assertTrue(LineTable.fits(1, 120_000, 100_000));
    assertFalse(LineTable.fits(1, 10_000_000, 1_000), "layers a program numbered sparsely");
    assertFalse(LineTable.fits(5, 4, 10), "no lines");
    assertFalse(LineTable.fits(0, Integer.MAX_VALUE, Integer.MAX_VALUE), "more lines than an array holds");
  }
}
