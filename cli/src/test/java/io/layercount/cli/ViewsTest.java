package io.layercount.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.LayerCount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The views through the real tool: {@code --list}, Mermaid's pruning, DOT that Graphviz accepts, the page's file. */
class ViewsTest {
  @TempDir
  Path dir;

  @Test
  void listGivesTheDepthPathInOrderAsNamedModulesNamesIt() {
    Run run = run("--list", "depth", "resnet18.txt");
    assertEquals(0, run.status(), run.err());
    List<String> paths = run.out().lines().toList();
    assertEquals(18, paths.size());
    assertEquals(List.of("conv1", "layer1.0.conv1"), paths.subList(0, 2));
    assertEquals("fc", paths.get(17));
    assertTrue(paths.stream().noneMatch(p -> p.contains("downsample")), "the shortcuts are not on the path");
  }

  @Test
  void listOfEveryConventionHasAsManyPathsAsItsCount() {
    for (String convention : List.of("weighted:21", "parameterized:41", "leaves:52", "modules:68", "blocks:2")) {
      String[] kv = convention.split(":");
      Run run = run("--list", kv[0], "resnet18.txt");
      assertEquals(0, run.status(), run.err());
      assertEquals(Integer.parseInt(kv[1]), run.out().lines().count(), kv[0]);
    }
    Run modules = run("--list", "modules", "resnet18.txt");
    assertEquals("", modules.out().lines().findFirst().orElseThrow(), "named_modules() names the root ''");
    assertTrue(modules.out().lines().anyMatch("layer2.0.downsample.0"::equals));
  }

  @Test
  void listExpandsCollapsedRuns() {
    Run run = run("--list", "weighted", "llama-causal-lm.txt");
    assertEquals(225, run.out().lines().count());
    assertTrue(run.out().lines().anyMatch("model.layers.31.mlp.down_proj"::equals), run.out());
  }

  @Test
  void listOfAConventionWithoutAListSaysWhyAndFails() {
    Run run = run("--list", "keras", "resnet18.txt");
    assertEquals(Cli.NOT_ANALYSED, run.status());
    assertEquals("", run.out());
    assertTrue(run.err().contains("keras counts the layers of a Keras model"), run.err());
  }

  @Test
  void listOfSeveralInputsNamesEach() {
    Run run = run("--list", "blocks", "resnet18.txt", "llama-causal-lm.txt");
    List<String> lines = run.out().lines().toList();
    assertEquals("# " + example("resnet18.txt"), lines.get(0));
    assertEquals(List.of("layer1.0", "layer1.1"), lines.subList(1, 3));
    assertEquals("# " + example("llama-causal-lm.txt"), lines.get(3));
    assertEquals(1 + 32, lines.size() - 3);
  }

  @Test
  void viewsCannotBeCombined() {
    Run run = run("--dot", "--mermaid", "resnet18.txt");
    assertEquals(Cli.USAGE, run.status());
    assertTrue(run.err().contains("--dot and --mermaid cannot be combined"), run.err());
    assertEquals(Cli.USAGE, run("--json", "--markdown", "resnet18.txt").status());
    assertEquals(Cli.USAGE, run("--list", "depths", "resnet18.txt").status());
  }

  @Test
  void htmlWritesOneSelfContainedFileAndKeepsTheReport() throws IOException {
    Path page = dir.resolve("r.html");
    Run run = run("--html", page.toString(), "resnet18.txt");
    assertEquals(0, run.status(), run.err());
    assertTrue(run.out().contains("Layers, counted each way"), "standard output keeps the report");
    String html = Files.readString(page, StandardCharsets.UTF_8);
    assertTrue(html.startsWith("<!DOCTYPE html>"));
    for (String remote : List.of("http:", "https:", "//cdn", "<link", "src=")) {
      assertTrue(!html.contains(remote), "the page must not load anything: found " + remote);
    }
  }

