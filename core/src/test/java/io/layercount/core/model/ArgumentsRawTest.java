package io.layercount.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The raw text is kept only where it is not the items written out again: whichever way an
 * argument list is made, its {@code raw()} is the text it was given, and two lists are equal (and
 * hash alike) exactly when their texts and items are.
 */
class ArgumentsRawTest {
  private static final String[] VALUES = {"64", "65", "100000", "(3, 3)", "True", "'zeros'", "1e-05", "(1,)", "None",
      "", " ", "[1, 2]", "x=1", "a, b", "=", ", ", "'a=b'", "->", "{'k': 1}"};
  private static final String[] KEYS = {"in_features", "kernel_size", "p", "k", "bias", "a.b", "_x"};
  private static final String[] SEPARATORS = {", ", ",", ",  ", " , ", ", "};

  @Test
  void rawIsTheTextGivenForRandomTexts() {
    Random random = new Random(20261206);
    int written = 0;
    int kept = 0;
    String previous = "";
    for (int round = 0; round < 20_000; round++) {
      String text = randomText(random);
      Arguments parsed = Arguments.parse(text);
      String what = "round " + round + ": [" + text + "]";
      assertEquals(text, parsed.raw(), what);
      // the same list made by hand from its parts is equal, whatever the parse made of its text
      Arguments made = new Arguments(text, parsed.positional(), new LinkedHashMap<>(parsed.named()));
      assertEquals(parsed, made, what);
      assertEquals(parsed.hashCode(), made.hashCode(), what);
      assertEquals(text, made.raw(), what);
      assertEquals("Arguments[raw=" + text + ", positional=" + parsed.positional() + ", named=" + parsed.named() + "]",
          parsed.toString(), what);
      // another text with the same items is another list
      Arguments other = new Arguments(text + " ", parsed.positional(), parsed.named());
      assertEquals(text + " ", other.raw(), what);
      assertNotEquals(parsed, other, what);
      // and a text that is not these items is kept as given, even one close to them
      Arguments mixed = new Arguments(previous, parsed.positional(), parsed.named());
      assertEquals(previous, mixed.raw(), what + " with [" + previous + "]");
      previous = text;
      if (parsed.raw() == parsed.raw()) {
        kept++;
      } else {
        written++;
      }
    }
    // both ways are tried: texts as PyTorch writes them, and texts it would not write so
    assertEquals(true, written > 2_000 && kept > 2_000, "written out " + written + ", kept " + kept);
  }

  /** The record's fields as a record of its own: equality and hash as a record's are generated. */
  private record Fields(String raw, List<String> positional, Map<String, String> named) {
    static Fields of(Arguments a) {
      // the raw text is a field where kept (the same string each time), else written out anew
      @SuppressWarnings("StringEquality")
      boolean kept = a.raw() == a.raw();
      return new Fields(kept ? a.raw() : null, a.positional(), a.named());
    }
  }

  /**
   * {@code equals} and {@code hashCode}, written out (a record's own are linked at their first call,
   * milliseconds of a short run), answer as the record's generated ones: over the fields, the raw
   * text as kept, the hash each field's in turn, the sum so far times 31 plus the next.
   */
  @Test
  void equalityAndHashAreTheRecordsOwn() {
    Random random = new Random(7);
    List<Arguments> seen = new java.util.ArrayList<>();
    for (int round = 0; round < 3_000; round++) {
      String text = randomText(random);
      Arguments a = Arguments.parse(text);
      assertEquals(Fields.of(a).hashCode(), a.hashCode(), "[" + text + "]");
      for (int k = Math.max(0, seen.size() - 8); k < seen.size(); k++) {
        Arguments b = seen.get(k);
        assertEquals(Fields.of(a).equals(Fields.of(b)), a.equals(b), "[" + text + "] and [" + b.raw() + "]");
      }
      // the same items under a text kept as given: equal to a list of that text only
      Arguments spaced = new Arguments(text + " ", a.positional(), a.named());
      assertEquals(Fields.of(spaced).hashCode(), spaced.hashCode(), "[" + text + " ]");
      assertNotEquals(a, spaced);
      assertEquals(spaced, new Arguments(text + " ", a.positional(), a.named()));
      seen.add(a);
      seen.add(Arguments.parse(text)); // equal to the one before it
    }
    assertEquals(Fields.of(Arguments.NONE).hashCode(), Arguments.NONE.hashCode());
    assertEquals(false, Arguments.NONE.equals(null));
    assertEquals(false, Arguments.NONE.equals("Arguments[raw=, positional=[], named={}]"));
  }

  @Test
  void theItemsWrittenOutAreThePrintedText() {
    Arguments conv = Arguments.parse("64, 65, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), bias=False");
    assertEquals("64, 65, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), bias=False", conv.raw());
    assertEquals(new Arguments("64, 65, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), bias=False",
        List.of("64", "65"),
        orderedMap("kernel_size", "(3, 3)", "stride", "(1, 1)", "padding", "(1, 1)", "bias", "False")),
        conv);
    assertEquals("", Arguments.NONE.raw());
    assertEquals("", new Arguments("", List.of(), Map.of()).raw());
    // items that write out nothing between two separators
    assertEquals(", ", new Arguments(", ", List.of("", ""), Map.of()).raw());
    assertEquals("p=", new Arguments("p=", List.of(), Map.of("p", "")).raw());
    // a text in another spacing, or another order, is kept as printed
    assertEquals("64,65", Arguments.parse("64,65").raw());
    assertEquals("bias=True, 64", Arguments.parse("bias=True, 64").raw());
    assertEquals("p = 0.1", Arguments.parse("p = 0.1").raw());
    // items given with a text that is not them written out
    assertEquals("p0.1", new Arguments("p0.1", List.of(), Map.of("p", "0.1")).raw());
    assertEquals("p:0.1", new Arguments("p:0.1", List.of(), Map.of("p", "0.1")).raw());
    assertEquals("6465", new Arguments("6465", List.of("64", "65"), Map.of()).raw());
    assertEquals("64", new Arguments("64", List.of("64", "65"), Map.of()).raw());
    assertEquals("64, 65", new Arguments("64, 65", List.of("64"), Map.of()).raw());
    // a key printed twice keeps its first value, so its text is not the items written out
    assertEquals("p=1, p=2", Arguments.parse("p=1, p=2").raw());
    assertEquals("1", Arguments.parse("p=1, p=2").get("p"));
  }

  private static String randomText(Random random) {
    StringBuilder text = new StringBuilder();
    int items = random.nextInt(6);
    boolean named = false;
    for (int i = 0; i < items; i++) {
      if (i > 0) {
        // mostly as PyTorch writes them, so that many texts are the items written out
        text.append(random.nextInt(4) > 0 ? ", " : SEPARATORS[random.nextInt(SEPARATORS.length)]);
      }
      named |= random.nextInt(3) == 0;
      String value = VALUES[random.nextInt(VALUES.length)];
      if (named && random.nextInt(8) > 0) {
        text.append(KEYS[random.nextInt(KEYS.length)]).append(random.nextInt(6) > 0 ? "=" : " = ").append(value);
      } else {
        text.append(value);
      }
    }
    if (random.nextInt(20) == 0) {
      text.append(random.nextBoolean() ? " " : ",");
    }
    return text.toString();
  }

  private static Map<String, String> orderedMap(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
