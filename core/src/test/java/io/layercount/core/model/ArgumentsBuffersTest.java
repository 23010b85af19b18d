package io.layercount.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * {@link Arguments#parse} fills buffers each thread keeps from one layer to the next: nothing of a
 * layer parsed before may show in the next one's items, nor change an earlier layer's.
 */
class ArgumentsBuffersTest {
  @Test
  void aLayerKeepsNothingOfTheOneBefore() {
    // ten keys take the builder past its scan into a set of keys seen, and a repeated key is dropped
    Arguments many = Arguments.parse("1, 2, 3, 4, 5, 6, a=1, b=2, c=3, d=4, e=5, f=6, g=7, h=8, i=9, j=10, a=99");
    Arguments one = Arguments.parse("a=5");
    Arguments none = Arguments.parse("inplace");
    assertEquals(List.of("1", "2", "3", "4", "5", "6"), many.positional());
    assertEquals(10, many.named().size());
    assertEquals("1", many.get("a"));
    assertEquals(List.of(), one.positional());
    assertEquals(Map.of("a", "5"), one.named());
    assertEquals(List.of("inplace"), none.positional());
    assertEquals(Map.of(), none.named());
    // the earlier layers' items are theirs, whatever was parsed after
    assertEquals(List.of("1", "2", "3", "4", "5", "6"), many.positional());
    assertEquals("10", many.get("j"));
    assertThrows(UnsupportedOperationException.class, () -> many.positional().add("7"));
  }

  @Test
  void itemCountsAroundTheBufferSizes() {
    for (int n = 0; n <= 20; n++) {
      List<String> positional = new ArrayList<>();
      Map<String, String> named = new LinkedHashMap<>();
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < n; i++) {
        positional.add(Integer.toString(i));
        named.put("k" + i, "v" + i);
        text.append(i).append(", ");
      }
      named.forEach((k, v) -> text.append(k).append('=').append(v).append(", "));
      Arguments parsed = Arguments.parse(text.toString());
      assertEquals(positional, parsed.positional(), n + " items");
      assertEquals(named, parsed.named(), n + " items");
      assertEquals(new ArrayList<>(named.keySet()), new ArrayList<>(parsed.named().keySet()), n + " items, in order");
    }
  }

  @Test
  void threadsParseSideBySide() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int id = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < 20_000; i++) {
            Arguments a = Arguments.parse(id + ", " + i + ", key" + id + "=" + i);
            if (!a.positional().equals(List.of(Integer.toString(id), Integer.toString(i)))
                || !a.named().equals(Map.of("key" + id, Integer.toString(i)))) {
              return false;
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> f : done) {
        assertEquals(true, f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
