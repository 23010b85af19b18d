package io.layercount.pytorch.table;

import io.layercount.core.Diagnostic;
import io.layercount.core.Limits;
import io.layercount.core.model.Layer;
import io.layercount.core.model.Network;
import io.layercount.core.spi.Source;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Reads one torchinfo table into a {@link Network}; one instance per table (not thread-safe). */
final class TorchinfoTableReader {
  private final TableBlock block;
  private final TorchinfoHeader header;
  private final Limits limits;
  /** Set when the tree passed {@link Limits#maxNestingDepth()}: the rest of the table is not read. */
  private boolean tooDeep;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final TrainableRows sums = new TrainableRows();
  private final Deque<LayerNode> open = new ArrayDeque<>();
  private LayerNode root;
  private int recursiveRows;
  private int firstRecursiveLine;
  /**
   * For a {@code (recursive)} row, the row that first listed its module. torchinfo prints on a
   * module's first row its parameters less those of the child rows listed under it there; child
   * rows that appear first under a later {@code (recursive)} row of the module (children its first
   * call never reached) are inside that count already, so they are taken off it.
   */
  private final Map<LayerNode, LayerNode> firstRows = new IdentityHashMap<>();
  private int overlapLine;

  private TorchinfoTableReader(TableBlock block, TorchinfoHeader header, Limits limits) {
    this.block = block;
    this.header = header;
    this.limits = limits;
  }

  static Network read(TableBlock block, Limits limits) {
    TorchinfoHeader header = TorchinfoHeader.parse(block.header());
    return new TorchinfoTableReader(block, header, limits).read();
  }

  private Network read() {
    for (Source.Line line : RowLimit.rows(block, limits, diagnostics)) {
      if (tooDeep) {
        break;
      }
      accept(TorchinfoRow.read(line, header));
    }
    if (root == null) {
      root = new LayerNode("", "", 0, 0);
      // an error: a table of no row shows none of the model's layers, so no count of it is whole
      diagnostics.add(Diagnostic.error(block.header().number(), 1,
          "the table has no rows: the model's layers are not shown, so every count is a lower bound"));
    }
    if (!block.closed()) {
      diagnostics.add(Diagnostic.warning(block.header().number(), 1,
          "the table is not closed by a rule or a footer: it may be cut short"));
    }
    Footer footer = Footer.read(block.footer());
    if (footer.totals() == null) {
      diagnostics.add(Diagnostic.warning(block.header().number(), 1,
          "the table has no 'Total params' footer: no stated total"));
    }
    if (recursiveRows > 0) {
      diagnostics.add(Diagnostic.info(firstRecursiveLine, 1, recursiveRows
          + " row(s) show '(recursive)': a module already listed, called again; its parameters are"
          + " counted once, on the row that first lists it"));
    }
    if (overlapLine > 0) {
      diagnostics.add(Diagnostic.warning(overlapLine, 1, "rows listed under a '(recursive)' row hold more"
          + " parameters than the first row of their module left for them: the table's counts do not add up,"
          + " so the total may count some parameters twice"));
    }
    sums.finish(footer);
    diagnostics.addAll(footer.diagnostics());
    return new Network("torchinfo", null, root.toLayer(), false, footer.totals(), diagnostics, footer.costs());
  }

  private void accept(TorchinfoRow row) {
    Source.Line line = row.line();
    switch (row.kind()) {
      case ELIDED:
        sums.markElided(line.number());
        // an error, as in a printout: what the rows left out hold is in no count, and without a
        // footer nothing else says so
        diagnostics.add(Diagnostic.error(line.number(), line.column(row.nameColumn()),
            "rows were left out here ('...'): the layers listed are incomplete, so every count is a lower bound"));
        return;
      case UNREADABLE:
        sums.addUnreadable();
        // an error: the row may be a layer, which is then in no count
        diagnostics.add(Diagnostic.error(line.number(), line.column(row.nameColumn()),
            header.collapsed()
                ? "row not understood: the table lost its column padding and this row's cells do not match"
                    + " the header's columns one to one; ignored, so every count is a lower bound"
                : "row not understood as a torchinfo layer: ignored, so every count is a lower bound"));
        return;
      case PARAMETER:
        acceptParameter(row);
        return;
      default:
        acceptModule(row);
    }
  }

  private void acceptModule(TorchinfoRow row) {
    Source.Line line = row.line();
    if (row.depthIdx() != null && row.depth() != row.glyphDepth()) {
      diagnostics.add(Diagnostic.warning(line.number(), line.column(row.nameColumn()),
          "depth-idx " + row.depthIdx() + " disagrees with the tree drawing (level " + row.glyphDepth()
              + "): the depth-idx is used"));
    }
    if (row.leftover() != null) {
      diagnostics.add(Diagnostic.warning(line.number(), 1,
          "text after the last column ignored: '" + row.leftover() + "'"));
    }
    boolean isRoot = root == null && row.depth() == 0;
    LayerNode node = newNode(row, isRoot);
    if (isRoot) {
      root = node;
      open.push(node);
      return;
    }
    if (root == null) {
      root = new LayerNode("", "", 0, 0);
      open.push(root);
      diagnostics.add(Diagnostic.info(line.number(), 1,
          "the table has no root row (older torch-summary): the model is the rows at the top level"));
    }
    attach(node, row);
  }

