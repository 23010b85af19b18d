package io.layercount.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.layercount.core.Analysis;
import io.layercount.core.Convention;
import io.layercount.core.Diagnostic;
import io.layercount.core.LayerFacts;
import io.layercount.core.model.Network;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One self-contained HTML page (inline CSS, JavaScript and SVG; nothing fetched, works from disk)
 * with a section per model: the conventions with their meanings, a selector that highlights in
 * the collapsible layer tree what a convention counted (the depth path in order, and what it left
 * out and why), parameters per node, a bar chart of parameters by top-level block, and the
 * diagnostics with their lines.
 */
final class HtmlReport {
  /** Paths listed in order per convention; the tree still marks every counted node. */
  static final int MAX_LISTED = 5_000;
  /** Trees up to this many nodes open fully; bigger ones open their first two levels. */
  private static final int OPEN_ALL = 400;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String CSS = resource("report.css");
  private static final String JS = resource("report.js");

  private record Entry(String file, Analysis analysis, SourceExcerpt lines, boolean several) {}

  private final List<Entry> entries = new ArrayList<>();
  private final Function<Network, LayerFacts> facts;

  /** A report whose trees show what the built-in rules say about each module. */
  HtmlReport() {
    this(LayerFacts::of);
  }

  /** A report whose trees show what {@code facts} says about each module (the rules in force). */
  HtmlReport(Function<Network, LayerFacts> facts) {
    this.facts = facts;
  }

  /** Adds the section of one model. */
  void add(String file, Analysis a, SourceExcerpt lines, boolean several) {
    entries.add(new Entry(file, a, lines, several));
  }

  /** Writes the page to {@code file}; false (and a message on {@code err}) when it cannot. */
  boolean write(String file, PrintStream err) {
    try {
      Files.writeString(Path.of(file), render(), StandardCharsets.UTF_8);
      return true;
    } catch (IOException | RuntimeException e) {
      err.println("layercount: cannot write " + file + ": " + e.getMessage());
      return false;
    }
  }

  /** The whole page. */
  String render() {
    StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>layercount: ").append(esc(entries.isEmpty() ? "no input" : entries.get(0).file()))
        .append(entries.size() > 1 ? " and more" : "").append("</title>\n<style>\n").append(CSS)
        .append("</style>\n</head>\n<body>\n<header class=\"page\"><h1>layercount report</h1>")
        .append("<p>How many layers? Every counting convention side by side; pick one to see the layers it counted.</p>")
        .append("</header>\n<main>\n");
    for (int i = 0; i < entries.size(); i++) {
      section(sb, "m" + i + "-", entries.get(i));
    }
    return sb.append("</main>\n<script>\n").append(JS).append("</script>\n</body>\n</html>\n").toString();
  }

  private void section(StringBuilder sb, String prefix, Entry e) {
    Analysis a = e.analysis();
    sb.append("<section class=\"model\" id=\"").append(prefix).append("model\" data-prefix=\"").append(prefix)
        .append("\">\n<h2>").append(esc(e.file()));
    if (e.several()) {
      sb.append(" <span class=\"sub\">(summary ").append(a.index() + 1).append(")</span>");
    }
    sb.append("</h2>\n");
    LayerTree tree = LayerTree.of(a, facts);
    if (tree == null) {
      sb.append("<p class=\"failed\">No model recovered.</p>\n");
      diagnostics(sb, e);
      sb.append("</section>\n");
      return;
    }
    summary(sb, a);
    sb.append("<div class=\"columns\">\n<div class=\"left\">\n");
    conventions(sb, prefix, a);
    sb.append("<div class=\"listing\" aria-live=\"polite\"></div>\n");
    BarChart.render(sb, tree);
    sb.append("</div>\n<div class=\"right\">\n");
    new TreeHtml(tree, prefix, tree.nodes().size() <= OPEN_ALL ? Integer.MAX_VALUE : 2).render(sb);
    sb.append("</div>\n</div>\n");
    diagnostics(sb, e);
    sb.append("<script type=\"application/json\" class=\"data\">").append(data(a, tree)).append("</script>\n");
    sb.append("</section>\n");
  }

  private static void summary(StringBuilder sb, Analysis a) {
    Analysis.Parameters p = a.parameters();
    sb.append("<p class=\"summary\"><span class=\"model-name\">").append(esc(TextReport.model(a.model())))
        .append("</span>, read as <code>").append(esc(a.format() == null ? "unknown" : a.format()))
        .append("</code>. <strong class=\"total\">").append(Numbers.grouped(p.total()))
        .append("</strong> parameters, <span class=\"exactness\">").append(esc(TextReport.exactness(a)))
        .append("</span>; ").append(esc(TextReport.memory(p.total()))).append(".</p>\n");
  }

