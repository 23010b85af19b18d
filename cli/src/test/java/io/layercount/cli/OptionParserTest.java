package io.layercount.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Convention;
import io.layercount.core.Limits;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionParserTest {
  @Test
  void filesOnlyGiveTheDefaultReport() throws UsageException {
    CliOptions o = OptionParser.parse("a.txt", "b.txt");
    assertEquals(new CliOptions(false, false, false, false, false, Convention.DEPTH, List.of("a.txt", "b.txt"), null,
        Output.REPORT, Limits.DEFAULT, List.of(), CliOptions.JOBS_PER_PROCESSOR), o);
  }

  @Test
  void explainIsAboutDepthUnlessAConventionIsNamed() throws UsageException {
    CliOptions depth = OptionParser.parse("--explain", "resnet18.txt");
    assertTrue(depth.explain());
    assertEquals(Convention.DEPTH, depth.convention());
    assertEquals(List.of("resnet18.txt"), depth.inputs());
    CliOptions weighted = OptionParser.parse("-e", "-c", "weighted", "resnet18.txt");
    assertEquals(Convention.WEIGHTED, weighted.convention());
    assertTrue(OptionParser.parse("--convention", "leaves", "x").explain(), "naming a convention explains it");
  }

  @Test
  void anUnknownConventionIsAUsageError() {
    UsageException e = assertThrows(UsageException.class, () -> OptionParser.parse("-c", "layers", "x"));
    assertTrue(e.getMessage().contains("unknown convention 'layers'"), e.getMessage());
  }

  @Test
  void inputSizeIsReadAsHeightByWidth() throws UsageException {
    assertEquals(new io.layercount.core.InputSize(384, 256), OptionParser.parse("--input-size", "384x256", "a").inputSize());
    assertEquals(new io.layercount.core.InputSize(224, 224), OptionParser.parse("--input-size=224", "a").inputSize());
    assertEquals(null, OptionParser.parse("a").inputSize());
    UsageException e = assertThrows(UsageException.class, () -> OptionParser.parse("--input-size", "big", "a"));
    assertTrue(e.getMessage().contains("224x224"), e.getMessage());
    assertThrows(UsageException.class, () -> OptionParser.parse("--input-size", "0x224", "a"));
  }

  @Test
  void shortAndLongFormsMeanTheSame() throws UsageException {
    assertEquals(OptionParser.parse("-j", "-q", "x"), OptionParser.parse("--json", "--quiet", "x"));
    assertTrue(OptionParser.parse("-j", "x").json());
    assertTrue(OptionParser.parse("--quiet", "x").quiet());
  }

  @Test
  void optionsMayFollowTheFiles() throws UsageException {
    CliOptions o = OptionParser.parse("a.txt", "--json", "b.txt");
    assertTrue(o.json());
    assertEquals(List.of("a.txt", "b.txt"), o.inputs());
  }

  @Test
  void aLoneDashIsStandardInput() throws UsageException {
    assertEquals(List.of("a.txt", "-"), OptionParser.parse("a.txt", "-").inputs());
  }

  @Test
  void aDoubleDashEndsTheOptions() throws UsageException {
    CliOptions o = OptionParser.parse("--", "-j");
    assertFalse(o.json());
    assertEquals(List.of("-j"), o.inputs());
  }

  @Test
  void helpAndVersionNeedNoInput() throws UsageException {
    assertTrue(OptionParser.parse("--help").help());
    assertTrue(OptionParser.parse("-h").help());
    assertTrue(OptionParser.parse("--version").version());
    assertTrue(OptionParser.parse("-V").version());
  }

  @Test
  void noInputIsAUsageError() {
    UsageException e = assertThrows(UsageException.class, () -> OptionParser.parse("--json"));
    assertTrue(e.getMessage().contains("no input"), e.getMessage());
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    UsageException e = assertThrows(UsageException.class, () -> OptionParser.parse("--frobnicate", "a.txt"));
    assertTrue(e.getMessage().contains("frobnicate"), e.getMessage());
  }

  @Test
  void abbreviatedLongOptionsAreNotGuessed() {
    assertThrows(UsageException.class, () -> OptionParser.parse("--js", "a.txt"));
  }

  @Test
  void everyLimitHasAnOptionAndTakesGroupedDigits() throws UsageException {
    CliOptions o = OptionParser.parse("--max-input-chars", "1_000", "--max-line-chars", "2,000", "--max-nesting-depth", "3",
        "--max-layers", "4", "--max-number-digits", "5", "--max-diagnostics", "6", "a.txt");
    assertEquals(new Limits(1_000, 2_000, 3, 4, 5, 6), o.limits());
  }

  @Test
  void aLimitBelowOneOrNotANumberIsAUsageError() {
    for (String bad : List.of("0", "-1", "x", "", "99999999999")) {
      UsageException e = assertThrows(UsageException.class, () -> OptionParser.parse("--max-layers", bad, "a.txt"));
      assertTrue(e.getMessage().startsWith("--max-layers takes a whole number"), e.getMessage());
    }
  }
}
