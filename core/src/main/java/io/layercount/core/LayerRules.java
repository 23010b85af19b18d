package io.layercount.core;

import io.layercount.core.internal.rules.UserRules;
import io.layercount.core.internal.rules.UserRulesReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Layer rules a user supplies for their own classes, read from a JSON file with the schema of the
 * built-in tables (see the README, "Your own layer rules"): what each class owns itself and what
 * kind of layer it is. A user rule wins over a built-in one for the same class, and each
 * {@link Analysis#userRules()} says which rule counted what.
 *
 * <p>Reading never throws on bad content: every problem is a {@link Diagnostic} with the line and
 * column in the file, and a row with a problem is left out. {@link LayerCount.Builder#rules} takes
 * only rules without errors. Immutable and thread-safe.
 *
 * <pre>{@code
 * LayerRules rules = LayerRules.parse("my-rules.json",
 *     "{\"rules\": [{\"types\": [\"MyBlock\"], \"rule\": \"none\", \"kind\": \"container\"}]}");
 * if (!rules.ok()) {
 *   rules.diagnostics().forEach(d -> System.err.println(rules.name() + ":" + d.line() + ":" + d.column()
 *       + ": " + d.message()));
 * }
 * }</pre>
 */
public final class LayerRules {
  /** Larger rules files are refused: a table of a few thousand classes is well under this. */
  public static final int MAX_BYTES = 4 << 20;

  private final String name;
  private final UserRules rows;
  private final List<Diagnostic> diagnostics;

  private LayerRules(String name, UserRules rows, List<Diagnostic> diagnostics) {
    this.name = name;
    this.rows = rows;
    this.diagnostics = List.copyOf(diagnostics);
  }

  /**
   * Reads the rules file at {@code file} (UTF-8).
   *
   * @throws IOException only when the file cannot be read; what it says is checked, not thrown
   */
  public static LayerRules read(Path file) throws IOException {
    if (Files.size(file) > MAX_BYTES) {
      return new LayerRules(file.toString(), UserRules.NONE, List.of(Diagnostic.error(0, 0,
          "the rules file is larger than " + (MAX_BYTES >> 20) + " MB: not read")));
    }
    return parse(file.toString(), new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
  }

  /**
   * Reads rules from {@code json}.
   *
   * @param name what the rules are called in reports (a file name)
   * @param json the text of a rules file
   */
  public static LayerRules parse(String name, String json) {
    List<Diagnostic> problems = new ArrayList<>();
    UserRules rows = UserRulesReader.read(name, json, problems);
    return new LayerRules(name, rows, problems);
  }

  /** What the rules are called in reports, e.g. the file name. */
  public String name() {
    return name;
  }

  /** Whether the rules were read without errors (warnings allowed). */
  public boolean ok() {
    return diagnostics.stream().noneMatch(d -> d.severity() == Severity.ERROR);
  }

  /** The problems found, positioned in the rules text; empty for a clean file. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** How many rules were read (rows with errors are not counted). */
  public int size() {
    return rows.size();
  }

  UserRules rows() {
    return rows;
  }

  @Override
  public String toString() {
    return name + " (" + size() + " rules)";
  }
}
