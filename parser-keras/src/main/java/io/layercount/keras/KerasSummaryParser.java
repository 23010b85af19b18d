package io.layercount.keras;

import io.layercount.core.Diagnostic;
import io.layercount.core.Limits;
import io.layercount.core.model.Network;
import io.layercount.core.spi.ParseResult;
import io.layercount.core.spi.Source;
import io.layercount.core.spi.Source.Line;
import io.layercount.core.spi.SummaryParser;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Keras {@code model.summary()} tables of every era (Keras 1, 2.0-2.15 and tf.keras, Keras 3,
 * TensorFlow.js) into one {@link Network} per table, in text order.
 *
 * <p>A table is found by its header row ({@code Layer (type)}, {@code Output Shape}, {@code Param #});
 * a {@code Model: "name"} line and a rule just above belong to it, and it ends at its footer
 * ({@code Total params:} ...) or where the next table begins. Lines outside every table are reported
 * as {@code info} diagnostics of the {@link ParseResult}, so every input line is accounted for.
 * Stateless and thread-safe.
 */
public final class KerasSummaryParser implements SummaryParser {

  @Override
  public String family() {
    return "keras";
  }

  /**
   * Certain for a Keras 3 box header; high for a plain header followed by a {@code name (Type)} row
   * (torchsummary prints the same header over rows such as {@code Conv2d-1}); low for a header alone.
   */
  @Override
  public double detect(Source source) {
    if (source.linesContaining(Lines.TABLE_TITLE).length == 0) {
      return 0;
    }
    Source read = unprefixed(source);
    double score = detectRead(read);
    // a hard wrap may have cut the header's last title ("Param #") off: looked for joined only then
    return score > 0 ? score : detectRead(KerasWraps.of(read, null));
  }

  /** The characters a box table's header draws its left border with. */
  private static final String BOX_BORDERS = "┃│|║";

  /**
   * {@code source} with the prefix cut that a logger put before the lines of a table, where a line
   * holds the table's title after other text ({@code INFO:root: Layer (type)}, a Keras summary
   * printed with {@code print_fn=logging.info} in a log whose other lines differ):
   * {@link Source#withoutPrefixAround}. A prefix on every line of the text is cut already.
   */
  static Source unprefixed(Source source) {
    return undented(source.withoutPrefixesAround(source.linesContaining(Lines.TABLE_TITLE), KerasSummaryParser::prefixEnd));
  }

  /**
   * {@code source} with the indent cut from the lines of each table that is indented as a block
   * under text that is not ({@link Source#withoutTableIndentAround}: a Markdown code block below a
   * line of prose): past it, the nested tables' {@code |} frames and the cells stand where the
   * reader looks for them. An indent common to the whole text is cut already.
   */
  private static Source undented(Source source) {
    Source read = source;
    int looks = 0;
    for (int i : source.linesContaining(Lines.TABLE_TITLE)) {
      Line header = read.lines().get(i);
      if (header.indent() == 0 || !header.text().contains(Lines.LAYER_TITLE)) {
        continue;
      }
      if (++looks > Source.PREFIX_LOOKS) {
        break;
      }
      read = read.withoutTableIndentAround(i);
    }
    return read;
  }

  /** Where a logger's prefix before the table title on {@code t} would end (0: none is there). */
  private static int prefixEnd(String t) {
    int title = t.indexOf(Lines.TABLE_TITLE);
    // a box header's title stands after its border ("┃ Layer (type)"): the prefix ends before that
    int start = title;
    while (start > 0 && (t.charAt(start - 1) == ' ' || BOX_BORDERS.indexOf(t.charAt(start - 1)) >= 0)) {
      start--;
    }
    return start;
  }

  private static double detectRead(Source source) {
    List<Line> lines = source.lines();
    double best = 0;
    // both headers hold the title: only lines that hold its start (a search other parsers share) are read
    for (int i : source.linesContaining(Lines.TABLE_TITLE)) {
      String t = lines.get(i).text();
      if (!t.contains(Lines.LAYER_TITLE)) {
        continue;
      }
      if (Lines.isBoxHeader(t)) {
        return 1.0;
      }
      if (Lines.isPlainHeader(t) && !t.contains("Layer (type:")) {
        best = Math.max(best, hasKerasRow(lines, i) ? 0.95 : 0.3);
      }
    }
    return best;
  }

  private static boolean hasKerasRow(List<Line> lines, int header) {
    for (int i = header + 1; i < Math.min(lines.size(), header + 6); i++) {
      String t = lines.get(i).text().trim().replace("|", "").trim();
      int open = t.indexOf(" (");
      if (open > 0 && t.indexOf(' ') == open) {
        return true;
      }
    }
    return false;
  }

  @Override
  public ParseResult parse(Source source) {
    Source unprefixed = unprefixed(source);
    // the repairs of the source are reported by the caller; a prefix cut here is this parser's to say
    List<Diagnostic> notes = new ArrayList<>(unprefixed.repairsBeyond(source));
    return parseRead(KerasWraps.of(unprefixed, notes)).notedFirst(notes);
  }

  /** {@link #parse} of a text whose hard wraps, if any, are joined ({@link KerasWraps}). */
  private static ParseResult parseRead(Source source) {
    List<Line> lines = source.lines();
    List<Integer> headers = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String t = lines.get(i).text();
      if (Lines.isBoxHeader(t) || (Lines.isPlainHeader(t) && !t.contains("Layer (type:"))) {
        headers.add(i);
      }
    }
    // the source's repairs are reported by the caller (LayerCount), once
    List<Diagnostic> outside = new ArrayList<>();
    if (headers.isEmpty()) {
      outside.add(Diagnostic.error(0, 0, "no Keras summary table (a 'Layer (type)' header row) found"));
      return new ParseResult(List.of(), outside);
    }
    List<Network> networks = new ArrayList<>();
    int covered = 0;
    for (int k = 0; k < headers.size(); k++) {
      int header = headers.get(k);
      int start = blockStart(lines, header, covered);
      int limit = k + 1 < headers.size() ? blockStart(lines, headers.get(k + 1), header + 1) : lines.size();
      reportSkipped(lines, covered, start, outside);
      List<Diagnostic> diagnostics = new ArrayList<>();
      int[] end = {limit};
      networks.add(readTable(lines, start, header, limit, diagnostics, end, source.limits()));
      covered = end[0];
    }
    reportSkipped(lines, covered, lines.size(), outside);
    return new ParseResult(networks, outside);
  }

  /** The first line of the table whose header is at {@code header}: a rule and a Model line above it. */
  private static int blockStart(List<Line> lines, int header, int floor) {
    int start = header;
    if (start - 1 >= floor && Lines.isTopRule(lines.get(start - 1).text())) {
      start--;
    }
    if (start - 1 >= floor && Lines.modelName(lines.get(start - 1).text()) != null) {
      start--;
    }
    return start;
  }

  private static Network readTable(List<Line> lines, int start, int header, int limit, List<Diagnostic> diagnostics,
      int[] end, Limits limits) {
    String modelName = Lines.modelName(lines.get(start).text());
    int footerAt = -1;
    for (int i = header + 1; i < limit; i++) {
      if (Footer.starts(lines.get(i).text())) {
        footerAt = i;
        break;
      }
    }
    int bodyEnd = footerAt >= 0 ? footerAt : limit;
    boolean box = Lines.isBoxHeader(lines.get(header).text());
    boolean cut = false;
    if (footerAt < 0 && !box) {
      // no footer: the table ends at its closing '=' rule, not at the next table or the text's end
      // (a log's lines after it were read as rows)
      int close = closingRule(lines, header, limit);
      cut = close < 0 && !ruleInsideLine(lines, header, limit);
      bodyEnd = close < 0 ? limit : close;
    }
    TableRows table;
    int afterBody = bodyEnd;
    if (box) {
      int[] boxEnd = {bodyEnd};
      table = BoxTableReader.read(lines, header, bodyEnd, diagnostics, boxEnd);
      afterBody = boxEnd[0];
    } else {
      table = PlainTableReader.read(lines, header, bodyEnd, diagnostics);
    }
    Network.StatedTotals totals = null;
    end[0] = afterBody;
    if (footerAt >= 0) {
      reportInside(lines, afterBody, footerAt, diagnostics);
      Footer footer = Footer.read(lines, footerAt, limit, diagnostics);
      totals = footer.totals();
      end[0] = footer.end();
    } else if (cut && !table.rows().isEmpty()) {
      // neither a closing rule nor a footer after the rows: the text stops inside the table (an
      // excerpt, a log cut off), and the rows after its last line are in no count
      Line last = lines.get(Math.max(header, bodyEnd - 1));
      diagnostics.add(Diagnostic.error(last.number(), last.column(0), "the table stops after line "
          + last.number() + " with no closing rule and no 'Total params' footer: the text was cut inside it, so"
          + " every count is a lower bound"));
    } else {
      Line h = lines.get(header);
      diagnostics.add(Diagnostic.warning(h.number(), h.column(0),
          "this table has no 'Total params' footer: the stated totals are unknown"));
    }
    if (table.rows().isEmpty()) {
      Line h = lines.get(header);
      int text = 0;
      for (int i = header + 1; i < afterBody; i++) {
        String t = lines.get(i).text();
        text += t.isBlank() || Lines.isRule(t, "_=¯-|") || Lines.isRule(t, "─━┃│┏┓┗┛┡┩╇┯┷") ? 0 : 1;
      }
      // an error too: a model of no layer is what no summary prints (a header left over from a log
      // whose rows were read elsewhere, or lost), so no count of it is whole
      diagnostics.add(text == 0 ? Diagnostic.error(h.number(), h.column(0), "this table has no layer rows: the"
              + " model's layers are not shown, so every count is a lower bound")
          : Diagnostic.error(h.number(), h.column(0), "no line of this table could be read as a layer's row ("
              + text + " line(s) under its header): every count is a lower bound"));
    }
    return NetworkAssembler.assemble(table, modelName, totals, lines.get(header).number(), diagnostics, limits);
  }

  /**
   * The line after a plain table's closing {@code =} rule: the first such rule after a row, past the
   * rule under the header; -1 where there is none.
   */
  private static int closingRule(List<Line> lines, int header, int limit) {
    boolean row = false;
    for (int i = header + 1; i < limit; i++) {
      String t = lines.get(i).text();
      if (Lines.isRule(t, "=")) {
        if (row) {
          return i + 1;
        }
      } else if (!t.isBlank() && !Lines.isRule(t, "_¯-")) {
        row = true;
      }
    }
    return -1;
  }

  /**
   * Whether a line after the table's first row holds a run of {@code =} behind other text: its
   * closing rule with a prefix of its own (a log's lines, a browser console's {@code
   * layer_utils.js:74}), so the table was printed to its end, though not read as such.
   */
  private static boolean ruleInsideLine(List<Line> lines, int header, int limit) {
    boolean row = false;
    for (int i = header + 1; i < limit; i++) {
      String t = lines.get(i).text();
      if (row && t.contains("==========")) {
        return true;
      }
      row |= !t.isBlank() && !Lines.isRule(t, "=_¯-");
    }
    return false;
  }

  /** Text between a table's end and its footer. */
  private static void reportInside(List<Line> lines, int from, int to, List<Diagnostic> out) {
    for (int i = from; i < to; i++) {
      if (!lines.get(i).isBlank()) {
        out.add(Diagnostic.warning(lines.get(i).number(), lines.get(i).column(0),
            "line " + lines.get(i).number() + " between the table and its footer was skipped: " + preview(lines.get(i).text())));
      }
    }
  }

  private static void reportSkipped(List<Line> lines, int from, int to, List<Diagnostic> out) {
    int i = from;
    while (i < to) {
      while (i < to && lines.get(i).isBlank()) {
        i++;
      }
      if (i >= to) {
        return;
      }
      int first = i;
      while (i < to && !lines.get(i).isBlank()) {
        i++;
      }
      int last = i - 1;
      String what = first == last
          ? "line " + lines.get(first).number() + " is"
          : "lines " + lines.get(first).number() + "-" + lines.get(last).number() + " are";
      out.add(Diagnostic.info(lines.get(first).number(), lines.get(first).column(0),
          what + " not part of a Keras summary and skipped: " + preview(lines.get(first).text())));
    }
  }

  private static String preview(String text) {
    String t = text.trim();
    return t.length() > 60 ? t.substring(0, 60) + "…" : t;
  }
}
