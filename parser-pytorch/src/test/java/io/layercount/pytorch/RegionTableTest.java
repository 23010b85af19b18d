package io.layercount.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class RegionTableTest {
  private static <V> V get(RegionTable<V> table, String s, int from, int to) {
    return table.get(s, from, to, RegionTable.hash(s, from, to));
  }

  @Test
  void aPartOfALineFindsTheEqualString() {
    RegionTable<String> table = new RegionTable<>(100);
    String conv = "conv1";
    table.put(conv, conv);
    String line = "  (conv1): Conv2d(3, 64)";
    assertSame(conv, get(table, line, 3, 8));
    assertNull(get(table, line, 3, 7), "conv is not conv1");
    assertNull(get(table, line, 4, 8), "onv1 is not conv1");
    assertNull(get(table, "", 0, 0), "nothing kept for the empty string");
  }

  @Test
  void theHashIsTheStringsOwn() {
    String line = "  (layer4): Sequential(";
    assertEquals("layer4".hashCode(), RegionTable.hash(line, 3, 9));
    assertEquals("".hashCode(), RegionTable.hash(line, 5, 5));
  }

  @Test
  void manyStringsGrowTheTableAndStayFound() {
    RegionTable<Integer> table = new RegionTable<>(10_000);
    for (int i = 0; i < 5_000; i++) {
      table.put("key" + i, i);
    }
    for (int i = 0; i < 5_000; i++) {
      String line = "(key" + i + "): ";
      assertEquals(i, get(table, line, 1, line.length() - 3));
    }
  }

  @Test
  void pastTheBoundNothingMoreIsKept() {
    RegionTable<String> table = new RegionTable<>(2);
    table.put("a", "a");
    table.put("b", "b");
    table.put("c", "c");
    assertEquals("b", get(table, "abc", 1, 2));
    assertNull(get(table, "abc", 2, 3), "the third string was not kept");
  }

  /**
   * Strings of one hash (any mix of the blocks "Aa" and "BB") are kept only near their slot: a text
   * of thousands of such keys costs a few comparisons a lookup, not one per key kept.
   */
  @Test
  void manyStringsOfOneHashAreKeptOnlyNearTheirSlot() {
    RegionTable<String> table = new RegionTable<>(100_000);
    java.util.List<String> keys = new java.util.ArrayList<>();
    for (int bits = 0; bits < 1 << 12; bits++) {
      StringBuilder key = new StringBuilder();
      for (int b = 0; b < 12; b++) {
        key.append((bits >> b & 1) == 0 ? "Aa" : "BB");
      }
      keys.add(key.toString());
    }
    keys.forEach(k -> table.put(k, k));
    int found = 0;
    for (String k : keys) {
      assertEquals(k.hashCode(), keys.get(0).hashCode());
      String got = get(table, "(" + k + ")", 1, k.length() + 1);
      if (got != null) {
        assertEquals(k, got);
        found++;
      }
    }
    assertEquals(RegionTable.PROBES, found, "only the first strings, within reach of their slot, were kept");
  }

  @Test
  void stringsOfOneHashAreToldApart() {
    // "Aa" and "BB" have the same String.hashCode
    RegionTable<String> table = new RegionTable<>(10);
    table.put("Aa", "first");
    table.put("BB", "second");
    assertEquals("first", get(table, "xAa", 1, 3));
    assertEquals("second", get(table, "xBB", 1, 3));
  }
}
