package io.layercount.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The word-at-a-time line scan answers as a byte at a time does, wherever a line ends in a word. */
class AsciiLineTest {
  /** The scan a byte at a time: the line's end, whether it is plain, and its largest byte (with the floor). */
  private static int[] byteAtATime(byte[] bytes, int start, int end, int floor) {
    int low = 0;
    int top = floor;
    int i = start;
    for (; i < end && bytes[i] != '\n'; i++) {
      int b = bytes[i];
      low |= (b - 0x20) | ((b ^ 0x7F) - 1);
      top = Math.max(top, b);
    }
    return new int[] {i, low >= 0 ? 1 : 0, top};
  }

  private static void assertAlike(byte[] bytes, int start, int end, int floor) {
    AsciiLine scan = new AsciiLine();
    int[] expected = byteAtATime(bytes, start, end, floor);
    int got = scan.end(bytes, start, end, floor);
    assertEquals(expected[0], got, "end");
    assertEquals(expected[1] == 1, scan.plain, "plain");
    if (scan.plain) {
      assertEquals(expected[2], scan.top, "top");
    }
  }

  @Test
  void everyByteValueAtEveryPlaceOfAWordBeforeAndAfterALineFeed() {
    int cases = 0;
    for (int value = 0; value < 256; value++) {
      for (int at = 0; at < 20; at++) {
        for (int feed = -1; feed < 20; feed++) {
          byte[] bytes = "abcdefghijklmnopqrstuvwx".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
          bytes[at] = (byte) value;
          if (feed >= 0) {
            bytes[feed] = '\n';
          }
          for (int start = 0; start < 3; start++) {
            for (int floor : new int[] {' ', '9', 'x', 127}) {
              assertAlike(bytes, start, bytes.length - start % 2, floor);
              cases++;
            }
          }
        }
      }
    }
    assertTrue(cases > 500_000, "cases: " + cases);
  }

  @Test
  void randomTextsOfPrintableBytesWithNowAndThenAnother() {
    Random random = new Random(11);
    AsciiLine scan = new AsciiLine();
    for (int round = 0; round < 20_000; round++) {
      byte[] bytes = new byte[random.nextInt(200)];
      for (int i = 0; i < bytes.length; i++) {
        int pick = random.nextInt(100);
        bytes[i] = (byte) (pick < 85 ? 0x20 + random.nextInt(0x5F) : pick < 93 ? '\n' : random.nextInt(256));
      }
      // walk the lines as Source does, each floor the largest byte so far (at least '9')
      int start = 0;
      int floor = '9';
      while (start <= bytes.length) {
        assertAlike(bytes, start, bytes.length, floor);
        int end = scan.end(bytes, start, bytes.length, floor);
        floor = scan.plain ? scan.top : floor;
        start = end + 1;
      }
    }
  }
}
