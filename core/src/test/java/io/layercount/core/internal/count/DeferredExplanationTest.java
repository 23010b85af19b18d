package io.layercount.core.internal.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.layercount.core.Analysis.Explanation;
import io.layercount.core.Convention;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An explanation made on first use keeps what it is made from (the counting's tree, rule answers
 * and depth inference: some 170 bytes a module) until then, and no longer: a program that keeps
 * explained results does not keep their counting state.
 */
class DeferredExplanationTest {
  /** Stands for the counting's state the explanation is made from. */
  private static final class State {
    final long[] bytes = new long[1 << 16];
  }

  @Test
  void whatAnExplanationIsMadeFromIsDroppedOnceItIsMade() throws InterruptedException {
    State state = new State();
    WeakReference<State> held = new WeakReference<>(state);
    Explanation e = DeferredExplanation.of(madeFrom(state));
    state = null;
    assertNotNull(held.get(), "kept until the explanation is made");
    assertEquals(List.of("fc"), e.counted().get(Convention.DEPTH));
    for (int i = 0; i < 20 && held.get() != null; i++) {
      System.gc();
      Thread.sleep(10);
    }
    assertNull(held.get(), "the state the explanation was made from is still reachable");
    assertEquals(List.of("fc"), e.counted().get(Convention.DEPTH));
  }

  private static java.util.function.Supplier<Explanation> madeFrom(State state) {
    return () -> new Explanation(Map.of(Convention.DEPTH, List.of(state.bytes.length > 0 ? "fc" : "")), Map.of());
  }
}
