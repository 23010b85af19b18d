package io.layercount.pytorch.table;

import io.layercount.core.spi.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header row of a torchinfo table: {@code Layer (type:depth-idx)}, {@code Layer (type
 * (var_name):depth-idx)}, {@code Layer (type (var_name))} or {@code Layer (type)}, then the value
 * column titles in any set and order.
 *
 * @param depthIdx rows carry a {@code : depth-idx} suffix
 * @param varNames rows carry a {@code (var_name)}
 * @param layerWidth the width of the layer column (cells start one space after it)
 * @param columns the value columns in printed order
 * @param collapsed the titles are one space apart: the paste lost its padding, so cells cannot be
 *     found by position
 */
record TorchinfoHeader(boolean depthIdx, boolean varNames, int layerWidth, List<HeaderColumn> columns,
    boolean collapsed) {
  private static final Pattern LAYER_TITLE =
      Pattern.compile("( *)Layer \\(type( \\(var_name\\))?(:depth-idx)?\\)(?= |$)");

  TorchinfoHeader {
    columns = List.copyOf(columns);
  }

  /**
   * Whether {@code line} starts like a torchinfo header; {@code Layer (type)} alone also fits others.
   * Every line of every text is asked: most are settled by the title at the line's indent.
   */
  static Matcher layerTitle(Source.Line line) {
    if (!startsWithLayerTitle(line)) {
      return null;
    }
    Matcher m = LAYER_TITLE.matcher(line.text());
    return m.lookingAt() ? m : null;
  }

  /** Whether {@code line} is spaces and then {@code Layer (type}: what every header title starts with. */
  static boolean startsWithLayerTitle(Source.Line line) {
    return line.text().startsWith(TITLE, line.indent());
  }

  /** What every header's first title starts with. */
  static final String TITLE = "Layer (type";

  /** Reads a header row, or {@code null} if {@code line} is not one. */
  static TorchinfoHeader parse(Source.Line line) {
    String text = line.text();
    Matcher m = layerTitle(line);
    if (m == null) {
      return null;
    }
    List<int[]> spans = new ArrayList<>();
    List<Column> kinds = new ArrayList<>();
    int p = m.end();
    while (p < text.length()) {
      while (p < text.length() && text.charAt(p) == ' ') {
        p++;
      }
      if (p >= text.length()) {
        break;
      }
      Column known = Column.titledAt(text, p);
      int end = known != null ? p + known.title().length() : unknownTitleEnd(text, p);
      spans.add(new int[] {p, end});
      kinds.add(known != null ? known : Column.OTHER);
      p = end;
    }
    List<HeaderColumn> columns = new ArrayList<>();
    for (int k = 0; k < spans.size(); k++) {
      int start = spans.get(k)[0];
      int width = k + 1 < spans.size() ? spans.get(k + 1)[0] - start - 1 : Integer.MAX_VALUE;
      columns.add(new HeaderColumn(kinds.get(k), text.substring(start, spans.get(k)[1]), start, width));
    }
    int layerWidth = columns.isEmpty() ? text.length() : columns.get(0).start() - 1;
    boolean collapsed = !columns.isEmpty() && text.charAt(columns.get(0).start() - 2) != ' ';
    for (int k = 0; k + 1 < columns.size(); k++) {
      collapsed |= columns.get(k).width() == columns.get(k).title().length();
    }
    return new TorchinfoHeader(m.group(3) != null, m.group(2) != null, layerWidth, columns, collapsed);
  }

  /** An unknown title runs to two spaces or the end of the line. */
  private static int unknownTitleEnd(String text, int from) {
    int gap = text.indexOf("  ", from);
    return gap < 0 ? text.length() : gap;
  }
}
