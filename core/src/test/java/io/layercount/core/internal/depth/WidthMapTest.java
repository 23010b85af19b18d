package io.layercount.core.internal.depth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WidthMapTest {
  @Test
  void holdsWhatAHashMapHoldsForAnyWidthsUnknownIncluded() {
    WidthMap<String> map = new WidthMap<>();
    Map<Long, String> expected = new HashMap<>();
    Random rnd = new Random(7);
    for (int i = 0; i < 5_000; i++) {
      long width = switch (i % 4) {
        case 0 -> Widths.UNKNOWN;
        case 1 -> rnd.nextInt(64);
        case 2 -> 64L << rnd.nextInt(40);
        default -> rnd.nextLong();
      };
      String value = "v" + i;
      map.put(width, value);
      expected.put(width, value);
    }
    for (Map.Entry<Long, String> e : expected.entrySet()) {
      assertEquals(e.getValue(), map.get(e.getKey()), "width " + e.getKey());
    }
    assertNull(map.get(123_456_789_012L));
  }

  @Test
  void aLaterPutReplacesTheValue() {
    WidthMap<String> map = new WidthMap<>();
    map.put(768, "first");
    map.put(768, "latest");
    assertEquals("latest", map.get(768));
    assertNull(map.get(769));
  }
}
