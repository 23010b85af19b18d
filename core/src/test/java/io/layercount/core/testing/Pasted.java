package io.layercount.core.testing;

/**
 * A summary as a page holds it when it was pasted into a block under a line of prose, the block
 * indented and the prose not: the indent common to the whole text is none, so only the lines around
 * the summary can lose it. For the tests of every parser.
 */
public final class Pasted {
  private Pasted() {}

  /** {@code text} as a Markdown code block made by indenting: four spaces before each line with text, prose around. */
  public static String asIndentedBlock(String text) {
    StringBuilder out = new StringBuilder(text.length() + text.length() / 8 + 64);
    out.append("Here is what it printed:\n\n");
    for (String line : lines(text)) {
      out.append(line.isBlank() ? "" : "    " + line).append('\n');
    }
    return out.append("\nThat is all.\n").toString();
  }

  /**
   * {@code text} as R Markdown renders a chunk's output into Markdown: each line after R's
   * {@code ## }, the whole indented four spaces under a fence, prose before it.
   */
  public static String asRMarkdownOutput(String text) {
    StringBuilder out = new StringBuilder(text.length() + text.length() / 4 + 64);
    out.append("The model:\n```\n");
    for (String line : lines(text)) {
      out.append(line.isBlank() ? "    ##" : "    ## " + line).append('\n');
    }
    return out.append("```\n").toString();
  }

  /**
   * The numbers (1-based) of the lines of {@code pasted}, made by this class, that hold text around
   * the summary and not its own: what a parser may warn of as text it skipped, and nothing else.
   */
  public static java.util.Set<Integer> aroundLines(String pasted) {
    java.util.Set<Integer> around = new java.util.HashSet<>();
    String[] lines = pasted.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].isBlank() && !lines[i].startsWith("    ")) {
        around.add(i + 1);
      }
    }
    return around;
  }

  private static String[] lines(String text) {
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    return body.split("\n", -1);
  }
}