  private void attach(LayerNode node, TorchinfoRow row) {
    int depth = Math.max(1, row.depth());
    if (row.depth() == 0) {
      diagnostics.add(Diagnostic.warning(row.line().number(), 1,
          "a second root row: read as a child of the first"));
    }
    while (open.size() > 1 && open.peek().depth >= depth) {
      open.pop();
    }
    if (open.size() > limits.maxNestingDepth()) {
      tooDeep = true;
      diagnostics.add(Diagnostic.error(row.line().number(), row.line().column(row.nameColumn()), Limits.exceeded(
          "this row nests modules more than " + limits.maxNestingDepth() + " levels deep", "maxNestingDepth",
          limits.maxNestingDepth()) + "; the rows from here on are not read, so the counts are lower bounds"));
      return;
    }
    LayerNode parent = open.peek();
    if (depth > parent.depth + 1) {
      diagnostics.add(Diagnostic.warning(row.line().number(), row.line().column(row.nameColumn()),
          "row is nested " + (depth - parent.depth) + " levels below the row it belongs to: read as its child"));
    }
    if (node.stated.repeated()) {
      LayerNode first = null;
      for (LayerNode sibling : parent.children) {
        if (!sibling.stated.repeated() && sibling.name.equals(node.name) && sibling.typeName.equals(node.typeName)) {
          first = sibling;
        }
      }
      if (first != null && first.stated.params() != null && first.stated.params() > 0) {
        firstRows.put(node, first);
      }
    } else if (node.stated.params() != null && node.stated.params() > 0) {
      takeOffFirstRow(node.stated.params(), row.line().number());
    }
    parent.children.add(node);
    open.push(node);
  }

  /**
   * A row with {@code params} under a {@code (recursive)} row (at any depth): its parameters are in
   * the count of the first row of that module, which loses them. Where that row has fewer left, the
   * table does not add up: said once, and nothing is taken off.
   */
  private void takeOffFirstRow(long params, int line) {
    for (LayerNode above : open) {
      LayerNode first = firstRows.get(above);
      if (first == null) {
        continue;
      }
      Layer.Stated s = first.stated;
      if (s.params() >= params) {
        first.stated = new Layer.Stated(s.params() - params, s.trainable(), s.outputShape(), s.inbound(),
            s.connections(), s.scope(), s.repeated(), s.typeCompletions());
        sums.lessen(s.trainable() == Boolean.FALSE, params);
      } else if (overlapLine == 0) {
        overlapLine = line;
      }
      return;
    }
  }

  /** The root is nameless; other rows are named by their var_name, else their depth-idx. */
  private LayerNode newNode(TorchinfoRow row, boolean isRoot) {
    String name = isRoot ? "" : row.varName() != null ? row.varName() : row.depthIdx() != null ? row.depthIdx() : "";
    LayerNode node = new LayerNode(name, row.typeName(), row.depth(), row.line().number());
    ParamCell params = ParamCell.parse(row.cell(Column.PARAMS));
    Boolean trainable = trainableColumn(row.cell(Column.TRAINABLE));
    if (params.frozen()) {
      trainable = Boolean.FALSE;
    }
    String shape = row.cell(Column.OUTPUT_SHAPE);
    node.stated = new Layer.Stated(params.count(), trainable, "--".equals(shape) ? null : shape, List.of(), List.of(),
        Layer.ParamScope.OWN, params.recursive(), List.of());
    for (Map.Entry<HeaderColumn, String> cell : row.cells().entrySet()) {
      Column kind = cell.getKey().kind();
      if (kind != Column.PARAMS && kind != Column.OUTPUT_SHAPE && !"--".equals(cell.getValue())) {
        node.arguments.put(cell.getKey().argumentName(), normalized(cell.getValue()));
      }
    }
    if (params.recursive()) {
      node.arguments.put("recursive", "True");
      if (recursiveRows++ == 0) {
        firstRecursiveLine = row.line().number();
      }
    } else if (params.readable()) {
      sums.add(node, params.count(), params.frozen());
    } else {
      sums.addUnreadable();
      diagnostics.add(Diagnostic.warning(row.line().number(), 1,
          "parameter count not understood: '" + row.cell(Column.PARAMS) + "'"));
    }
    return node;
  }

  /** A {@code verbose=2} row naming one parameter tensor: kept on its module, not a layer. */
  private void acceptParameter(TorchinfoRow row) {
    if (root == null) {
      diagnostics.add(Diagnostic.warning(row.line().number(), 1, "parameter row before any layer: ignored"));
      return;
    }
    while (open.size() > 1 && open.peek().depth >= row.glyphDepth()) {
      open.pop();
    }
    String value = TorchinfoRow.withoutGlyphs(row.cell(Column.PARAMS));
    open.peek().arguments.put("param." + row.typeName(), normalized(value == null ? "" : value));
  }

  private static Boolean trainableColumn(String cell) {
    if ("True".equals(cell)) {
      return Boolean.TRUE;
    }
    return "False".equals(cell) ? Boolean.FALSE : null;
  }

  /** Counts lose their thousands separators ({@code 5,602,688} → {@code 5602688}); other text is kept. */
  private static String normalized(String cell) {
    OptionalLong n = Count.parse(cell);
    return n.isPresent() ? Long.toString(n.getAsLong()) : cell;
  }
}
