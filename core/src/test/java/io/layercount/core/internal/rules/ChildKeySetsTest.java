package io.layercount.core.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.layercount.core.model.Arguments;
import io.layercount.core.model.Layer;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The child-key sets match a module's keys as a set of bits exactly where the joined keys match. */
class ChildKeySetsTest {
  private static Layer module(List<String> keys) {
    List<Layer> children = new ArrayList<>();
    for (String key : keys) {
      children.add(Layer.of(key, "ReLU", Arguments.NONE, List.of(), 2));
    }
    return Layer.of("m", "Block", Arguments.NONE, children, 1);
  }

  /** The answer of the joined keys, the one the sets must give. */
  private static boolean joined(Set<String> sets, Layer layer) {
    return sets.contains(RuleTable.childKeys(layer));
  }

  private static void assertSame(Set<String> sets, ChildKeySets matcher, List<String> keys) {
    Layer layer = module(keys);
    assertEquals(joined(sets, layer), matcher.contains(layer), () -> keys + " against " + sets);
  }

  @Test
  void everyShippedSetMatchesItsOwnKeysInAnyOrderAndRepeatedAndNothingMissingOneOrWithOneMore() throws Exception {
    JsonNode byChildren;
    try (InputStream in = RuleTable.class.getResourceAsStream("/io/layercount/core/rules/torch-corpus.json")) {
      byChildren = new ObjectMapper().readTree(in).path("ownsNothingByChildren");
    }
    int matched = 0;
    int refused = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = byChildren.fields(); it.hasNext(); ) {
      Set<String> sets = new HashSet<>();
      it.next().getValue().forEach(v -> sets.add(v.asText()));
      ChildKeySets matcher = new ChildKeySets(sets);
      for (String set : sets) {
        List<String> keys = new ArrayList<>();
        for (String key : set.split(",", -1)) {
          keys.add(key.equals("#") ? "0" : key);
        }
        List<String> shuffled = new ArrayList<>(keys);
        java.util.Collections.reverse(shuffled);
        shuffled.add(shuffled.get(0).equals("0") ? "7" : shuffled.get(0));
        for (List<String> k : List.of(keys, shuffled)) {
          assertTrue(matcher.contains(module(k)), () -> k + " against " + sets);
        }
        matched++;
        List<String> more = new ArrayList<>(keys);
        more.add("not_a_key_of_any_set");
        assertFalse(matcher.contains(module(more)));
        refused++;
        for (int i = 0; i < keys.size(); i++) {
          List<String> fewer = new ArrayList<>(keys);
          fewer.remove(i);
          if (!fewer.isEmpty()) {
            assertSame(sets, matcher, fewer);
            refused++;
          }
        }
      }
    }
    assertTrue(matched > 2_000, "sets read: " + matched);
    assertTrue(refused > matched, "near misses tried: " + refused);
  }

  @Test
  void randomKeysIncludingCommasBlanksNumbersAndMoreThan64KeysAnswerAsJoined() {
    Random random = new Random(7);
    List<String> pool = new ArrayList<>(List.of("", "#", "0", "12", "a", "b", "a,b", "b,a", ",a", "a,", ",", "conv",
        "bn", "act", "conv,bn", "ä", "Z"));
    for (int i = 0; i < 80; i++) {
      pool.add("k" + i);
    }
    int both = 0;
    for (int round = 0; round < 4_000; round++) {
      // sets of few keys from a small part of the pool, or of many (over 64 in all) from all of it
      int span = round % 4 == 0 ? pool.size() : 6 + random.nextInt(12);
      Set<String> sets = new HashSet<>();
      int setCount = 1 + random.nextInt(round % 4 == 0 ? 30 : 4);
      for (int s = 0; s < setCount; s++) {
        String[] keys = new String[1 + random.nextInt(round % 4 == 0 ? 12 : 4)];
        for (int k = 0; k < keys.length; k++) {
          keys[k] = pool.get(random.nextInt(span));
        }
        // mostly as childKeys joins them; now and then a set no module can give (unsorted)
        sets.add(random.nextInt(10) == 0 ? String.join(",", keys) : RuleTable.sortedDistinct(keys));
      }
      ChildKeySets matcher = new ChildKeySets(sets);
      for (int probe = 0; probe < 20; probe++) {
        List<String> keys = new ArrayList<>();
        if (probe % 2 == 0) {
          // a set's own keys, as a module would print them
          String set = sets.iterator().next();
          for (String key : set.split(",", -1)) {
            keys.add(random.nextBoolean() && key.equals("#") ? "3" : key);
          }
          if (random.nextBoolean()) {
            keys.add(keys.get(random.nextInt(keys.size())));
          }
        } else {
          int n = random.nextInt(5);
          for (int k = 0; k < n; k++) {
            keys.add(pool.get(random.nextInt(span)));
          }
        }
        Layer layer = module(keys);
        boolean expected = joined(sets, layer);
        assertEquals(expected, matcher.contains(layer), () -> keys + " against " + sets);
        both += expected ? 1 : 0;
      }
    }
    assertTrue(both > 10_000, "matches seen: " + both);
  }
}
