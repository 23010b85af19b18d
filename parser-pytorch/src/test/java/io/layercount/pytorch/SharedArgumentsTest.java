package io.layercount.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.model.Arguments;
import java.util.HashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Argument texts parsed once per process, up to a bound ({@link NetworkBuilder#parse}). */
class SharedArgumentsTest {
  @AfterEach
  void forget() {
    NetworkBuilder.forgetSharedTexts(); // later tests start with room again
  }

  @Test
  void aTextParsedForOnePrintoutIsSharedWithTheNext() {
    NetworkBuilder.forgetSharedTexts();
    String text = "num_features=64, eps=1e-05, momentum=0.1, affine=True";
    Arguments first = NetworkBuilder.parse(text, new HashMap<>());
    Arguments second = NetworkBuilder.parse(new String(text), new HashMap<>());
    assertEquals(Arguments.parse(text), first, "parsed as Arguments.parse parses it");
    assertSame(first, second, "one parse for both printouts");
    assertEquals(1, NetworkBuilder.sharedTexts());
  }

  @Test
  void pastTheBoundATextIsParsedWhereItStands() {
    NetworkBuilder.forgetSharedTexts();
    long tag = System.nanoTime();
    int bound = NetworkBuilder.SHARED_TEXTS;
    for (int i = 0; i < 2 * bound && NetworkBuilder.sharedTexts() < bound; i++) {
      NetworkBuilder.parse("in_features=" + i + ", out_features=" + tag, new HashMap<>());
    }
    assertEquals(NetworkBuilder.SHARED_TEXTS, NetworkBuilder.sharedTexts());
    String text = "in_features=1, out_features=2, tag=" + tag;
    Arguments first = NetworkBuilder.parse(text, new HashMap<>());
    Arguments second = NetworkBuilder.parse(text, new HashMap<>());
    assertNotSame(first, second, "the shared texts no longer grow");
    assertEquals(first, second);
    assertEquals(NetworkBuilder.SHARED_TEXTS, NetworkBuilder.sharedTexts());
    // within one printout a text is still parsed once
    HashMap<String, Arguments> one = new HashMap<>();
    assertSame(NetworkBuilder.parse(text, one), NetworkBuilder.parse(text, one));
    assertTrue(one.size() == 1);
  }
}