  @Test
  void htmlToAnUnwritablePlaceFails() {
    Run run = run("--html", dir.resolve("no/such/dir/r.html").toString(), "resnet18.txt");
    assertEquals(Cli.NOT_ANALYSED, run.status());
    assertTrue(run.err().contains("cannot write"), run.err());
  }

  @Test
  void mermaidOfALargeNetworkIsPrunedWithANote() {
    StringBuilder text = new StringBuilder("Net(\n  (blocks): ModuleList(\n");
    for (int b = 0; b < 12; b++) {
      text.append("    (").append(b).append("): Block(\n");
      for (int i = 0; i < 8; i++) {
        text.append("      (fc").append(i).append("): Linear(in_features=").append(8 + b).append(", out_features=")
            .append(8 + b).append(", bias=True)\n");
      }
      text.append("    )\n");
    }
    text.append("  )\n)\n");
    Analysis a = LayerCount.standard().analyze("net.txt", text.toString()).get(0);
    String mermaid = MermaidRenderer.render("net.txt", a);
    long drawn = mermaid.lines().filter(l -> l.matches("\\s+n\\d+\\W.*") && !l.contains("-->") && !l.contains("-.")).count();
    assertTrue(drawn <= MermaidRenderer.MAX_DRAWN, drawn + " nodes drawn");
    assertTrue(drawn >= 12, "each block is still drawn, closed: " + drawn);
    assertTrue(mermaid.contains("note[\"Pruned for reading: 96 of 109 modules"), mermaid);
    String full = DotRenderer.render("net.txt", a);
    assertEquals(96, full.lines().filter(l -> l.contains("shape=box,")).count(), "DOT draws every leaf");
  }

