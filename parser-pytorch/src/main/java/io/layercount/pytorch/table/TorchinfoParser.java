package io.layercount.pytorch.table;

import io.layercount.core.Diagnostic;
import io.layercount.core.model.Network;
import io.layercount.core.spi.ParseResult;
import io.layercount.core.spi.Source;
import io.layercount.core.spi.SummaryParser;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code torchinfo.summary()} tables (and those of its predecessor torch-summary 1.x): one
 * {@link Network} per table, format {@code torchinfo}.
 *
 * <p>The root layer is the model's row (or, where the table has none, a nameless root holding the
 * top-level rows); children nest by the {@code d-i} suffix or, without it, by the tree glyphs. Each
 * layer's {@link io.layercount.core.model.Layer.Stated} holds the printed {@code Param #} (the
 * parameters no row below it shows, scope {@link io.layercount.core.model.Layer.ParamScope#OWN}:
 * {@code --} is 0; {@code (1,234)} is not trainable; {@code (recursive)}, a module shown before, is
 * {@code null}, flagged {@link io.layercount.core.model.Layer.Stated#repeated()} and kept as the
 * argument {@code recursive=True}) and the output shape; the footer's mult-adds and sizes become the
 * network's {@link io.layercount.core.model.Network.StatedCosts}. Other columns become arguments: {@code input_shape},
 * {@code kernel_size}, {@code groups}, {@code mult_adds}, {@code params_percent}, {@code trainable};
 * {@code verbose=2} parameter rows become {@code param.<name>} arguments of their module. Stateless
 * and thread-safe.
 */
public final class TorchinfoParser implements SummaryParser {
  private static final Pattern TORCHSUMMARY_ID = Pattern.compile("[A-Za-z_][\\w.]*-\\d+");
  private static final Pattern CELL = Pattern.compile(
      "--|\\[[-\\d, \\[\\]]*\\]|\\(?[\\d,]+\\)?|\\(recursive\\)|[\\d.]+%|True|False|Partial");

  @Override
  public String family() {
    return "torchinfo";
  }

  @Override
  public double detect(Source source) {
    return TableWraps.detect(source, this::detectRead);
  }

  /** {@link #detect} of the text as given. */
  private double detectRead(Source source) {
    List<Source.Line> lines = source.lines();
    double best = 0;
    // a header starts with the title: only the lines that hold it (a search other parsers share) are read
    for (int i : source.linesContaining(TorchinfoHeader.TITLE)) {
      if (isHeader(lines, i)) {
        Matcher m = TorchinfoHeader.layerTitle(lines.get(i));
        best = Math.max(best, m.group(2) != null || m.group(3) != null ? 0.95 : 0.85);
      }
    }
    return best;
  }

  @Override
  public ParseResult parse(Source source) {
    return TableWraps.parse(source, this::parseRead);
  }

  /** {@link #parse} of a text whose hard wraps, if any, are joined. */
  private ParseResult parseRead(Source source) {
    TableSplitter.Split split = TableSplitter.split(source, TorchinfoParser::isHeader, "torchinfo");
    List<Network> networks = new ArrayList<>();
    for (TableBlock block : split.tables()) {
      networks.add(TorchinfoTableReader.read(block, source.limits()));
    }
    List<Diagnostic> diagnostics = new ArrayList<>(split.ignored());
    networks = split.checked(networks, diagnostics);
    if (networks.isEmpty()) {
      diagnostics.add(Diagnostic.error(0, 0, "no torchinfo table found (no 'Layer (type...)' header)"));
    }
    return new ParseResult(networks, diagnostics);
  }

  /**
   * A torchinfo header: {@code Layer (type:depth-idx)} or {@code (type (var_name)...)} always;
   * a bare {@code Layer (type)} (also torchsummary's and Keras's) only when the next row is drawn
   * with tree glyphs or is a root row whose cells all look like torchinfo's.
   */
  static boolean isHeader(List<Source.Line> lines, int index) {
    Matcher m = TorchinfoHeader.layerTitle(lines.get(index));
    if (m == null) {
      return false;
    }
    if (m.group(2) != null || m.group(3) != null) {
      return true;
    }
    String row = firstRow(lines, index);
    return row != null && (TorchinfoRow.startsWithBranch(row.trim()) || isPlainRootRow(row));
  }

  private static boolean isPlainRootRow(String row) {
    List<String> tokens = Cells.tokens(row, 0);
    if (tokens.size() < 2 || TORCHSUMMARY_ID.matcher(tokens.get(0)).matches()) {
      return false;
    }
    for (String t : tokens.subList(1, tokens.size())) {
      if (!CELL.matcher(t).matches()) {
        return false;
      }
    }
    return true;
  }

  /** The first line after a header that is neither blank nor a rule, or {@code null}. */
  static String firstRow(List<Source.Line> lines, int header) {
    for (int j = header + 1; j < lines.size(); j++) {
      String t = lines.get(j).text();
      if (!t.isBlank() && !TableSplitter.isRule(t)) {
        return t;
      }
    }
    return null;
  }
}
