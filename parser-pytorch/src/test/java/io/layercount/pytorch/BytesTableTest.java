package io.layercount.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BytesTableTest {
  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static <V> V get(BytesTable<V> table, byte[] b, int from, int to) {
    return table.get(b, from, to, BytesTable.hash(b, from, to));
  }

  private static <V> void put(BytesTable<V> table, String key, V value) {
    byte[] b = bytes(key);
    table.put(b, 0, b.length, BytesTable.hash(b, 0, b.length), value);
  }

  @Test
  void aPartOfALineFindsTheEqualPart() {
    BytesTable<String> table = new BytesTable<>(100);
    put(table, "in_features=768, out_features=3072, bias=True", "linear");
    byte[] line = bytes("    (fc1): Linear(in_features=768, out_features=3072, bias=True)");
    int from = "    (fc1): Linear(".length();
    assertEquals("linear", get(table, line, from, line.length - 1));
    assertNull(get(table, line, from, line.length - 2), "a part one shorter");
    assertNull(get(table, line, from + 1, line.length - 1), "a part starting one later");
    assertNull(get(table, line, from, from), "nothing kept for the empty part");
  }

  @Test
  void equalPartsHashAlikeWhereverTheyLieAndOfEveryLength() {
    Random random = new Random(20261206);
    for (int length = 0; length < 40; length++) {
      byte[] part = new byte[length];
      random.nextBytes(part);
      for (int at = 0; at < 9; at++) {
        byte[] b = new byte[at + length + 3];
        System.arraycopy(part, 0, b, at, length);
        assertEquals(BytesTable.hash(part, 0, length), BytesTable.hash(b, at, at + length), length + " bytes at " + at);
      }
    }
  }

  /** Against a map of strings: whatever is found is the value kept for that very part, and what was kept is found. */
  @Test
  void randomPartsAsAMapOfTheirStringsKeepsThem() {
    Random random = new Random(7);
    BytesTable<Integer> table = new BytesTable<>(1 << 11);
    Map<String, Integer> reference = new HashMap<>();
    String alphabet = "ab=, ()0123456789_xyzTrue";
    for (int t = 0; t < 200_000; t++) {
      int length = random.nextInt(30);
      StringBuilder sb = new StringBuilder();
      for (int k = 0; k < length + 4; k++) {
        sb.append(alphabet.charAt(random.nextInt(random.nextBoolean() ? 3 : alphabet.length())));
      }
      byte[] line = bytes(sb.toString());
      int from = random.nextInt(3);
      int to = from + length;
      String part = sb.substring(from, to);
      Integer found = get(table, line, from, to);
      if (found != null) {
        assertEquals(reference.get(part), found, "'" + part + "'");
      } else if (reference.size() < 1 << 11) {
        assertTrue(!reference.containsKey(part), "'" + part + "' was kept and must be found");
        table.put(line, from, to, BytesTable.hash(line, from, to), t);
        reference.put(part, t);
      }
    }
    assertEquals(1 << 11, reference.size(), "the table filled up to its bound");
  }

  /**
   * Parts of one hash are kept only near their slot: a text of thousands of them costs a few
   * comparisons a lookup, not one per part kept.
   */
  @Test
  void manyPartsOfOneHashAreKeptOnlyNearTheirSlot() {
    BytesTable<String> table = new BytesTable<>(100_000);
    for (int i = 0; i < 4_096; i++) {
      byte[] part = bytes("key" + i);
      table.put(part, 0, part.length, 42, "key" + i);
    }
    int found = 0;
    for (int i = 0; i < 4_096; i++) {
      byte[] line = bytes("(key" + i + ")");
      String got = table.get(line, 1, line.length - 1, 42);
      if (got != null) {
        assertEquals("key" + i, got);
        found++;
      }
    }
    assertEquals(BytesTable.PROBES, found, "only the first parts, within reach of their slot, were kept");
  }

  @Test
  void pastTheBoundNothingMoreIsKept() {
    BytesTable<String> table = new BytesTable<>(2);
    put(table, "a", "a");
    put(table, "b", "b");
    put(table, "c", "c");
    byte[] abc = bytes("abc");
    assertEquals("b", get(table, abc, 1, 2));
    assertNull(get(table, abc, 2, 3), "the third part was not kept");
  }
}
