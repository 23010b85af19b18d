package io.layercount.core.internal.depth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A replay's input and its lanes compare and hash as records' generated methods would: theirs are
 * written out (a record's own is linked at its first call, milliseconds of a short run's start), and
 * the answers a module keeps are found by input.
 */
class InputEqualityTest {
  private record SameLane(long width, long depth, long from) {}

  private record SameInput(long width, long depth, List<SameLane> lanes, boolean perStream, long reshapedFrom,
      long memory, boolean cross) {}

  private static SameInput same(Dataflow.Input in) {
    List<SameLane> lanes = new ArrayList<>();
    for (Dataflow.Lane l : in.lanes()) {
      lanes.add(new SameLane(l.width(), l.depth(), l.from()));
    }
    return new SameInput(in.width(), in.depth(), lanes, in.perStream(), in.reshapedFrom(), in.memory(), in.cross());
  }

  @Test
  void inputsCompareAndHashAsRecords() {
    Random random = new Random(11);
    List<Dataflow.Input> inputs = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      List<Dataflow.Lane> lanes = new ArrayList<>();
      for (int k = random.nextInt(3); k > 0; k--) {
        lanes.add(new Dataflow.Lane(small(random), small(random), small(random)));
      }
      inputs.add(new Dataflow.Input(small(random), small(random), List.copyOf(lanes), random.nextBoolean(),
          small(random), small(random), random.nextBoolean()));
    }
    int equal = 0;
    for (int i = 0; i < inputs.size(); i++) {
      Dataflow.Input a = inputs.get(i);
      assertEquals(same(a).hashCode(), a.hashCode(), a.toString());
      for (Dataflow.Lane l : a.lanes()) {
        assertEquals(new SameLane(l.width(), l.depth(), l.from()).hashCode(), l.hashCode(), l.toString());
      }
      for (int j = Math.max(0, i - 40); j < i; j++) {
        Dataflow.Input b = inputs.get(j);
        boolean expected = same(a).equals(same(b));
        assertEquals(expected, a.equals(b), a + " and " + b);
        equal += expected ? 1 : 0;
      }
    }
    // both answers are met: inputs drawn from few values are often equal
    assertEquals(true, equal > 20, equal + " equal pairs");
  }

  /** One of a few widths or depths, so that equal inputs are drawn often. */
  private static long small(Random random) {
    return random.nextInt(3) - 1;
  }
}
