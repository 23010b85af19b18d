package io.layercount.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** logback.xml: standard output stays the report's; only warnings and errors reach standard error. */
class LoggingTest {
  @Test
  void logsGoToStderrAtWarnAndAbove() {
    PrintStream savedOut = System.out;
    PrintStream savedErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      Logger log = LoggerFactory.getLogger(LoggingTest.class);
      log.info("an info line");
      log.warn("a warning line");
    } finally {
      System.setOut(savedOut);
      System.setErr(savedErr);
    }
    assertEquals("", out.toString(StandardCharsets.UTF_8));
    String logged = err.toString(StandardCharsets.UTF_8);
    assertTrue(logged.contains("a warning line"), logged);
    assertFalse(logged.contains("an info line"), logged);
  }
}
