package io.layercount.pytorch;

import io.layercount.core.spi.Source;
import java.util.List;

/**
 * {@code print(nn.Linear(3, 4))}: a whole text that is a single one-line module. Taken only when it
 * is the text's one non-blank line, since any {@code f(x)} in a log would look the same.
 */
final class OneLinePrintout {
  private OneLinePrintout() {}

  static Printout of(List<Source.Line> lines) {
    Source.Line only = null;
    for (Source.Line line : lines) {
      if (line.isBlank()) {
        continue;
      }
      if (only != null) {
        return null;
      }
      only = line;
    }
    if (only == null) {
      return null;
    }
    ModuleText text = LineSyntax.moduleText(only.text(), only.indent(), false);
    if (text == null || text.kind() != ModuleText.Kind.ONE_LINE || text.trailingStart() >= 0
        || !Character.isUpperCase(text.typeName().charAt(0))) {
      return null;
    }
    ModuleNode root = new ModuleNode(text.typeName(), text.form(), text.arguments(), only.number());
    return new Printout(root, only.number(), only.number(), false, List.of());
  }
}
