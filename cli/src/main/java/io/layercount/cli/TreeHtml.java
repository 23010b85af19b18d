package io.layercount.cli;

import static io.layercount.cli.HtmlReport.esc;

/**
 * The layer tree as nested lists: a container is a {@code <details>} element (opened and closed
 * with the mouse or with Enter and Space), a leaf a row; every row shows the name, the class with
 * its arguments, the parameters of all its occurrences and an empty mark the selector fills.
 */
final class TreeHtml {
  private static final int TYPE_WIDTH = 72;

  private final LayerTree tree;
  private final String prefix;
  private final int openLevels;

  /**
   * @param prefix prefix of the element ids, one per model on the page
   * @param openLevels containers above this level start open
   */
  TreeHtml(LayerTree tree, String prefix, int openLevels) {
    this.tree = tree;
    this.prefix = prefix;
    this.openLevels = openLevels;
  }

  void render(StringBuilder sb) {
    sb.append("<h3 id=\"").append(prefix).append("tree-title\">Layer tree</h3>\n")
        .append("<p class=\"tree-tools\"><button type=\"button\" class=\"expand\">Expand all</button> ")
        .append("<button type=\"button\" class=\"collapse\">Collapse all</button> ")
        .append("<span class=\"legend\">parameters are per node, children and every occurrence of a run included</span></p>\n")
        .append("<div class=\"tree\" role=\"region\" aria-labelledby=\"").append(prefix).append("tree-title\">\n<ul>\n");
    int level = 0;
    for (LayerTree.Node node : tree.nodes()) {
      for (; level > node.level(); level--) {
        sb.append("</ul></details></li>\n");
      }
      sb.append("<li>");
      if (node.isLeaf()) {
        row(sb, node, "div");
        sb.append("</li>\n");
      } else {
        sb.append("<details").append(node.level() < openLevels ? " open" : "").append('>');
        row(sb, node, "summary");
        sb.append("<ul>\n");
        level = node.level() + 1;
      }
    }
    for (; level > 0; level--) {
      sb.append("</ul></details></li>\n");
    }
    sb.append("</ul>\n</div>\n");
  }

  private void row(StringBuilder sb, LayerTree.Node node, String tag) {
    KindStyle style = KindStyle.of(node);
    String type = NodeText.type(node);
    String fullType = node.layer().typeName()
        + (node.isLeaf() && !node.layer().arguments().raw().isEmpty() ? "(" + node.layer().arguments().raw() + ")" : "");
    if (type.length() > TYPE_WIDTH) {
      type = type.substring(0, TYPE_WIDTH - 1) + "…";
    }
    sb.append('<').append(tag).append(" class=\"row\" id=\"").append(prefix).append('n').append(node.id())
        .append("\" data-path=\"").append(esc(node.path())).append('"');
    if (tag.equals("div")) {
      sb.append(" tabindex=\"-1\"");
    }
    sb.append("><span class=\"kind\" style=\"background:").append(style.fill()).append("\" title=\"")
        .append(KindStyle.drawnKind(node).label()).append("\"></span>")
        .append("<span class=\"name\">").append(esc(node.parent() < 0 ? "(root)" : NodeText.name(node)))
        .append("</span><span class=\"mark\"></span>")
        .append("<span class=\"params\">").append(esc(NodeText.parameters(node))).append("</span> ")
        .append("<span class=\"type\" title=\"").append(esc(fullType)).append("\">").append(esc(type))
        .append("</span></").append(tag).append(">");
  }
}
