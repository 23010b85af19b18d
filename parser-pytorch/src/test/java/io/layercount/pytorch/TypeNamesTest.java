package io.layercount.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class TypeNamesTest {
  @Test
  void equalNamesFromTwoTextsAreOneInstance() {
    String first = TypeNames.canonical(new String("Conv2d"));
    String second = TypeNames.canonical(new String("Conv2d"));
    assertSame(first, second);
    assertEquals("Conv2d", second);
  }

  @Test
  void printoutsOfOneClassShareTheNameInstance() {
    Printout a = PrintoutReader.read(io.layercount.core.spi.Source.of("a", "Net(\n  (fc): LinearTypeNamesTest(in_features=2)\n)"))
        .printouts().get(0);
    Printout b = PrintoutReader.read(io.layercount.core.spi.Source.of("b", "Other(\n  (x): LinearTypeNamesTest(in_features=3)\n)"))
        .printouts().get(0);
    assertSame(a.root().entries().get(0) instanceof Entry.Child c ? c.module().typeName() : null,
        b.root().entries().get(0) instanceof Entry.Child c ? c.module().typeName() : null);
  }

  @Test
  void pastTheBoundNamesAreNotKept() {
    TypeNames names = new TypeNames(2);
    String a = names.of(new String("A"));
    names.of(new String("B"));
    assertSame(a, names.of(new String("A")));
    String c = new String("C");
    assertSame(c, names.of(c));
    assertNotSame(names.of(c), names.of(new String("C")));
  }
}
