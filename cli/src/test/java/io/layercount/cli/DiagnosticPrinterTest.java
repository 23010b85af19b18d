package io.layercount.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.layercount.core.Diagnostic;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DiagnosticPrinterTest {
  private static String print(String text, Diagnostic d) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    DiagnosticPrinter.print(err, "in.txt", d, SourceExcerpt.of("in.txt", text));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void showsTheLineAndACaretUnderTheColumn() {
    String text = "Net(\n  (fc): Linear(in_features=2, out_features=?)\n)\n";
    assertEquals("in.txt:2:42: warning: unreadable value\n"
            + "  (fc): Linear(in_features=2, out_features=?)\n"
            + "                                         ^\n",
        print(text, Diagnostic.warning(2, 42, "unreadable value")));
  }

  @Test
  void aWholeInputDiagnosticHasNoPosition() {
    assertEquals("in.txt: info: converted CRLF line ends\n",
        print("a\r\nb\r\n", Diagnostic.info(0, 0, "converted CRLF line ends")));
  }

  @Test
  void aLineWithoutColumnHasNoCaret() {
    assertEquals("in.txt:2: error: cut off\nsecond\n", print("first\nsecond\n", Diagnostic.error(2, 0, "cut off")));
  }

  @Test
  void crlfLinesShowWithoutTheCarriageReturn() {
    assertEquals("in.txt:2:1: error: e\nsecond\n^\n", print("first\r\nsecond\r\n", Diagnostic.error(2, 1, "e")));
  }

  @Test
  void tabsAreExpandedSoTheCaretStillPointsRight() {
    // the repaired line is "x =     1" (the tab to the stop at column 9); column 9 is the 1
    assertEquals("in.txt:1:9: error: e\nx =     1\n        ^\n", print("x =\t1\n", Diagnostic.error(1, 9, "e")));
    // in a text indented with tabs alone a leading tab is an indent of 2: "  x = 1", the x at column 3
    assertEquals("in.txt:1:3: error: e\n  x = 1\n  ^\n", print("\tx = 1\n", Diagnostic.error(1, 3, "e")));
  }

  @Test
  void aLineBeyondTheTextShowsOnlyTheMessage() {
    assertEquals("in.txt:7:1: error: e\n", print("one line\n", Diagnostic.error(7, 1, "e")));
  }
}
