package io.layercount.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayerListTest {
  private static Layer leaf(String name) {
    return Layer.of(name, "ReLU", Arguments.NONE, List.of(), 1);
  }

  @Test
  void equalsAndHashesAsAnyListOfTheSameLayers() {
    Layer a = leaf("a");
    Layer b = leaf("b");
    Layer c = leaf("c");
    for (List<Layer> plain : List.of(List.of(a), List.of(a, b), List.of(a, b, c), new ArrayList<>(List.of(c, a)))) {
      Layer parent = Layer.of("p", "Sequential", Arguments.NONE, plain, 1);
      assertEquals(plain, parent.children());
      assertEquals(parent.children(), plain);
      assertEquals(plain.hashCode(), parent.children().hashCode());
      assertEquals(Layer.of("p", "Sequential", Arguments.NONE, List.copyOf(plain), 1), parent);
    }
  }

  @Test
  void isACopyTheCallerCannotChange() {
    List<Layer> mutable = new ArrayList<>(List.of(leaf("a")));
    Layer parent = Layer.of("p", "Sequential", Arguments.NONE, mutable, 1);
    mutable.add(leaf("b"));
    assertEquals(1, parent.children().size());
    assertThrows(UnsupportedOperationException.class, () -> parent.children().add(leaf("c")));
    assertThrows(UnsupportedOperationException.class, () -> parent.children().set(0, leaf("c")));
    var it = parent.children().iterator();
    it.next();
    assertThrows(UnsupportedOperationException.class, it::remove);
  }

  @Test
  void rejectsNullChildrenAsTheRecordAlwaysDid() {
    assertThrows(NullPointerException.class,
        () -> Layer.of("p", "Sequential", Arguments.NONE, Arrays.asList(leaf("a"), null), 1));
    assertThrows(NullPointerException.class, () -> Layer.of("p", "Sequential", Arguments.NONE, null, 1));
  }

  @Test
  void aRebuiltLayerSharesItsChildList() {
    Layer parent = Layer.of("p", "Sequential", Arguments.NONE, List.of(leaf("a"), leaf("b")), 1);
    Layer again = new Layer("q", parent.typeName(), parent.arguments(), parent.children(), 2, parent.stated(), 3);
    assertSame(parent.children(), again.children());
    assertTrue(Layer.of("x", "ReLU", Arguments.NONE, new ArrayList<>(), 1).isLeaf());
  }
}
