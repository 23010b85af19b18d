package io.layercount.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --rules FILE}: the real tool teaches the engine the user's classes, or refuses a bad file. */
class RulesOptionTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String PRINTOUT = """
      Net(
        (stem): Conv2d(3, 16, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))
        (gate): MyGate(in_features=16, out_features=16)
        (norm): MyNorm()
        (fc): Linear(in_features=16, out_features=10, bias=True)
      )
      """;
  private static final String RULES = """
      {"rules": [
        {"types": ["Net"], "rule": "none", "kind": "container"},
        {"types": ["MyGate"], "rule": "linear"},
        {"types": ["MyNorm"], "printed": "bare", "kind": "normalization",
         "tensors": [{"name": "weight", "shape": ["width"]}, {"name": "bias", "shape": ["width"]}]}
      ]}
      """;

  @TempDir Path dir;

  @Test
  void rulesMakeTheTotalExactAndTheJsonSaysWhichRuleCountedWhat() throws IOException {
    Path net = write("net.txt", PRINTOUT);
    JsonNode without = json(Run.of(Main::run, "", "--json", net.toString()));
    assertFalse(without.at("/parameters/exact").asBoolean());
    assertEquals(0, without.get("userRules").size());

    Path rules = write("my-rules.json", RULES);
    Run run = Run.of(Main::run, "", "--json", "--rules", rules.toString(), net.toString());
    assertEquals(0, run.status(), run.err());
    JsonNode with = json(run);
    assertTrue(with.at("/parameters/exact").asBoolean(), run.out());
    long conv = 3 * 16 * 9 + 16;
    long gate = 16 * 16 + 16;
    long norm = 2 * 16;
    long fc = 16 * 10 + 10;
    assertEquals(conv + gate + norm + fc, with.at("/parameters/total").asLong());
    JsonNode applied = with.get("userRules");
    assertEquals(3, applied.size());
    assertEquals("MyNorm", applied.get(2).get("type").asText());
    assertEquals(rules + ":4:3", applied.get(2).get("rule").asText());
    assertEquals("normalization", applied.get(2).get("kind").asText());
    assertEquals(norm, applied.get(2).get("parameters").asLong());
    assertTrue(run.err().contains("info: the user rule at " + rules + ":3:3 counted MyGate (fully-connected)"),
        run.err());
  }

  @Test
  void aBadRulesFileIsPointedAtAndNothingIsAnalysed() throws IOException {
    Path net = write("net.txt", PRINTOUT);
    Path rules = write("bad.json", "{\"rules\": [\n  {\"types\": [\"MyGate\"], \"rule\": \"linear\", \"weigthed\": 1}\n]}\n");
    Run run = Run.of(Main::run, "", "--rules", rules.toString(), net.toString());
    assertEquals(Cli.USAGE, run.status());
    assertEquals("", run.out());
    assertTrue(run.err().startsWith(rules + ":2:43: error: unknown field 'weigthed'"), run.err());
    assertTrue(run.err().contains("\n" + " ".repeat(42) + "^\n"), run.err());
    assertFalse(run.err().contains("Exception"), run.err());
  }

  @Test
  void aMissingRulesFileIsAUsageError() throws IOException {
    Path net = write("net.txt", PRINTOUT);
    Run run = Run.of(Main::run, "", "--rules", dir.resolve("none.json").toString(), net.toString());
    assertEquals(Cli.USAGE, run.status());
    assertTrue(run.err().contains("none.json cannot be read: no such file"), run.err());
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private static JsonNode json(Run run) throws IOException {
    return MAPPER.readTree(run.out());
  }
}
