package io.layercount.core;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Bytes read as text: UTF-8, or UTF-16 where a byte-order mark says so. Never fails: a malformed
 * UTF-8 sequence becomes U+FFFD and is reported with the line and column where it was (the first
 * one, and how many there were), since the rest of the text is still worth reading.
 *
 * @param text the decoded text
 * @param diagnostics what decoding noticed: a byte-order mark, invalid UTF-8
 */
public record DecodedText(String text, List<Diagnostic> diagnostics) {
  public DecodedText {
    diagnostics = List.copyOf(diagnostics);
  }

  /** Decodes {@code bytes}. */
  public static DecodedText of(byte[] bytes) {
    int skip = utf8Start(bytes);
    if (skip < 0) {
      // the UTF_16 decoder reads the mark, takes the byte order from it and drops it
      return new DecodedText(new String(bytes, StandardCharsets.UTF_16),
          List.of(Diagnostic.info(0, 0, "read as UTF-16, as its byte-order mark says")));
    }
    return utf8(bytes, skip, new ArrayList<>(utf8Diagnostics(skip)));
  }

  /**
   * Where the text of {@code bytes} starts when they are read as UTF-8: past a UTF-8 byte-order
   * mark (3), else at 0; -1 when a UTF-16 mark says they are not UTF-8.
   */
  static int utf8Start(byte[] bytes) {
    if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF)) {
      return -1;
    }
    return startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
  }

  /** What reading UTF-8 from {@link #utf8Start} notes before the text itself: the mark removed, if any. */
  static List<Diagnostic> utf8Diagnostics(int start) {
    return start == 0 ? List.of() : List.of(Diagnostic.info(0, 0, "removed a UTF-8 byte-order mark"));
  }

  private static DecodedText utf8(byte[] bytes, int skip, List<Diagnostic> diagnostics) {
    if (isAscii(bytes, skip)) {
      // what printouts are: read byte for byte into a compact string, without a char buffer
      return new DecodedText(new String(bytes, skip, bytes.length - skip, StandardCharsets.ISO_8859_1), diagnostics);
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
    // UTF-8 never yields more chars than bytes, and a replacement stands for at least one byte
    CharBuffer out = CharBuffer.allocate(bytes.length - skip + 1);
    Position position = new Position();
    int malformed = 0;
    int firstLine = 0;
    int firstColumn = 0;
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isUnderflow()) {
        break;
      }
      // malformed or unmappable: replace it, remember where it was, and go on
      position.advance(out, out.position());
      if (malformed++ == 0) {
        firstLine = position.line;
        firstColumn = position.column + 1;
      }
      out.put('\uFFFD');
      in.position(in.position() + result.length());
    }
    decoder.flush(out);
    if (malformed > 0) {
      diagnostics.add(Diagnostic.warning(firstLine, firstColumn, String.format(Locale.ROOT,
          "invalid UTF-8 (%,d place%s, the first here) read as U+FFFD: is the file in another encoding, or binary?",
          malformed, malformed == 1 ? "" : "s")));
    }
    out.flip();
    return new DecodedText(out.toString(), diagnostics);
  }

  private static boolean isAscii(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** Line (1-based) and column (0-based) of the decoded text up to a point, as Source counts lines. */
  private static final class Position {
    int line = 1;
    int column;
    private int scanned;
    private boolean afterCr;

    void advance(CharBuffer out, int upTo) {
      for (int i = scanned; i < upTo; i++) {
        char c = out.get(i);
        if (c == '\n' && afterCr) {
          afterCr = false;
          continue;
        }
        afterCr = c == '\r';
        if (c == '\n' || c == '\r') {
          line++;
          column = 0;
        } else {
          column++;
        }
      }
      scanned = upTo;
    }
  }
}
