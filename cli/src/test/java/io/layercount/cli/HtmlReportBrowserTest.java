package io.layercount.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report in a real browser: Debian's headless {@code chromium}, driven through the
 * DevTools protocol. The page is loaded from a file; it must log no error, fetch nothing, show the
 * right numbers, and the convention selector must change the highlighted layers. Skipped, with a
 * message, where no browser is installed ({@code .ci/run} installs one).
 */
class HtmlReportBrowserTest {
  private static Path browser;

  @TempDir
  Path dir;

  @BeforeAll
  static void findBrowser() {
    Optional<Path> found = HeadlessChromium.find();
    Assumptions.assumeTrue(found.isPresent(),
        "no chromium on the PATH: the HTML report is not tested in a browser (apt-get install chromium)");
    browser = found.get();
  }

  @Test
  void resNet18ShowsItsNumbersAndTheSelectorChangesTheHighlight() throws Exception {
    try (HeadlessChromium chromium = open(page("resnet18"))) {
      assertEquals("18", text(chromium, "td.count[data-convention=\"depth\"]"));
      assertEquals("21", text(chromium, "td.count[data-convention=\"weighted\"]"));
      assertEquals("41", text(chromium, "td.count[data-convention=\"parameterized\"]"));
      assertEquals("52", text(chromium, "td.count[data-convention=\"leaves\"]"));
      assertEquals("68", text(chromium, "td.count[data-convention=\"modules\"]"));
      assertEquals("11,689,512", text(chromium, ".total"));

      assertEquals(18, count(chromium, ".row.counted"), "depth highlights the 18 layers of the longest path");
      assertEquals(3, count(chromium, ".row.left-out"), "and marks the three projection shortcuts left out");
      assertEquals(18, count(chromium, ".listing ol li"));
      assertEquals("conv1", text(chromium, ".listing ol li:first-child"));
      assertEquals("fc", text(chromium, ".listing ol li:last-child"));

      for (Map.Entry<String, Integer> e : Map.of("weighted", 21, "parameterized", 41, "leaves", 52, "modules", 68)
          .entrySet()) {
        select(chromium, e.getKey());
        assertEquals(e.getValue(), count(chromium, ".row.counted"), e.getKey() + " highlights its layers");
        assertEquals(0, count(chromium, ".row.left-out"), e.getKey() + " leaves nothing out");
      }
      select(chromium, "depth");
      assertEquals(18, count(chromium, ".row.counted"), "back to depth");
      assertQuiet(chromium);
    }
  }

  @Test
  void llamaMarksTheCollapsedRunOnceWithItsOccurrences() throws Exception {
    try (HeadlessChromium chromium = open(page("llama-causal-lm"))) {
      assertEquals("129", text(chromium, "td.count[data-convention=\"depth\"]"));
      assertEquals("6,738,415,616", text(chromium, ".total"));
      assertEquals(5, count(chromium, ".row.counted"), "v_proj, o_proj, up_proj, down_proj (×32 each) and lm_head");
      assertEquals("129", chromium.evaluate("document.querySelector('section.model').dataset.highlighted").asText());
      assertEquals("on the path ×32", text(chromium, ".row.counted .mark"));
      select(chromium, "blocks");
      assertEquals(1, count(chromium, ".row.counted"), "the run 0-31 of decoder layers");
      assertEquals("counted ×32", text(chromium, ".row.counted .mark"));
      assertQuiet(chromium);
    }
  }

  @Test
  void containersOpenAndCloseFromTheKeyboard() throws Exception {
    try (HeadlessChromium chromium = open(page("resnet18"))) {
      String layer1 = "document.getElementById('m0-n5').parentElement";
      assertTrue(chromium.evaluate(layer1 + ".open").asBoolean());
      chromium.evaluate("document.getElementById('m0-n5').focus()");
      for (String type : List.of("keyDown", "keyUp")) {
        chromium.send("Input.dispatchKeyEvent", Map.of("type", type, "key", "Enter", "code", "Enter",
            "windowsVirtualKeyCode", 13, "text", "\r"));
      }
      assertEquals(false, chromium.evaluate(layer1 + ".open").asBoolean(), "Enter on a container closes it");
      assertQuiet(chromium);
    }
  }

  private Path page(String example) {
    Path html = dir.resolve(example + ".html");
    Run run = Run.of(Main::run, "", "--html", html.toString(),
        ViewGoldenTest.EXAMPLES.resolve(example + ".txt").toString());
    assertEquals(0, run.status(), run.err());
    return html;
  }

  private static HeadlessChromium open(Path html) throws Exception {
    HeadlessChromium chromium = new HeadlessChromium(browser);
    for (String domain : List.of("Runtime", "Log", "Page", "Network")) {
      chromium.send(domain + ".enable", Map.of());
    }
    chromium.send("Page.navigate", Map.of("url", html.toUri().toString()));
    chromium.await("Page.loadEventFired");
    return chromium;
  }

  private static void select(HeadlessChromium chromium, String convention) throws Exception {
    chromium.evaluate("(() => { const s = document.querySelector('select.convention'); s.value = '" + convention
        + "'; s.dispatchEvent(new Event('change')); })()");
  }

  private static String text(HeadlessChromium chromium, String selector) throws Exception {
    JsonNode value = chromium.evaluate("document.querySelector('" + selector.replace("'", "\\'") + "').textContent");
    return value.asText().trim();
  }

  private static int count(HeadlessChromium chromium, String selector) throws Exception {
    return chromium.evaluate("document.querySelectorAll('" + selector + "').length").asInt();
  }

  /** No console error, no uncaught exception, no request for anything but the file itself. */
  private static void assertQuiet(HeadlessChromium chromium) {
    for (JsonNode e : chromium.events()) {
      String method = e.path("method").asText();
      JsonNode p = e.path("params");
      assertTrue(!method.equals("Runtime.exceptionThrown"), "uncaught exception: " + p);
      assertTrue(!(method.equals("Runtime.consoleAPICalled") && List.of("error", "assert").contains(p.path("type").asText())),
          "console error: " + p);
      assertTrue(!(method.equals("Log.entryAdded") && "error".equals(p.path("entry").path("level").asText())),
          "logged error: " + p);
      if (method.equals("Network.requestWillBeSent")) {
        String url = p.path("request").path("url").asText();
        assertTrue(url.startsWith("file:"), "the page fetched " + url);
      }
    }
  }
}
