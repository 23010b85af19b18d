package io.layercount.cli.hostile;

import static io.layercount.cli.hostile.Hostile.cli;
import static io.layercount.cli.hostile.Hostile.diagnostic;
import static io.layercount.cli.hostile.Hostile.limitError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.layercount.core.Analysis;
import io.layercount.core.Diagnostic;
import io.layercount.core.LayerCount;
import io.layercount.core.Limits;
import io.layercount.core.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each pathological input of issue 6 gives a clear diagnostic and never a stack trace, and what
 * could not be read is never called exact.
 */
class PathologicalInputTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LayerCount LAYERCOUNT = LayerCount.standard();
  private static final String KERAS_HEAD = "Model: \"m\"\n" + "_".repeat(65) + "\n Layer (type)                Output Shape"
      + "              Param #   \n" + "=".repeat(65) + "\n";
  private static final String KERAS_FOOT = "\n" + "=".repeat(65) + "\nTotal params: 9\nTrainable params: 9\n"
      + "Non-trainable params: 0\n" + "_".repeat(65) + "\n";
  private static final String TORCHINFO_HEAD = "=".repeat(80) + "\nLayer (type:depth-idx)                   Output Shape"
      + "              Param #\n" + "=".repeat(80) + "\nNet                                      [1, 3]                    --\n";
  private static final String TORCHINFO_FOOT = "=".repeat(80) + "\nTotal params: 9\nTrainable params: 9\nNon-trainable params: 0\n";

  @TempDir Path dir;

  private static Analysis analyse(String text) {
    List<Analysis> all = LAYERCOUNT.analyze("in.txt", text);
    assertEquals(1, all.size(), all.toString());
    return all.get(0);
  }

  private static String resnet18() throws IOException {
    return Files.readString(Path.of("../examples/resnet18.txt"));
  }

  @Test
  void theExampleTheseTestsDamageIsExact() throws IOException {
    assertTrue(analyse(resnet18()).parameters().exact(), "otherwise the tests below prove nothing");
  }

  @Test
  void aNumberBeyond64BitsIsAnErrorAtItsPlace() {
    Analysis a = analyse("Net(\n  (fc): Linear(in_features=99999999999999999999999, out_features=3, bias=True)\n)\n");
    Diagnostic d = diagnostic(a, Severity.ERROR, "23 digits", "64-bit");
    assertEquals(2, d.line());
    assertEquals(28, d.column());
    assertFalse(a.parameters().exact());
  }

  /**
   * A number too long to be a count in text after or before a printout (a tokenizer printed below
   * the model, model_max_length=1000000000000000019884624838656) is a warning: no count comes from
   * it, and the model's counts stay exact and whole. Inside the printout, or where such numbers
   * stand on both sides of it, or in a table's lines, it stays an error (above and below).
   */
  @Test
  void aNumberBeyond64BitsOutsideThePrintoutIsAWarning() {
    String printout = "Sequential(\n  (0): Linear(in_features=8, out_features=3, bias=True)\n)\n";
    String tokenizer = "Tokenizer: T5Tokenizer(model_max_length=1000000000000000019884624838656, is_fast=False)\n";
    for (String text : List.of(printout + tokenizer, tokenizer + printout)) {
      Analysis a = analyse(text);
      Diagnostic d = diagnostic(a, Severity.WARNING, "31 digits", "64-bit", "outside the printout");
      assertEquals(text.startsWith("Sequential") ? 4 : 1, d.line());
      assertTrue(a.parameters().exact(), a.diagnostics().toString());
      assertTrue(a.layers().lowerBounds().isEmpty(), a.diagnostics().toString());
      assertEquals(27, a.parameters().total());
    }
    Analysis both = analyse(tokenizer + printout + tokenizer);
    diagnostic(both, Severity.ERROR, "31 digits", "64-bit");
    assertFalse(both.parameters().exact());
  }

  @Test
  void aLongDecimalIsNotACount() {
    // torchvision's MNASNet prints its BatchNorm momentum as 0.00029999999999996696
    Analysis a = analyse("Net(\n  (bn): BatchNorm2d(16, eps=1e-05, momentum=0.00029999999999996696, affine=True,"
        + " track_running_stats=True)\n)\n");
    assertTrue(a.diagnostics().stream().noneMatch(d -> d.message().contains("64-bit")), a.diagnostics().toString());
    assertEquals(32, a.parameters().total());
  }

  @Test
  void aCountBeyond64BitsInEachTableIsNotRead() {
    for (String text : List.of(
        KERAS_HEAD + " dense (Dense)               (None, 3)                 99,999,999,999,999,999,999\n" + KERAS_FOOT,
        TORCHINFO_HEAD + "├─Linear: 1-1                            [1, 3]                    99999999999999999999\n"
            + TORCHINFO_FOOT)) {
      Analysis a = analyse(text);
      diagnostic(a, Severity.ERROR, "too large for a 64-bit count");
      assertFalse(a.parameters().exact(), text);
    }
  }

  @Test
  void aNumberLongerThanTheDigitLimitNamesTheLimit() {
    Analysis a = LAYERCOUNT.withLimits(Limits.builder().maxNumberDigits(30).build())
        .analyze("in.txt", "Net(\n  (fc): Linear(in_features=" + "7".repeat(31) + ", out_features=3)\n)\n").get(0);
    limitError(a, "maxNumberDigits", "max-number-digits");
  }

  @Test
  void negativeAndMalformedCountsAreReportedAndNotExact() {
    for (String count : List.of("-5", "1,2,3", "12a", "(9")) {
      Analysis keras = analyse(KERAS_HEAD + " dense (Dense)               (None, 3)                 " + count + "\n" + KERAS_FOOT);
      diagnostic(keras, Severity.WARNING, "'" + count + "'");
      assertFalse(keras.parameters().exact());
      Analysis torchinfo = analyse(TORCHINFO_HEAD + "├─Linear: 1-1                            [1, 3]                    "
          + count + "\n" + TORCHINFO_FOOT);
      diagnostic(torchinfo, Severity.WARNING, "not understood");
      assertFalse(torchinfo.parameters().exact());
    }
    Analysis printout = analyse("Net(\n  (fc): Linear(in_features=-3, out_features=3, bias=True)\n)\n");
    diagnostic(printout, Severity.WARNING, "Linear do not give its size");
    assertFalse(printout.parameters().exact());
  }

  @Test
  void invalidUtf8IsReplacedAndReportedWhereItIs() throws IOException {
    byte[] bytes = resnet18().getBytes(StandardCharsets.UTF_8);
    byte[] damaged = new byte[bytes.length + 2];
    int at = resnet18().indexOf("(conv1)");
    System.arraycopy(bytes, 0, damaged, 0, at);
    damaged[at] = (byte) 0xC3;
    damaged[at + 1] = (byte) 0x28;
    System.arraycopy(bytes, at, damaged, at + 2, bytes.length - at);
    Analysis a = LAYERCOUNT.analyze("in.txt", damaged).get(0);
    Diagnostic d = diagnostic(a, Severity.WARNING, "invalid UTF-8", "1 place");
    assertEquals(2, d.line());
    assertEquals(3, d.column());
    assertTrue(a.ok());
  }

  @Test
  void nulBytesAreReportedAsABinaryFile() throws IOException {
    String text = resnet18().replace("(relu)", "(re\u0000u)");
    Diagnostic d = diagnostic(analyse(text), Severity.WARNING, "NUL", "binary");
    assertTrue(d.line() > 0 && d.column() > 0, d.toString());
  }

  @Test
  void aBinaryFileIsNotAnalysedAndSaysWhy() throws IOException {
    byte[] bytes = new byte[20_000];
    new Random(6).nextBytes(bytes);
    Path bin = Files.write(dir.resolve("weights.pt"), bytes);
    Hostile.CliRun run = cli(new byte[0], "--json", bin.toString());
    assertEquals(1, run.status());
    run.assertNoStackTrace();
    JsonNode json = JSON.readTree(run.out());
    assertFalse(json.get("ok").asBoolean());
    assertTrue(run.out().contains("binary"), run.out());
    assertTrue(run.err().contains(bin + ":"), run.err());
  }

  @Test
  void emptyAndBlankInputsSayTheyAreEmpty() {
    for (String text : List.of("", "\n", "   \n\t\n\r\n", " ".repeat(10_000))) {
      Analysis a = analyse(text);
      assertFalse(a.ok());
      diagnostic(a, Severity.ERROR, "the input is empty");
    }
  }

  @Test
  void aDirectoryAndAnUnreadableFileAreReportedAndTheOthersStillRead() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Path locked = Files.writeString(dir.resolve("locked.txt"), "Net(\n)\n");
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    Path good = Files.writeString(dir.resolve("good.txt"), resnet18());
    List<String> args = new ArrayList<>(List.of("--json", empty.toString(), good.toString()));
    boolean lockedWorks = !Files.isReadable(locked);
    if (lockedWorks) {
      args.add(locked.toString());
    }
    Path procMem = Path.of("/proc/self/mem");
    if (Files.exists(procMem)) {
      args.add(procMem.toString());
    }
    Hostile.CliRun run = cli(new byte[0], args.toArray(String[]::new));
    assertEquals(1, run.status());
    run.assertNoStackTrace();
    String[] lines = run.out().split("\n");
    assertEquals(args.size() - 1, lines.length, run.out());
    assertTrue(JSON.readTree(lines[0]).at("/diagnostics/0/message").asText().contains("is a directory"));
    assertTrue(JSON.readTree(lines[1]).get("ok").asBoolean(), "the good file is still analysed");
    for (int i = 2; i < lines.length; i++) {
      JsonNode json = JSON.readTree(lines[i]);
      assertFalse(json.get("ok").asBoolean());
      assertTrue(json.at("/diagnostics/0/message").asText().matches("permission denied|cannot be read: .+"),
          json.toString());
    }
    Assumptions.assumeTrue(lockedWorks || Files.exists(procMem), "no way to make an unreadable file here");
  }

  @Test
  void aLineLongerThanTheLimitIsLeftOutAndTheCountIsNoLongerExact() throws IOException {
    String text = resnet18() + "x".repeat(Limits.DEFAULT_MAX_LINE_CHARS + 1) + "\n";
    Analysis a = analyse(text);
    assertTrue(a.ok());
    Diagnostic d = limitError(a, "maxLineChars", "max-line-chars");
    assertEquals(resnet18().chars().filter(c -> c == '\n').count() + 1, d.line(), "the line after the printout");
    Analysis raised = LAYERCOUNT.withLimits(Limits.builder().maxLineChars(2 << 20).build()).analyze("in.txt", text).get(0);
    assertTrue(raised.diagnostics().stream().noneMatch(x -> x.message().contains("maxLineChars")));
  }

  @Test
  void anInputLargerThanTheLimitIsNotReadAndTheCliSaysHowToRaiseIt() throws IOException {
    Path file = Files.writeString(dir.resolve("big.txt"), resnet18());
    Hostile.CliRun run = cli(new byte[0], "--max-input-chars", "1000", file.toString());
    assertEquals(1, run.status());
    run.assertNoStackTrace();
    assertTrue(run.err().contains("--max-input-chars N"), run.err());
    Analysis a = LAYERCOUNT.withLimits(Limits.builder().maxInputChars(1000).build()).analyze("in.txt", resnet18()).get(0);
    assertFalse(a.ok());
    limitError(a, "maxInputChars", "max-input-chars");
    Hostile.CliRun stdin = cli(resnet18().getBytes(StandardCharsets.UTF_8), "--json", "--max-input-chars", "100", "-");
    assertEquals(1, stdin.status());
    assertTrue(stdin.out().contains("maxInputChars"), stdin.out());
  }

  @Test
  void diagnosticsAreCappedWithACountOfTheRest() {
    StringBuilder text = new StringBuilder(TORCHINFO_HEAD);
    for (int i = 0; i < 50; i++) {
      text.append("├─Linear: 1-").append(i + 1).append("                            [1, 3]                    x").append(i).append('\n');
    }
    text.append(TORCHINFO_FOOT);
    Analysis a = LAYERCOUNT.withLimits(Limits.builder().maxDiagnostics(10).build()).analyze("in.txt", text.toString()).get(0);
    assertEquals(11, a.diagnostics().size());
    Diagnostic last = a.diagnostics().get(10);
    assertTrue(last.message().matches("\\d+ more diagnostics not shown: raise it with --max-diagnostics N.*"), last.message());
    Hostile.CliRun run = cli(text.toString().getBytes(StandardCharsets.UTF_8), "--max-diagnostics", "3", "-");
    assertTrue(run.err().contains("more diagnostics not shown"), run.err());
  }

  @Test
  void theHumanReportShowsFileLineColumnTheLineAndACaret() throws IOException {
    Path file = Files.writeString(dir.resolve("cut.txt"), "Net(\n  (fc): Linear(in_features=" + "9".repeat(25) + ", out_features=3)\n)\n");
    Hostile.CliRun run = cli(new byte[0], file.toString());
    assertTrue(run.err().contains(file + ":2:28: error: a number of 25 digits: too large for a 64-bit count, so it is"
        + " not read as one\n  (fc): Linear(in_features=" + "9".repeat(25) + ", out_features=3)\n" + " ".repeat(27) + "^\n"),
        run.err());
    Hostile.CliRun json = cli(new byte[0], "--json", "--quiet", file.toString());
    JsonNode d = JSON.readTree(json.out()).get("diagnostics");
    boolean found = false;
    for (JsonNode x : d) {
      found |= x.get("line").asInt() == 2 && x.get("column").asInt() == 28 && x.get("severity").asText().equals("error");
    }
    assertTrue(found, "the same diagnostic as an object in the JSON: " + d);
  }

  @Test
  void aDiagnosticOnAHugeLineShowsAWindowNotTheLine() {
    String text = "Net(\n  (fc): Linear(in_features=" + "1".repeat(500_000) + ", out_features=3)\n)\n";
    Hostile.CliRun run = cli(text.getBytes(StandardCharsets.UTF_8), "-");
    run.assertNoStackTrace();
    assertTrue(run.err().length() < 10_000, "stderr holds " + run.err().length() + " characters");
    assertTrue(run.err().contains("…"), run.err());
  }

  @Test
  void aUtf16FileWithAByteOrderMarkIsRead() throws IOException {
    byte[] bytes = ("\uFEFF" + resnet18()).getBytes(StandardCharsets.UTF_16LE);
    Analysis a = LAYERCOUNT.analyze("in.txt", bytes).get(0);
    assertTrue(a.ok());
    assertTrue(a.parameters().exact());
    diagnostic(a, Severity.INFO, "UTF-16");
  }

  @Test
  void aTotalBeyond64BitsIsABoundNotAnExactCount() {
    Analysis a = analyse("Net(\n  (0-999999998): 999999999 x Linear(in_features=999999999, out_features=999999999, bias=True)\n)\n");
    assertEquals(Long.MAX_VALUE, a.parameters().total());
    assertFalse(a.parameters().exact());
    diagnostic(a, Severity.ERROR, "largest 64-bit count");
  }
}
