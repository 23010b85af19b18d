package io.layercount.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The character tests of a class name answer as Character does, for every char. */
class LineSyntaxTest {
  @Test
  void aClassNamePartIsALetterDigitUnderscoreOrDotForEveryChar() {
    for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
      boolean expected = Character.isLetterOrDigit((char) c) || c == '_' || c == '.';
      assertEquals(expected, LineSyntax.isTypePart((char) c), "char " + c);
    }
  }
}
