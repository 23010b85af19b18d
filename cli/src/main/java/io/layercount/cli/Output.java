package io.layercount.cli;

import io.layercount.core.Convention;

/**
 * The views beyond the report: which one goes to standard output, and where the HTML page goes.
 *
 * @param view what standard output gets
 * @param list the convention {@code --list} lists, or {@code null}
 * @param htmlFile where {@code --html} writes the page, or {@code null}
 */
record Output(View view, Convention list, String htmlFile) {
  /** The report (text or JSON) and no page. */
  static final Output REPORT = new Output(View.REPORT, null, null);

  /** What standard output gets. */
  enum View {
    /** The text report, JSON Lines or {@code --explain}, as the other options say. */
    REPORT,
    MARKDOWN,
    DOT,
    MERMAID,
    LIST
  }
}
