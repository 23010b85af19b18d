package io.layercount.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumbersTest {
  @Test
  void groupsThousands() {
    assertEquals("0", Numbers.grouped(0));
    assertEquals("999", Numbers.grouped(999));
    assertEquals("1,000", Numbers.grouped(1000));
    assertEquals("11,689,512", Numbers.grouped(11_689_512));
    assertEquals("6,738,415,616", Numbers.grouped(6_738_415_616L));
  }

  @Test
  void writesSizesInBinaryUnits() {
    assertEquals("0 B", Numbers.bytes(0));
    assertEquals("1023 B", Numbers.bytes(1023));
    assertEquals("1.0 KiB", Numbers.bytes(1024));
    assertEquals("44.6 MiB", Numbers.bytes(11_689_512L * 4));
    assertEquals("25.1 GiB", Numbers.bytes(6_738_415_616L * 4));
    assertEquals("1024.0 PiB", Numbers.bytes(1L << 60));
  }
}
