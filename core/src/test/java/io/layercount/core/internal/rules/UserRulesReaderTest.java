package io.layercount.core.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Diagnostic;
import io.layercount.core.Severity;
import io.layercount.core.model.Arguments;
import io.layercount.core.model.Layer;
import io.layercount.core.model.LayerKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A user's rules file: rows as in the built-in tables, every problem a positioned diagnostic. */
class UserRulesReaderTest {
  @Test
  void readsRuleRowsAndTensorRowsInOrder() {
    List<Diagnostic> problems = new ArrayList<>();
    UserRules rules = UserRulesReader.read("r.json", """
        {"about": "x", "rules": [
          {"types": ["MyConv"], "rule": "conv", "weighted": 2},
          {"pattern": "My\\\\w*Scale", "tensors": [{"name": "gamma", "shape": ["width", 2]}]}
        ]}
        """, problems);
    assertEquals(List.of(), problems);
    assertEquals(2, rules.size());
    assertEquals("r.json:2:3", rules.formulaFor("MyConv").origin());
    assertEquals(2, rules.formulaFor("MyConv").formula().weighted());
    assertEquals(null, rules.formulaFor("MyLayerScale"), "a tensor row is not a formula");
  }

  @Test
  void aUserRuleWinsOverTheBuiltInTable() {
    List<Diagnostic> problems = new ArrayList<>();
    RuleTable table = RuleTable.torch().withUserRules(UserRulesReader.read("r.json",
        "{\"rules\": [{\"types\": [\"Linear\"], \"rule\": \"none\", \"kind\": \"other\"}]}", problems));
    Layer linear = Layer.of("fc", "Linear", Arguments.parse("in_features=4, out_features=2, bias=True"), List.of(), 1);
    assertEquals(10, RuleTable.torch().resolve(linear).ownParameters());
    Resolution mine = table.resolve(linear, null, Place.NONE);
    assertEquals(0, mine.ownParameters());
    assertEquals(LayerKind.OTHER, mine.kind());
    assertEquals("user", mine.basis());
    assertTrue(table.knowsBuiltIn("Linear"));
    assertEquals("r.json:1:12", table.userRuleFor(linear, Place.NONE).origin());
  }

  @Test
  void everyMistakeIsPositioned() {
    List<Diagnostic> problems = new ArrayList<>();
    UserRules rules = UserRulesReader.read("r.json", """
        {"rules": [
          {"types": ["A"], "rule": "conv", "kind": "conv"},
          {"types": "B", "rule": "none"},
          {"rule": "none"},
          {"types": ["C"], "rule": "none", "printed": "bare"},
          {"types": ["D"], "tensors": [{"name": "w", "shape": ["height"]}]},
          {"types": ["E"], "rule": "none", "exact": "yes"},
          {"types": ["F"], "rule": "none"},
          {"types": ["F"], "rule": "linear"}
        ], "extra": 1}
        """, problems);
    assertEquals(List.of(
        "2:36 error unknown kind \"conv\"",
        "3:4 error 'types' is an array",
        "4:3 error a rule names its classes",
        "5:36 error 'printed' belongs to a tensor row",
        "6:20 error 'tensors' is a non-empty array",
        "7:36 error 'exact' is true or false",
        "9:3 warning the rule on line 8 already decides F",
        "10:4 error unknown field 'extra'"),
        problems.stream().map(d -> d.line() + ":" + d.column() + " " + d.severity().label() + " "
            + d.message().substring(0, Math.min(d.message().length(), prefixLength(d)))).toList());
    assertEquals(2, rules.size(), "the rows for F are kept");
  }

  @Test
  void hostileTextNeverThrows() {
    Random random = new Random(9);
    String alphabet = "{}[]\":,0123456789abc \n\\tensorsrulestypes-+.eE";
    for (int i = 0; i < 2_000; i++) {
      StringBuilder sb = new StringBuilder();
      int length = random.nextInt(200);
      for (int j = 0; j < length; j++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      List<Diagnostic> problems = new ArrayList<>();
      UserRulesReader.read("fuzz.json", sb.toString(), problems);
      assertTrue(problems.stream().allMatch(d -> d.line() >= 0 && d.column() >= 0));
    }
    List<Diagnostic> deep = new ArrayList<>();
    UserRulesReader.read("deep.json", "{\"rules\": [{\"types\": " + "[".repeat(100_000), deep);
    assertFalse(deep.isEmpty());
    assertEquals(Severity.ERROR, deep.get(0).severity());
  }

  /** The message up to the quoted detail the expectations name. */
  private static int prefixLength(Diagnostic d) {
    String[] starts = {"unknown kind \"conv\"", "'types' is an array", "a rule names its classes",
        "'printed' belongs to a tensor row", "'tensors' is a non-empty array", "'exact' is true or false",
        "the rule on line 8 already decides F", "unknown field 'extra'"};
    for (String s : starts) {
      if (d.message().startsWith(s)) {
        return s.length();
      }
    }
    return d.message().length();
  }
}
