package io.layercount.core.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class SourceLinesContainingTest {
  private final Source source = Source.of("t", "Model: \"m\"\n Layer (type)  Output\n\nconv (Conv2D)\nLayer (type:depth-idx)\n");

  @Test
  void givesTheIndexesOfTheLinesThatHoldTheNeedleInOrder() {
    assertArrayEquals(new int[] {1, 4}, source.linesContaining("Layer (type"));
    assertArrayEquals(new int[] {1}, source.linesContaining("Layer (type)"));
    assertArrayEquals(new int[] {}, source.linesContaining("Param #"));
  }

  @Test
  void aKeptAnswerIsForItsOwnNeedleAndCannotBeChangedByACaller() {
    int[] first = source.linesContaining("Layer (type");
    first[0] = 99;
    assertArrayEquals(new int[] {1, 4}, source.linesContaining("Layer (type"));
    assertArrayEquals(new int[] {3}, source.linesContaining("Conv2D"));
    assertArrayEquals(new int[] {1, 4}, source.linesContaining("Layer (type"));
  }
}