  @Test
  void graphvizAcceptsEveryDotGoldenFile() throws Exception {
    Assumptions.assumeTrue(onPath("dot"), "Graphviz 'dot' is not installed: DOT syntax not checked (apt-get install graphviz)");
    for (String golden : ViewGoldenTest.goldenFiles().filter(g -> g.endsWith(".dot")).toList()) {
      Path file = ViewGoldenTest.goldenDir().resolve(golden);
      Process dot = new ProcessBuilder("dot", "-Tsvg", file.toString()).redirectErrorStream(true).start();
      String output = new String(dot.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(dot.waitFor(60, TimeUnit.SECONDS), "dot did not finish");
      assertEquals(0, dot.exitValue(), golden + ": " + output);
      assertTrue(output.contains("<svg") && !output.contains("Warning"), golden + ": " + output);
    }
  }

  private static boolean onPath(String program) {
    return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
        .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
  }

  /**
   * A torchinfo table without {@code var_names} labels its rows by depth and index ({@code 1-1}), a
   * torchsummary table by class and number ({@code Conv2d-1}): neither is a module's name, which the
   * list promises. The labels are listed, and standard error says what they are; a table with
   * {@code var_names} lists its modules' names, with no note.
   */
  @Test
  void listOfATableThatNamesNoModulesSaysItGivesRowLabels() throws IOException {
    String rule = "=".repeat(90);
    Path plain = dir.resolve("plain.txt");
    Files.writeString(plain, String.join("\n", rule, "Layer (type:depth-idx)                   Output Shape              Param #",
        rule, "Net                                      [1, 2]                    --",
        "├─Linear: 1-1                            [1, 4]                    12",
        "├─Linear: 1-2                            [1, 2]                    10", rule,
        "Total params: 22", "Trainable params: 22", "Non-trainable params: 0", rule, ""));
    Run run = Run.of(Main::run, "", "--list", "weighted", plain.toString());
    assertEquals(0, run.status(), run.err());
    assertEquals(List.of("1-1", "1-2"), run.out().lines().toList());
    assertTrue(run.err().contains("the table names no modules") && run.err().contains("('1-1')"), run.err());
    Path named = dir.resolve("named.txt");
    Files.writeString(named, String.join("\n", rule, "Layer (type (var_name))                  Output Shape              Param #",
        rule, "Net (Net)                                [1, 2]                    --",
        "├─Linear (fc1)                           [1, 4]                    12",
        "├─Linear (fc2)                           [1, 2]                    10", rule,
        "Total params: 22", "Trainable params: 22", "Non-trainable params: 0", rule, ""));
    Run names = Run.of(Main::run, "", "--list", "weighted", named.toString());
    assertEquals(List.of("fc1", "fc2"), names.out().lines().toList(), names.err());
    assertEquals("", names.err());
  }

  /**
   * A table with rows left out states its footer's trainable count, above the total its rows add up
   * to: the report showed "trainable 60,192,808" under "total 2,058,536 lower bound" as if both
   * were counts of the rows; it says whose figure it is.
   */
  @Test
  void theReportSaysWhoseTrainableCountIsAboveTheTotal() throws IOException {
    Path elided = dir.resolve("elided.txt");
    Files.writeString(elided, String.join("\n",
        "==========================================================================================",
        "Layer (type:depth-idx)                   Output Shape              Param #",
        "==========================================================================================",
        "ResNet                                   --                        --",
        "├─Conv2d: 1-1                            [1, 64, 112, 112]         9,408",
        "├─BatchNorm2d: 1-2                       [1, 64, 112, 112]         128",
        "  ...",
        "├─AdaptiveAvgPool2d: 1-9                 [1, 2048, 1, 1]           --",
        "├─Linear: 1-10                           [1, 1000]                 2,049,000",
        "==========================================================================================",
        "Total params: 60,192,808",
        "Trainable params: 60,192,808",
        "Non-trainable params: 0",
        "Total mult-adds (G): 11.51",
        "==========================================================================================",
        ""));
    Run run = Run.of(Main::run, "", elided.toString());
    assertTrue(run.out().contains("  total          2,058,536  lower bound\n"), run.out());
    assertTrue(run.out().contains("  trainable      60,192,808  (the footer's: more than the rows shown hold)\n"),
        run.out());
  }

  /**
   * A shared Keras layer called twice along the path (on its own output) counts twice in the depth
   * traced on the graph and is listed once: the list says so, as it does where the structure's
   * list and count differ.
   */
  @Test
  void aLayerCalledTwiceOnAStatedGraphsPathIsListedOnceAndSaidSo() throws IOException {
    Path shared = dir.resolve("shared.txt");
    Files.writeString(shared, String.join("\n",
        "Model: \"model\"",
        "__________________________________________________________________________________________________",
        "Layer (type)                    Output Shape         Param #     Connected to",
        "==================================================================================================",
        "input_1 (InputLayer)            [(None, 8)]          0",
        "__________________________________________________________________________________________________",
        "dense (Dense)                   (None, 8)            72          input_1[0][0]",
        "                                                                 dense[0][0]",
        "__________________________________________________________________________________________________",
        "dense_1 (Dense)                 (None, 1)            9           dense[1][0]",
        "==================================================================================================",
        "Total params: 81",
        "Trainable params: 81",
        "Non-trainable params: 0",
        "__________________________________________________________________________________________________",
        ""));
    Run run = Run.of(Main::run, "", "--list", "depth", shared.toString());
    assertEquals(0, run.status(), run.err());
    assertEquals(List.of("dense", "dense_1"), run.out().lines().toList());
    assertTrue(run.err().contains("the 2 conv/FC layers listed do not add up to the depth counted, 3: a layer the"
        + " stated graph calls more than once along the path is listed once"), run.err());
  }

  private static String example(String name) {
    return ViewGoldenTest.EXAMPLES.resolve(name).toString();
  }

  private static Run run(String... args) {
    String[] real = args.clone();
    for (int i = 0; i < real.length; i++) {
      if (real[i].endsWith(".txt")) {
        real[i] = example(real[i]);
      }
    }
    return Run.of(Main::run, "", real);
  }
}
