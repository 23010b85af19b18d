package io.layercount.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The keys and values torch.nn prints most are kept once (found without cutting them out of the
 * text): what a parse gives is the same text whether shared or not, and only the common ones are
 * the shared instances.
 */
class ArgumentsCommonTest {
  /** Some of the common texts (the interned literals are the instances kept) and near misses. */
  private static final String[] COMMON = {"in_features", "kernel_size", "bias", "True", "False", "0", "1", "(3, 3)",
      "(1,)", "'zeros'", "1e-05", "track_running_stats", "p", "num_features"};
  private static final String[] OTHER = {"in_feature", "kernel_sizes", "Bias", "bias_", "true", "00", "10", "(3, 4)",
      "(1, )", "'zero'", "1e-5", "track_running_stat", "q", "é", "num_featureß", "x".repeat(30), "65", "(3,3)",
      "bjBs" /* the hash of "bias" */};

  @Test
  void sameTextsSharedWhereCommon() {
    Random random = new Random(20261203);
    for (int round = 0; round < 3000; round++) {
      List<String> positional = new ArrayList<>();
      Map<String, String> named = new LinkedHashMap<>();
      StringBuilder text = new StringBuilder();
      int items = 1 + random.nextInt(6);
      for (int i = 0; i < items; i++) {
        String value = pick(random);
        if (i > 0) {
          text.append(random.nextBoolean() ? ", " : ",  ");
        }
        if (random.nextBoolean()) {
          String key = pick(random).replaceAll("[^A-Za-z_]", "");
          if (key.isEmpty() || named.containsKey(key)) {
            key = "k" + i;
          }
          named.put(key, value);
          text.append(key).append(random.nextBoolean() ? "=" : " = ").append(value);
        } else {
          positional.add(value);
          text.append(value);
        }
      }
      Arguments a = Arguments.parse(text.toString());
      String what = "round " + round + ": " + text;
      assertEquals(positional, a.positional(), what);
      assertEquals(named, a.named(), what);
      for (String p : a.positional()) {
        checkShared(p, what);
      }
      a.named().forEach((k, v) -> {
        checkShared(k, what);
        checkShared(v, what);
      });
    }
  }

  @Test
  void smallNumbersAreKeptOnceAndOthersAsPrinted() {
    Arguments a = Arguments.parse("64, 064, 0064, 9999, 10000, 65536, 6 4, -64, 64.0, out_features=64");
    assertEquals(List.of("64", "064", "0064", "9999", "10000", "65536", "6 4", "-64", "64.0"), a.positional());
    assertEquals(Map.of("out_features", "64"), a.named());
    Arguments b = Arguments.parse("in_features=9999, out_features=64, bias=True");
    // one instance of each number below 10,000, whichever text it was first read from
    assertSame(a.positional().get(0), b.named().get("out_features"));
    assertSame(a.positional().get(0), a.named().get("out_features"));
    assertSame(a.positional().get(3), b.named().get("in_features"));
    // what is no number as Python prints it is cut from its text
    assertNotSame(a.positional().get(1), Arguments.parse("064").positional().get(0));
    assertNotSame(a.positional().get(7), Arguments.parse("-64").positional().get(0));
  }

  @Test
  void largerNumbersAreSharedWithTheLastOfTheirSlot() {
    // the tests of this class run one at a time, so nothing else writes the slots between two parses
    Arguments a = Arguments.parse("11008, in_features=4096, out_features=11008, big=123456789012345678");
    assertEquals(List.of("11008"), a.positional());
    assertSame(a.positional().get(0), a.get("out_features"));
    Arguments b = Arguments.parse("Linear(in_features=11008, out_features=4096)".substring(7, 41));
    assertEquals("11008", b.get("in_features"));
    assertSame(a.positional().get(0), b.get("in_features"));
    assertSame(a.get("big"), Arguments.parse("123456789012345678").positional().get(0));
    // another number of the slot (11008 + 4096) takes it; the first is then read as a new text
    String other = Arguments.parse("15104").positional().get(0);
    assertEquals("15104", other);
    String again = Arguments.parse("11008").positional().get(0);
    assertEquals("11008", again);
    assertNotSame(a.positional().get(0), again);
    assertSame(again, Arguments.parse("x=11008").get("x"));
    // 19 digits are no count: cut from the text each time
    String nineteen = "1234567890123456789";
    assertNotSame(Arguments.parse("a, " + nineteen).positional().get(1),
        Arguments.parse("b, " + nineteen).positional().get(1));
  }

  private static String pick(Random random) {
    return random.nextBoolean() ? COMMON[random.nextInt(COMMON.length)] : OTHER[random.nextInt(OTHER.length)];
  }

  /** A common text is the literal itself; any other is a text of its own, never a literal of the table. */
  private static void checkShared(String s, String what) {
    for (String c : COMMON) {
      if (c.equals(s)) {
        assertSame(c, s, what + ": '" + s + "'");
        return;
      }
    }
    for (String o : OTHER) {
      if (o.equals(s)) {
        assertNotSame(o, s, what + ": '" + s + "' is cut from the text");
      }
    }
  }
}
