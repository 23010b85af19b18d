package io.layercount.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A text is split into its lines, however many, whatever ends them. */
class SourceSplitTest {
  private static List<String> texts(Source source) {
    List<String> out = new ArrayList<>();
    source.lines().forEach(line -> out.add(line.text()));
    return out;
  }

  private static List<String> numbered(int n) {
    // the first line unindented: the text's common indent is taken off every line
    List<String> lines = new ArrayList<>(List.of("Net("));
    for (int i = 1; i < n; i++) {
      lines.add("  (" + i + "): Linear(in_features=" + i + ", out_features=" + (i + 1) + ", bias=True)");
    }
    return lines;
  }

  @Test
  void everyLineOnceAcrossTheChunksOfLineEnds() {
    // past the first chunk's growth (64, 128, ...) and past several full chunks of 4,096 line ends
    for (int n : new int[] {1, 63, 64, 65, 4095, 4096, 4097, 9000}) {
      List<String> lines = numbered(n);
      assertEquals(lines, texts(Source.of("t", String.join("\n", lines))), n + " lines");
      assertEquals(lines, texts(Source.of("t", String.join("\n", lines) + "\n")), n + " lines and a last line end");
      assertEquals(lines, texts(Source.of("t", String.join("\r\n", lines) + "\r\n")), n + " lines ended by CRLF");
    }
  }

  @Test
  void emptyLinesAreKeptAndOnlyTheLastLineEndIsDropped() {
    assertEquals(List.of("a", "", "", "b", ""), texts(Source.of("t", "a\n\n\nb\n\n")));
    assertEquals(List.of("a", "b"), texts(Source.of("t", "a\rb\r")));
  }

  /** Unicode's line and paragraph separators end lines (a copy from a rich-text editor); the text was one line. */
  @Test
  void unicodeLineAndParagraphSeparatorsEndLines() {
    Source source = Source.of("t", "Net(\u2028  (act): ReLU()\u2029)\n(x)");
    assertEquals(List.of("Net(", "  (act): ReLU()", ")", "(x)"), texts(source));
    assertEquals(List.of("read Unicode line and paragraph separators (U+2028, U+2029) as line ends"),
        source.repairs().stream().map(d -> d.message()).toList());
    assertEquals(3, source.lines().get(2).number());
  }
}
