package io.layercount.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ArgumentsNumbersTest {
  @Test
  void plainDecimalsAroundTheSharedAnswers() {
    for (long n : new long[] {0, 1, 64, 4095, 4096, 4097, 65536, 999_999_999_999_999_999L}) {
      assertEquals(OptionalLong.of(n), Arguments.parseLong(Long.toString(n)), "" + n);
      assertEquals(OptionalLong.of(n), Arguments.parseLong("  " + n + "\t"), "blank around " + n);
    }
  }

  @Test
  void largerAnswersAreSharedWithTheLastOfTheirSlot() {
    // the tests of this class run one at a time, so nothing else writes the slots between two reads
    OptionalLong first = Arguments.parseLong("11008");
    assertSame(first, Arguments.parseLong(" 11008 "));
    assertSame(first, Arguments.parse("in_features=11008").longValue("in_features", 0));
    // another number of the slot (11008 + 4096) takes it; the first is then a new answer
    assertEquals(OptionalLong.of(15104), Arguments.parseLong("15104"));
    OptionalLong again = Arguments.parseLong("11008");
    assertEquals(OptionalLong.of(11008), again);
    assertNotSame(first, again);
    assertSame(Arguments.parseLong("4096"), Arguments.parseLong("4096"));
  }

  @Test
  void whatIsNoCount() {
    for (String s : new String[] {null, "", "   ", "-1", "+3", "1_000", "1,000", "3.0", "1e3", "0x10", "12 34",
        "1000000000000000000" /* 19 digits */, "True"}) {
      assertEquals(OptionalLong.empty(), Arguments.parseLong(s), "" + s);
    }
  }

  @Test
  void namedOrPositional() {
    Arguments a = Arguments.parse("3, 64, kernel_size=(3, 3), out_channels= 128 ");
    assertEquals(OptionalLong.of(128), a.longValue("out_channels", 1));
    assertEquals(OptionalLong.of(64), a.longValue("missing", 1));
    assertEquals(OptionalLong.empty(), a.longValue("kernel_size", -1));
  }

  @Test
  void withoutAnOptionalTheSameAnswers() {
    Arguments a = Arguments.parse("3, 64, kernel_size=(3, 3), out_channels= 128 , groups=-1, big=65537");
    for (String key : new String[] {"out_channels", "missing", "kernel_size", "groups", "big", "absent"}) {
      for (int index : new int[] {-1, 0, 1, 2}) {
        OptionalLong boxed = a.longValue(key, index);
        assertEquals(boxed.isPresent() ? boxed.getAsLong() : -7, a.longValue(key, index, -7), key + " " + index);
      }
    }
  }
}
