package io.layercount.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.layercount.core.model.Arguments;
import io.layercount.core.model.Layer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostOrderTest {
  private static Layer leaf(String name) {
    return Layer.of(name, "ReLU", Arguments.NONE, List.of(), 0);
  }

  private static Layer node(String name, Layer... children) {
    return Layer.of(name, "Sequential", Arguments.NONE, List.of(children), 0);
  }

  /** Each layer's result: its name, then its children's in brackets; the order things were made in. */
  private static String fold(Layer root, List<String> made) {
    Map<Layer, String> results = new IdentityHashMap<>();
    return PostOrder.fold(root, results::get, (layer, kids) -> {
      String r = kids.length == 0 ? layer.name() : layer.name() + String.join(",", kids).transform(k -> "[" + k + "]");
      made.add(layer.name());
      results.put(layer, r);
      return r;
    }, new String[0]);
  }

  @Test
  void childrenComeBeforeParentsInPrintedOrderAndParentsGetTheirResultsInOrder() {
    Layer root = node("r", node("a", leaf("a1"), leaf("a2")), leaf("b"), node("c", node("c1", leaf("c11"))));
    List<String> made = new ArrayList<>();
    assertEquals("r[a[a1,a2],b,c[c1[c11]]]", fold(root, made));
    assertEquals(List.of("a1", "a2", "a", "b", "c11", "c1", "c", "r"), made);
  }

  @Test
  void aLayerPrintedAtSeveralPlacesIsMadeOnceAndGivenToEachParent() {
    Layer shared = node("s", leaf("s1"));
    Layer root = node("r", shared, node("x", shared), shared);
    List<String> made = new ArrayList<>();
    assertEquals("r[s[s1],x[s[s1]],s[s1]]", fold(root, made));
    assertEquals(List.of("s1", "s", "x", "r"), made);
  }

  @Test
  void aLeafRootAndAKnownRootAreAnsweredWithoutAWalk() {
    List<String> made = new ArrayList<>();
    assertEquals("only", fold(leaf("only"), made));
    assertEquals(List.of("only"), made);
    Layer root = node("r", leaf("a"));
    assertSame("known", PostOrder.fold(root, layer -> "known", (layer, kids) -> "made", new String[0]));
  }

  @Test
  void aTreeDeeperThanTheCallStackIsWalked() {
    Layer deep = leaf("bottom");
    for (int i = 0; i < 200_000; i++) {
      deep = node("n", deep);
    }
    int[] count = {0};
    Integer depth = PostOrder.fold(deep, layer -> null, (layer, kids) -> {
      count[0]++;
      return kids.length == 0 ? 0 : kids[0] + 1;
    }, new Integer[0]);
    assertEquals(200_000, depth);
    assertEquals(200_001, count[0]);
  }
}