  private static void conventions(StringBuilder sb, String prefix, Analysis a) {
    sb.append("<h3>Layers, counted each way</h3>\n<table class=\"conventions\">\n")
        .append("<thead><tr><th scope=\"col\">convention</th><th scope=\"col\" class=\"num\">layers</th>")
        .append("<th scope=\"col\">what it counts</th></tr></thead>\n<tbody>\n");
    for (Convention c : Convention.values()) {
      sb.append("<tr data-convention=\"").append(c.key()).append("\"><th scope=\"row\"><code>").append(c.key())
          .append("</code></th><td class=\"count num\" data-convention=\"").append(c.key()).append("\">")
          .append(esc(Numbers.count(a.layers(), c))).append("</td><td>").append(esc(TextReport.meaning(a, c)))
          .append("</td></tr>\n");
    }
    sb.append("</tbody>\n</table>\n<p class=\"chooser\"><label for=\"").append(prefix)
        .append("convention\">Highlight the layers counted by</label>\n<select id=\"").append(prefix)
        .append("convention\" class=\"convention\">\n");
    for (Convention c : Convention.values()) {
      Integer n = a.layers().get(c);
      sb.append("<option value=\"").append(c.key()).append("\">").append(c.key())
          .append(n == null ? "" : " (" + esc(Numbers.count(a.layers(), c)) + ")").append("</option>\n");
    }
    sb.append("</select></p>\n");
  }

  private static void diagnostics(StringBuilder sb, Entry e) {
    List<Diagnostic> diagnostics = e.analysis().diagnostics();
    sb.append("<h3>Diagnostics</h3>\n");
    if (diagnostics.isEmpty()) {
      sb.append("<p class=\"none\">None: the text was read without a problem.</p>\n");
      return;
    }
    sb.append("<ul class=\"diagnostics\">\n");
    for (Diagnostic d : diagnostics) {
      sb.append("<li class=\"").append(d.severity().label()).append("\"><span class=\"severity\">")
          .append(d.severity().label()).append("</span> ");
      if (d.line() > 0) {
        sb.append("<span class=\"where\">line ").append(d.line());
        if (d.column() > 0) {
          sb.append(", column ").append(d.column());
        }
        sb.append("</span> ");
      }
      sb.append(esc(d.message()));
      String line = e.lines().line(d.line());
      if (line != null) {
        sb.append("<pre>").append(esc(line));
        if (d.column() > 0 && d.column() <= line.length() + 1) {
          sb.append('\n').append(" ".repeat(d.column() - 1)).append('^');
        }
        sb.append("</pre>");
      }
      sb.append("</li>\n");
    }
    sb.append("</ul>\n");
  }

  /** What the selector needs: per convention the counted nodes, the paths in order, what depth left out. */
  private static String data(Analysis a, LayerTree tree) {
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode conventions = root.putObject("conventions");
    for (Convention c : Convention.values()) {
      ObjectNode node = conventions.putObject(c.key());
      List<String> paths = ListRenderer.paths(a, c);
      node.put("why", paths == null ? ListRenderer.whyNone(a, c) : null);
      ObjectNode counted = node.putObject("nodes");
      Map<Integer, Integer> marks = c == Convention.KERAS ? kerasNodes(a, tree) : tree.counted(c);
      marks.forEach((id, n) -> counted.put(Integer.toString(id), n));
      List<String> order = c == Convention.KERAS
          ? (paths == null ? List.of() : paths)
          : a.explanation().counted().getOrDefault(c, List.of());
      ArrayNode listed = node.putArray("order");
      order.stream().limit(MAX_LISTED).forEach(path -> listed.addObject().put("path", path).put("node", tree.find(path)));
      node.put("more", Math.max(0, order.size() - MAX_LISTED));
      if (c == Convention.DEPTH) {
        ObjectNode reasons = node.putObject("reasons");
        tree.excluded().forEach((id, reason) -> reasons.put(Integer.toString(id), reason));
        ArrayNode excluded = node.putArray("excluded");
        a.explanation().excluded().getOrDefault(c, List.of()).stream().limit(MAX_LISTED)
            .forEach(x -> excluded.addObject().put("path", x.path()).put("node", tree.find(x.path()))
                .put("reason", x.reason()));
      }
    }
    try {
      // "<" written as an escape, so that no "</script>" inside a name can end the script early
      return MAPPER.writeValueAsString(root).replace("<", "\\u003c");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The top-level layers of a Keras model, the ones {@code len(model.layers)} counts. */
  private static Map<Integer, Integer> kerasNodes(Analysis a, LayerTree tree) {
    Map<Integer, Integer> out = new java.util.LinkedHashMap<>();
    if (a.layers().keras() != null) {
      tree.root().children().forEach(id -> out.put(id, 1));
    }
    return out;
  }

  /** Text for HTML content and attribute values. */
  static String esc(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
