package io.layercount.cli;

import io.layercount.core.Diagnostic;
import io.layercount.core.LayerRules;
import io.layercount.core.Severity;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code --rules} files before any input: their problems are printed like an input's
 * diagnostics ({@code file:line:col: severity: message}, the line and a caret), and a file with an
 * error stops the run, since every count would silently lack the rules the user asked for.
 */
final class RulesFiles {
  private RulesFiles() {}

  /**
   * The rules of {@code files}, in order, or {@code null} when one cannot be read or has an error
   * (the reason went to {@code err}).
   *
   * @param quiet leave warnings out
   */
  static List<LayerRules> load(List<String> files, PrintStream err, boolean quiet) {
    List<LayerRules> out = new ArrayList<>();
    for (String file : files) {
      LayerRules rules;
      try {
        rules = LayerRules.read(Path.of(file));
      } catch (IOException | InvalidPathException e) {
        err.println("layercount: the rules file " + file + " cannot be read: " + reason(e));
        return null;
      }
      if (!rules.diagnostics().isEmpty()) {
        print(file, rules, err, quiet);
      }
      if (!rules.ok()) {
        err.println("layercount: " + file + " has errors: nothing was analysed");
        return null;
      }
      out.add(rules);
    }
    return out;
  }

  private static void print(String file, LayerRules rules, PrintStream err, boolean quiet) {
    SourceExcerpt excerpt = SourceExcerpt.of(file, text(file));
    for (Diagnostic d : rules.diagnostics()) {
      if (!quiet || d.severity() == Severity.ERROR) {
        DiagnosticPrinter.print(err, file, d, excerpt);
      }
    }
  }

  /** The file's text for the excerpt; {@code null} (no excerpt) when it cannot be read again. */
  private static String text(String file) {
    try {
      return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static String reason(Exception e) {
    return e instanceof java.nio.file.NoSuchFileException ? "no such file"
        : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
        : e.getMessage();
  }
}
