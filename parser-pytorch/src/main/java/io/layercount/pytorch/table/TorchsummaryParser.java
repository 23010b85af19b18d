package io.layercount.pytorch.table;

import io.layercount.core.Diagnostic;
import io.layercount.core.Limits;
import io.layercount.core.model.Layer;
import io.layercount.core.model.Network;
import io.layercount.core.spi.ParseResult;
import io.layercount.core.spi.Source;
import io.layercount.core.spi.SummaryParser;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads classic {@code torchsummary.summary()} tables ({@code Conv2d-1  [-1, 64, 112, 112]  1,792})
 * and {@code pytorch_model_summary} tables (an extra {@code Tr. Param #} column): one
 * {@link Network} per table, format {@code torchsummary}.
 *
 * <p>Rows are forward calls, not modules: a module called twice is listed twice, and the footer
 * counts it twice. The text cannot show which rows are the same module, so the rows become
 * children of a nameless root in printed order (containers, which finish after their children,
 * are rows of their own) and the footer's total is reported as stated, with a diagnostic. Each
 * layer is named by its printed id ({@code Conv2d-1}); {@code Input Shape} becomes the argument
 * {@code input_shape}. Stateless and thread-safe.
 */
public final class TorchsummaryParser implements SummaryParser {
  private static final Pattern HEADER = Pattern.compile(" *Layer \\(type\\)( +.*)");
  private static final Pattern ROW_START = Pattern.compile(" *([A-Za-z_][\\w.]*)-(\\d+) +(?=\\[)");

  @Override
  public String family() {
    return "torchsummary";
  }

  @Override
  public double detect(Source source) {
    return TableWraps.detect(source, this::detectRead);
  }

  /** {@link #detect} of the text as given. */
  private double detectRead(Source source) {
    List<Source.Line> lines = source.lines();
    // a header starts with the title: only the lines that hold it (a search other parsers share) are read
    for (int i : source.linesContaining(TorchinfoHeader.TITLE)) {
      if (isHeader(lines, i)) {
        return 0.95;
      }
    }
    return 0;
  }

  @Override
  public ParseResult parse(Source source) {
    return TableWraps.parse(source, this::parseRead);
  }

  /** {@link #parse} of a text whose hard wraps, if any, are joined. */
  private ParseResult parseRead(Source source) {
    TableSplitter.Split split = TableSplitter.split(source, TorchsummaryParser::isHeader, "torchsummary");
    List<Network> networks = new ArrayList<>();
    for (TableBlock block : split.tables()) {
      networks.add(read(block, source.limits()));
    }
    List<Diagnostic> diagnostics = new ArrayList<>(split.ignored());
    networks = split.checked(networks, diagnostics);
    if (networks.isEmpty()) {
      diagnostics.add(Diagnostic.error(0, 0, "no torchsummary table found (no 'Layer (type)' header over 'Name-1' rows)"));
    }
    return new ParseResult(networks, diagnostics);
  }

  /** {@code Layer (type)} with known column titles only, over a row {@code Name-1  [...]}. */
  static boolean isHeader(List<Source.Line> lines, int index) {
    if (!TorchinfoHeader.startsWithLayerTitle(lines.get(index))) {
      return false;
    }
    Matcher m = HEADER.matcher(lines.get(index).text());
    if (!m.matches() || columns(m.group(1)) == null) {
      return false;
    }
    String row = TorchinfoParser.firstRow(lines, index);
    return row != null && ROW_START.matcher(row).lookingAt();
  }

  /** The value columns named after {@code Layer (type)}, or {@code null} if one is unknown. */
  private static List<Column> columns(String titles) {
    List<Column> out = new ArrayList<>();
    int p = 0;
    while (p < titles.length()) {
      if (titles.charAt(p) == ' ') {
        p++;
        continue;
      }
      Column c = Column.titledAt(titles, p);
      if (c == null) {
        return null;
      }
      out.add(c);
      p += c.title().length();
    }
    return out.isEmpty() ? null : out;
  }

  private static Network read(TableBlock block, Limits limits) {
    Matcher h = HEADER.matcher(block.header().text());
    List<Column> columns = h.matches() ? columns(h.group(1)) : List.of();
    boolean modelSummary = columns.contains(Column.TRAINABLE_PARAMS);
    List<Diagnostic> diagnostics = new ArrayList<>();
    diagnostics.add(Diagnostic.info(block.header().number(), 1, (modelSummary ? "pytorch_model_summary" : "torchsummary")
        + " lists one row per forward call: a module called more than once is listed, and its parameters are"
        + " counted, once per call (in 'Total params' too)"
        + (modelSummary ? "" : "; parameters not named weight or bias are not counted")));
    LayerNode root = new LayerNode("", "", 0, 0);
    TrainableRows sums = new TrainableRows();
    for (Source.Line line : RowLimit.rows(block, limits, diagnostics)) {
      LayerNode node = readRow(line, columns, sums, diagnostics);
      if (node != null) {
        root.children.add(node);
      }
    }
    if (!block.closed()) {
      diagnostics.add(Diagnostic.warning(block.header().number(), 1,
          "the table is not closed by a rule or a footer: it may be cut short"));
    }
    Footer footer = Footer.read(block.footer());
    if (footer.totals() == null) {
      diagnostics.add(Diagnostic.warning(block.header().number(), 1, "the table has no 'Total params' footer: no stated total"));
    }
    sums.finish(footer);
    diagnostics.addAll(footer.diagnostics());
    // a pytorch_model_summary row counts its module's whole sub-tree, which torchsummary's does not
    return new Network(modelSummary ? "pytorch-model-summary" : "torchsummary", null, root.toLayer(), false,
        footer.totals(), diagnostics, footer.costs());
  }

  private static LayerNode readRow(Source.Line line, List<Column> columns, TrainableRows sums, List<Diagnostic> diagnostics) {
    String text = line.text();
    String trimmed = text.trim();
    if (trimmed.startsWith("...") || trimmed.startsWith("…") || trimmed.startsWith("⋮")) {
      sums.markElided(line.number());
      // an error, as in a printout: what the rows left out hold is in no count
      diagnostics.add(Diagnostic.error(line.number(), line.column(line.indent()),
          "rows were left out here ('...'): the layers listed are incomplete, so every count is a lower bound"));
      return null;
    }
    Matcher m = ROW_START.matcher(text);
    List<String> cells = m.lookingAt() ? Cells.cellTokens(text, m.end()) : List.of();
    if (cells.size() != columns.size()) {
      diagnostics.add(Diagnostic.warning(line.number(), line.column(line.indent()),
          "row not understood as a torchsummary layer (expected 'Name-N' and " + columns.size() + " cells): ignored"));
      sums.addUnreadable();
      return null;
    }
    LayerNode node = new LayerNode(m.group(1) + "-" + m.group(2), m.group(1), 1, line.number());
    Long params = null;
    Long trainableParams = null;
    String outputShape = null;
    for (int k = 0; k < columns.size(); k++) {
      Column c = columns.get(k);
      String cell = cells.get(k);
      switch (c) {
        case PARAMS -> params = countOrNull(cell);
        case TRAINABLE_PARAMS -> trainableParams = countOrNull(cell);
        case OUTPUT_SHAPE -> outputShape = cell;
        default -> node.arguments.put(c.argumentName(), cell);
      }
    }
    Boolean trainable = trainableParams == null || params == null || params == 0 ? null
        : trainableParams.equals(params) ? Boolean.TRUE : trainableParams == 0 ? Boolean.FALSE : null;
    node.stated = new Layer.Stated(params, trainable, outputShape, List.of());
    if (params == null) {
      sums.addUnreadable();
      diagnostics.add(Diagnostic.warning(line.number(), 1, "parameter count not understood: ignored"));
    } else {
      sums.add(node, params, Boolean.FALSE.equals(trainable));
    }
    return node;
  }

  private static Long countOrNull(String cell) {
    OptionalLong n = Count.parse(cell);
    return n.isPresent() ? n.getAsLong() : null;
  }
}
