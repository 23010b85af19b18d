package io.layercount.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IdentityTableTest {
  /** Keys equal to each other but distinct objects: only identity may tell them apart. */
  private static List<String> keys(int n) {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      keys.add(new String("key")); // equal texts, distinct objects
    }
    return keys;
  }

  @ParameterizedTest(name = "planned for {0}")
  @ValueSource(ints = {0, 10, 30_000, 200_000})
  void doesWhatAnIdentityHashMapDoesUnderRandomPutsRemovesAndLookups(int planned) {
    List<String> keys = keys(50_000);
    IdentityTable<String, Integer> table = new IdentityTable<>(planned);
    Map<String, Integer> expected = new IdentityHashMap<>();
    Random rnd = new Random(planned + 11L);
    for (int step = 0; step < 400_000; step++) {
      String key = keys.get(rnd.nextInt(step < 200_000 ? keys.size() : 2_000));
      switch (rnd.nextInt(6)) {
        case 0, 1, 2 -> assertEquals(expected.put(key, step), table.put(key, step));
        case 3 -> assertEquals(expected.remove(key), table.remove(key));
        case 4 -> assertEquals(expected.putIfAbsent(key, step), table.putIfAbsent(key, step));
        default -> assertEquals(expected.containsKey(key), table.containsKey(key));
      }
      assertEquals(expected.get(key), table.get(key));
    }
    assertEquals(expected.size(), table.size());
    for (String key : keys) {
      assertEquals(expected.get(key), table.get(key));
    }
    Map<String, Integer> iterated = new IdentityHashMap<>();
    for (Map.Entry<String, Integer> e : table.entrySet()) {
      assertNull(iterated.put(e.getKey(), e.getValue()), "an entry iterated twice");
    }
    assertEquals(expected.size(), iterated.size());
    for (Map.Entry<String, Integer> e : expected.entrySet()) {
      assertEquals(e.getValue(), iterated.get(e.getKey())); // values by equality: each put boxed its own
    }
  }

  @Test
  void equalKeysThatAreDistinctObjectsAreDistinctKeys() {
    String a = new String("conv1");
    String b = new String("conv1");
    IdentityTable<String, String> table = new IdentityTable<>(4);
    table.put(a, "first");
    assertNull(table.get(b));
    assertFalse(table.containsKey(b));
    table.put(b, "second");
    assertEquals("first", table.get(a));
    assertEquals("second", table.get(b));
    assertEquals("x", table.getOrDefault(new String("conv1"), "x"));
    assertEquals(2, table.size());
    table.clear();
    assertTrue(table.isEmpty());
    assertNull(table.get(a));
  }

  @Test
  void refusesNullKeysAndValues() {
    IdentityTable<String, String> table = new IdentityTable<>(4);
    assertThrows(NullPointerException.class, () -> table.put(null, "v"));
    assertThrows(NullPointerException.class, () -> table.put("k", null));
  }

  @ParameterizedTest(name = "planned for {0}")
  @ValueSource(ints = {1_000_000, 0})
  void noSegmentOfATableOfAMillionKeysReachesTheHumongousSizeWhateverItWasPlannedFor(int planned) throws Exception {
    List<String> keys = keys(1_000_000);
    IdentityTable<String, String> table = new IdentityTable<>(planned);
    for (String key : keys) {
      table.put(key, key);
    }
    Field field = IdentityTable.class.getDeclaredField("segments");
    field.setAccessible(true);
    for (Object[] segment : (Object[][]) field.get(table)) {
      assertTrue(segment.length <= IdentityTable.SEGMENT_SLOTS, "a segment of " + segment.length + " slots");
    }
    for (String key : keys) {
      assertSame(key, table.get(key));
    }
    assertEquals(keys.size(), table.size());
  }
}
