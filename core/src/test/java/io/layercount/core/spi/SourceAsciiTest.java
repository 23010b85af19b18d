package io.layercount.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.layercount.core.Diagnostic;
import io.layercount.core.Limits;
import io.layercount.core.testing.Corpus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A source made from ASCII bytes ({@link Source#ofAscii}) is the source made from the same bytes
 * decoded and split as characters ({@code Source.ofText}): every line's number, offset, text and
 * indent, every repair and problem, the largest character. CRLF line ends are read as the decoded
 * reading reads them; bytes past ASCII or a CR line end are left to decoding. Lines read in place in the bytes ({@link Source#ascii()}) are the lines the source
 * holds.
 */
class SourceAsciiTest {
  /** Everything a source tells a parser, as one comparable text. */
  private static String whole(Source s) {
    StringBuilder sb = new StringBuilder();
    for (Source.Line l : s.lines()) {
      sb.append(l.number()).append('|').append(l.offset()).append('|').append(l.indent()).append('|')
          .append(l.text()).append('\n');
    }
    for (Diagnostic d : s.repairs()) {
      sb.append("repair ").append(d).append('\n');
    }
    for (Diagnostic d : s.problems()) {
      sb.append("problem ").append(d).append('\n');
    }
    return sb.append("max ").append((int) s.maxChar()).toString();
  }

  /** Checks {@code bytes} from {@code from} both ways under {@code limits}; whether the bytes were read as ASCII. */
  private static boolean same(byte[] bytes, int from, Limits limits, String what) {
    Source ascii = Source.ofAscii("t", bytes, from, limits);
    boolean readable = true;
    for (int i = from; i < bytes.length; i++) {
      // a CR is read only as the first half of a CRLF line end
      readable &= bytes[i] >= 0 && (bytes[i] != '\r' || i + 1 < bytes.length && bytes[i + 1] == '\n');
    }
    if (!readable) {
      assertNull(ascii, what + ": bytes past ASCII or a CR line end are left to decoding");
      return false;
    }
    assertNotNull(ascii, what);
    String text = new String(bytes, from, bytes.length - from, StandardCharsets.ISO_8859_1);
    Source reference = Source.ofText("t", text, limits);
    assertEquals(whole(reference), whole(ascii), what);
    assertEquals(whole(reference), whole(Source.of("t", text, limits)), what + ": ASCII text is read as bytes");
    inPlace(ascii, bytes, what);
    return true;
  }

  /**
   * Where the lines are read in place ({@link Source#ascii()}), each is the line {@link Source#lines()}
   * holds; where they are not, some line needed a repair.
   */
  private static void inPlace(Source source, byte[] bytes, String what) {
    Source.AsciiLines ascii = source.ascii();
    List<Source.Line> lines = source.lines();
    if (ascii == null) {
      boolean repaired = source.repairs().stream().anyMatch(d -> d.message().contains("tabs") || d.message().contains("ANSI"));
      boolean unread = lines.isEmpty() && !source.problems().isEmpty();
      assertEquals(true, repaired || unread, what + ": lines not read in place only where one was repaired, or none was read");
      return;
    }
    assertSame(bytes, ascii.bytes(), what);
    assertEquals(lines.size(), ascii.size(), what);
    for (int i = lines.size() - 1; i >= 0; i--) { // from the end: the lines are made when asked for, in any order
      Source.Line line = lines.get(i);
      String part = new String(bytes, ascii.start(i), ascii.end(i) - ascii.start(i), StandardCharsets.ISO_8859_1);
      assertEquals(line.text(), part, what + ": line " + i);
      assertEquals(line.indent(), ascii.indent(i), what + ": indent of line " + i);
      assertEquals(line.isBlank(), ascii.isBlank(i), what + ": blank line " + i);
      assertEquals(i + 1, line.number(), what);
      assertSame(line, lines.get(i), what + ": a line is made once");
    }
  }

  @Test
  void theSameSourceForTextsMadeOfEverythingARepairOrCheckLooksAt() {
    String[] pieces = {"a", "Net(", "  ", " ", "\n", "\n", "\n  (0): ", "\t", "\u001B[31m", "\u001B[0m", "\u001B",
        "1", "12345", "1,234", "99999999999999999999", ",", "0.", "e", "\f", "\u007F", "\u0000", "\u0001", "> ",
        "# ", "// ", "## ", ")", "Linear(in_features=64, out_features=10, bias=True)", "~", "\r\n", "\r", "\u00E9"};
    Limits tight = Limits.builder().maxLineChars(24).maxNumberDigits(6).build();
    Random random = new Random(20261206);
    int ascii = 0;
    for (int t = 0; t < 20_000; t++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int from = random.nextInt(4) == 0 ? 3 : 0;
      if (from > 0) {
        out.write(0xEF);
        out.write(0xBB);
        out.write(0xBF);
      }
      // a prefix on every line now and then, so that quote marks and common indents are found
      String prefix = random.nextInt(3) == 0 ? pieces[22 + random.nextInt(4)] : random.nextBoolean() ? "    " : "";
      int n = random.nextInt(12);
      boolean lineStart = true;
      for (int p = 0; p < n; p++) {
        String piece = pieces[random.nextInt(pieces.length - (random.nextInt(5) == 0 ? 0 : 2))];
        if (lineStart) {
          out.writeBytes(prefix.getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(piece.getBytes(StandardCharsets.UTF_8));
        lineStart = piece.endsWith("\n");
      }
      byte[] bytes = out.toByteArray();
      Limits limits = random.nextBoolean() ? Limits.DEFAULT : tight;
      if (same(bytes, from, limits, "case " + t + ": " + new String(bytes, StandardCharsets.UTF_8))) {
        ascii++;
      }
    }
    // most cases are read as ASCII, so that the comparison is of sources made both ways
    assertEquals(true, ascii > 12_000, ascii + " of 20,000 cases read as ASCII");
  }

  @Test
  void theEndsOfATextAsSplittingFindsThem() {
    for (String text : List.of("", "\n", "\n\n", "a", "a\n", "a\n\n", "\na", "  \n  ", " ", "a  \n b \n")) {
      same(text.getBytes(StandardCharsets.US_ASCII), 0, Limits.DEFAULT, "'" + text + "'");
    }
  }

  @Test
  void everyLineAndIndentAcrossTheChunksTheyAreKeptIn() {
    // past the first chunk's growth (64, 128, ...) and past several chunks of 4,096 lines, beyond the
    // 131,072 lines where an array grown by doubling would reach half a G1 region
    for (int n : new int[] {63, 64, 65, 4095, 4096, 4097, 9000, 140_000}) {
      StringBuilder text = new StringBuilder("  Net(\n");
      for (int i = 1; i < n; i++) {
        text.append(" ".repeat(2 + i % 7)).append('(').append(i).append("): Identity()").append(i % 3 == 0 ? "  \n" : "\n");
      }
      same(text.toString().getBytes(StandardCharsets.US_ASCII), 0, Limits.DEFAULT, n + " lines");
    }
  }

  @Test
  void theLimitsAsTheDecodedTextMeetsThem() {
    String line = "  (0): Linear(in_features=" + "1".repeat(30) + ", out_features=2)";
    byte[] bytes = ("Net(\n" + line + "\n" + line.repeat(3) + "\n)\n").getBytes(StandardCharsets.US_ASCII);
    same(bytes, 0, Limits.builder().maxLineChars(80).build(), "a line past the length limit");
    same(bytes, 0, Limits.builder().maxNumberDigits(12).build(), "a number past the digit limit");
    same(bytes, 0, Limits.DEFAULT, "a number past 64 bits");
    same(bytes, 0, Limits.builder().maxInputChars(100).build(), "a text past the size limit");
    // more bytes than the limit allows characters, but not more characters: left to decoding
    byte[] accented = "Net(\n  (caf\u00E9): Identity()\n)\n".repeat(8).getBytes(StandardCharsets.UTF_8);
    int chars = new String(accented, StandardCharsets.UTF_8).length();
    assertEquals(true, chars < accented.length);
    same(accented, 0, Limits.builder().maxInputChars(chars).build(), "a text whose bytes but not characters pass the limit");
  }

  @Test
  void everyCorpusTextAsDecoded() throws IOException {
    Path corpus = Corpus.requireDirectory().getParent();
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(corpus)) {
      walk.filter(p -> p.toString().endsWith(".txt") || p.toString().endsWith(".out")).sorted().forEach(files::add);
    }
    int ascii = 0;
    for (Path file : files) {
      if (same(Files.readAllBytes(file), 0, Limits.DEFAULT, file.toString())) {
        ascii++;
      }
    }
    // the printouts are ASCII; published tables draw boxes past it
    assertEquals(true, ascii > 1_136, ascii + " of " + files.size() + " texts read as ASCII");
  }
}
