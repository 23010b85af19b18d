package io.layercount.pytorch;

/**
 * What a line says about one module: the text after {@code (key): } or a root's first line.
 *
 * @param kind none, a block opener or a one-line module
 * @param typeName the class name ({@code null} for {@code None})
 * @param form how the opener was written
 * @param arguments the text between the parentheses of a one-line module, else {@code null}
 * @param typeStart index in the line where the type name starts
 * @param trailingStart index in the line of text after a one-line module's closing parenthesis, or -1
 * @param count the {@code n} of a run's {@code n x } prefix, or 0 when there is none
 */
record ModuleText(
    Kind kind, String typeName, ModuleNode.Form form, String arguments, int typeStart, int trailingStart, int count) {

  enum Kind {
    NONE,
    OPEN,
    ONE_LINE
  }

  /** The closing character a block opened by this text expects. */
  char closer() {
    return form == ModuleNode.Form.BRACES ? '}' : ')';
  }
}
