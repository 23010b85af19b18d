package io.layercount.core.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Limits;
import java.util.Random;
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

  /**
   * The search of the bytes in place ({@link Source#ascii()}, eight bytes at a time) finds the lines
   * the search of each line's string finds: needles across line ends, in cut indents and quote
   * marks and trailing spaces, at every place in a word, several on a line, and many lines.
   */
  @Test
  void theSearchInPlaceFindsWhatTheSearchOfEachLineFinds() {
    String[] pieces = {"Layer (type", "Layer", " (type", "Param #", "#", "Total params", "L", "T", "a", "ab", " ",
        "  ", "\n", "\n", "\n", "x", "(", ")", "LLayer (typ", "e", "Layer (type)"};
    String[] needles = {"Layer (type", "Param #", "Total params", "a", "ab", "b a", "(t", "L", "#", " ", "e ", "e\n"};
    Random random = new Random(20261206);
    int found = 0;
    for (int t = 0; t < 5_000; t++) {
      StringBuilder text = new StringBuilder();
      String prefix = random.nextInt(4) == 0 ? "> " : random.nextInt(3) == 0 ? "    " : "";
      int n = random.nextInt(t % 50 == 0 ? 2_000 : 40);
      boolean lineStart = true;
      for (int p = 0; p < n; p++) {
        if (lineStart) {
          text.append(prefix);
        }
        String piece = pieces[random.nextInt(pieces.length)];
        text.append(piece);
        lineStart = piece.equals("\n");
      }
      Source inPlace = Source.of("t", text.toString(), Limits.DEFAULT);
      Source byLine = Source.ofText("t", text.toString(), Limits.DEFAULT);
      assertNotNull(inPlace.ascii(), "case " + t);
      for (String needle : needles) {
        int[] expected = byLine.linesContaining(needle);
        assertArrayEquals(expected, inPlace.linesContaining(needle), "case " + t + ", '" + needle + "' in:\n" + text);
        found += expected.length;
      }
    }
    assertTrue(found > 10_000, found + " lines found");
  }

  @Test
  void theRarestByteOfANeedleIsSought() {
    assertTrue(ByteSearch.anchor("Layer (type".getBytes()) == 0);
    assertTrue(ByteSearch.anchor("Param #".getBytes()) == 6);
    assertTrue(ByteSearch.anchor("total Params".getBytes()) == 6);
  }
}
