package io.layercount.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.layercount.core.Analysis;
import io.layercount.core.LayerCount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * END-TO-END: the real tool ({@link Main#run}) with the real parsers and counting engine on the
 * printouts in {@code examples/}. Expected numbers come from the corpus's {@code truth.jsonl}
 * (what torch itself counted) and from counting the printed lines.
 *
 * <p>These tests are skipped while no {@code SummaryParser} is on the class path (the cli branch
 * was written before the parsers and the engine were merged); from then on they must pass.
 */
class EndToEndTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Path EXAMPLES = Path.of(System.getProperty("basedir", ".")).resolve("../examples").normalize();

  @Test
  void everyParserIsOnTheClassPath() {
    assertEquals(java.util.Set.of("pytorch", "torchinfo", "torchsummary", "keras"),
        LayerCount.standard().parsers().stream().map(p -> p.family()).collect(java.util.stream.Collectors.toSet()));
  }

  @Test
  void aPrintoutWithATotalLinePastedAfterItIsCounted() {
    List<Analysis> analyses = LayerCount.standard().analyze("t",
        "Net(\n  (fc): Linear(in_features=4, out_features=2, bias=True)\n)\nTotal params: 10\n");
    assertEquals(1, analyses.size());
    assertTrue(analyses.get(0).ok(), analyses.get(0).diagnostics().toString());
    assertEquals("pytorch", analyses.get(0).format());
    assertEquals(10L, analyses.get(0).parameters().total());
  }

  /** The answer to "why is ResNet-18 called 18?", layer by layer. */
  @Test
  void explainShowsTheLongestPathAndTheShortcutsLeftOut() {
    Run run = run("--explain", example("resnet18.txt"));
    assertEquals(0, run.status(), run.err());
    String out = run.out();
    assertTrue(out.contains("depth = 18"), out);
    assertTrue(out.contains("     1  conv1 "), out);
    assertTrue(out.contains("    18  fc "), out);
    assertFalse(out.contains("    19  "), out);
    for (String shortcut : List.of("layer2.0.downsample.0", "layer3.0.downsample.0", "layer4.0.downsample.0")) {
      assertTrue(out.contains(shortcut + "  projection shortcut, on a shorter path"), out);
    }
  }

  /**
   * Where the layers listed do not add up to the depth counted, the explanation and the list say so
   * rather than stand beside the figure as its path (a mixer printing a depthwise conv1d before an
   * in_proj too narrow to be seen feeding it: 6 layers listed for a depth of 3; a real Mamba-2's
   * in_proj is wide enough, and its depth adds up since that is read). A list that adds up says
   * nothing: an old-style mixture of experts, whose run of experts listed 25 layers for a depth of 4 when they
   * were taken to run one after another, now lists its 5 (one expert of each run, the others
   * beside it, summed).
   */
  @Test
  void aDepthListThatDoesNotAddUpSaysSo() throws IOException {
    String mamba = String.join("\n", "Mamba2Model(", "  (layers): ModuleList(", "    (0-1): 2 x Mamba2Block(",
        "      (norm): Mamba2RMSNorm()", "      (mixer): Mamba2Mixer(", "        (act): SiLUActivation()",
        "        (conv1d): Conv1d(80, 80, kernel_size=(4,), stride=(1,), padding=(3,), groups=80)",
        "        (in_proj): Linear(in_features=32, out_features=72, bias=False)",
        "        (norm): MambaRMSNormGated()", "        (out_proj): Linear(in_features=64, out_features=32, bias=False)",
        "      )", "    )", "  )", "  (norm_f): Mamba2RMSNorm()", ")", "");
    String moe = String.join("\n", "Moe(", "  (layers): ModuleList(", "    (0-1): 2 x DecoderLayer(",
        "      (moe): SparseMoeBlock(", "        (gate): Linear(in_features=8, out_features=4, bias=False)",
        "        (experts): ModuleList(", "          (0-3): 4 x ExpertMLP(",
        "            (w1): Linear(in_features=8, out_features=16, bias=False)",
        "            (w2): Linear(in_features=16, out_features=8, bias=False)",
        "            (w3): Linear(in_features=8, out_features=16, bias=False)",
        "            (act_fn): SiLU()", "          )", "        )", "      )", "    )", "  )",
        "  (lm_head): Linear(in_features=8, out_features=100, bias=False)", ")", "");
    Path file = Files.createTempFile("mamba", ".txt");
    try {
      Files.writeString(file, mamba);
      Run explain = run("--explain", file.toString());
      assertTrue(explain.out().contains("depth = 3"), explain.out());
      assertTrue(explain.out().contains("Note: the 6 conv/FC layers listed do not add up to the depth counted, 3"),
          explain.out());
      Run list = run("--list", "depth", file.toString());
      assertEquals(6, list.out().split("\n").length, list.out());
      assertTrue(list.err().contains("the 6 conv/FC layers listed do not add up to the depth counted, 3"), list.err());
      Files.writeString(file, moe);
      Run experts = run("--explain", file.toString());
      assertTrue(experts.out().contains("depth = 5"), experts.out());
      assertFalse(experts.out().contains("Note:"), experts.out());
      assertEquals(List.of("layers.0.moe.experts.0.w1", "layers.0.moe.experts.0.w2", "layers.1.moe.experts.0.w1",
          "layers.1.moe.experts.0.w2", "lm_head"), List.of(run("--list", "depth", file.toString()).out().split("\n")));
    } finally {
      Files.delete(file);
    }
    Run resnet = run("--explain", example("resnet18.txt"));
    assertFalse(resnet.out().contains("Note:"), resnet.out());
    assertFalse(run("--list", "depth", example("resnet18.txt")).err().contains("do not add up"));
  }

  @Test
  void explainInJsonListsThePaths() throws IOException {
    JsonNode json = onlyObject(run("--json", "--explain", "-c", "weighted", example("resnet18.txt")));
    JsonNode explanation = json.get("explanation");
    assertEquals("weighted", explanation.get("convention").asText());
    assertEquals(21, explanation.get("counted").size());
    assertEquals("layer2.0.downsample.0", explanation.get("counted").get(7).asText());
  }

  /**
   * A Keras table whose 'Connected to' column is printed (Keras prints it only for a model that is
   * no chain) with every cell empty: the depth on its rows' printed order is an assumption, and the
   * report and the explanation must say so, not that it was traced on the layer graph.
   */
  @Test
  void aDepthOnAKerasTablesPrintedOrderIsCalledAnAssumption() {
    String table = String.join("\n",
        "Layer (type)                     Output Shape          Param #     Connected to",
        "====================================================================================================",
        "inp (InputLayer)                 (None, 60, 65)        0",
        "sig1 (Conv1D)                    (None, 60, 8)         528",
        "value_input (InputLayer)         (None, 60, 65)        0",
        "merge (Multiply)                 (None, 60, 65)        0",
        "====================================================================================================",
        "Total params: 528",
        "");
    Run report = Run.of(Main::run, table, "-");
    assertEquals(0, report.status(), report.err());
    assertTrue(report.out().contains("  depth            1  conv/FC layers on the longest path (why ResNet-18 is called"
        + " 18); inferred from the rows' order: the summary shows no connections"), report.out());
    assertFalse(report.out().contains("traced on the layer graph"), report.out());
    Run explain = Run.of(Main::run, table, "--explain", "-");
    assertTrue(explain.out().contains("the summary shows no connections, and its rows are no chain"), explain.out());
    assertFalse(explain.out().contains("follows the connections"), explain.out());
  }

  private static Run run(String... args) {
    return Run.of(Main::run, "", args);
  }

  private static JsonNode onlyObject(Run run) throws IOException {
    String[] lines = run.out().split("\n");
    assertEquals(1, lines.length, run.out());
    return MAPPER.readTree(lines[0]);
  }

  private static String example(String name) {
    return EXAMPLES.resolve(name).toString();
  }

  /** torchvision's ResNet-18, printed by torch 2.11: truth.jsonl gives every number. */
  @Test
  void modernResNet18() throws IOException {
    Run run = run("--json", example("resnet18-torchvision.txt"));
    assertEquals(0, run.status(), run.err());
    JsonNode json = onlyObject(run);
    assertEquals("pytorch", json.get("format").asText());
    assertEquals("ResNet", json.at("/model/rootType").asText());
    assertResNet18(json);
    assertEquals(Map.of("Conv2d", 20, "BatchNorm2d", 20, "ReLU", 9, "MaxPool2d", 1, "AdaptiveAvgPool2d", 1,
        "Linear", 1), MAPPER.convertValue(json.get("byType"), Map.class));
  }

  /** The same network printed by PyTorch 0.2 in 2017: the same counts from the legacy text. */
  @Test
  void legacyResNet18() throws IOException {
    Run run = run("--json", example("resnet18.txt"));
    assertEquals(0, run.status(), run.err());
    JsonNode json = onlyObject(run);
    assertEquals("pytorch-legacy", json.get("format").asText());
    assertEquals("ResNet", json.at("/model/rootType").asText());
    assertResNet18(json);
  }

  private static void assertResNet18(JsonNode json) {
    assertTrue(json.get("ok").asBoolean());
    assertEquals(11_689_512, json.at("/parameters/total").asLong());
    assertTrue(json.at("/parameters/exact").asBoolean());
    assertEquals(18, json.at("/layers/depth").asInt());
    assertEquals(21, json.at("/layers/weighted").asInt());
    assertEquals(41, json.at("/layers/parameterized").asInt());
    assertEquals(52, json.at("/layers/leaves").asInt());
    assertEquals(68, json.at("/layers/modules").asInt());
    assertEquals(2, json.at("/layers/blocks").asInt());
    assertTrue(json.at("/layers/keras").isNull());
  }

  /** Llama 2 7B with its LM head: a collapsed run of 32 decoder layers. */
  @Test
  void llamaCausalLm() throws IOException {
    Run run = run("--json", example("llama-causal-lm.txt"));
    assertEquals(0, run.status(), run.err());
    JsonNode json = onlyObject(run);
    assertEquals("LlamaForCausalLM", json.at("/model/rootType").asText());
    assertEquals(324, json.at("/layers/leaves").asInt());
    assertEquals(423, json.at("/layers/modules").asInt());
    assertEquals(32, json.at("/layers/blocks").asInt());
    assertEquals(32 * 7 + 1, json.at("/layers/weighted").asInt());
    long total = json.at("/parameters/total").asLong();
    if (json.at("/parameters/exact").asBoolean()) {
      assertEquals(6_738_415_616L, total, "an exact total must be the true total");
    } else {
      assertTrue(total <= 6_738_415_616L, "a lower bound must not exceed the true total: " + total);
      assertFalse(json.at("/parameters/unknownTypes").isEmpty(), "a lower bound names what it could not count");
    }
  }

  @Test
  void theExamplesDirectoryGivesOneObjectPerFileInNameOrder() throws IOException {
    Run run = run("--json", EXAMPLES.toString());
    assertEquals(0, run.status(), run.err());
    List<String> files = new ArrayList<>();
    for (String line : run.out().split("\n")) {
      JsonNode json = MAPPER.readTree(line);
      assertTrue(json.get("ok").asBoolean(), line);
      files.add(Path.of(json.get("file").asText()).getFileName().toString());
    }
    List<String> expected;
    try (var listing = Files.list(EXAMPLES)) {
      // a directory's files are read, not its sub-directories (examples/embedding is a Maven module)
      expected = listing.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertEquals(expected, files);
  }

  @Test
  void theHumanReportNamesEveryConventionAndTheTotal() {
    Run run = run(example("resnet18.txt"));
    assertEquals(0, run.status(), run.err());
    for (String must : List.of("depth", "weighted", "parameterized", "leaves", "modules", "blocks", "keras",
        "11,689,512", "exact", "MiB at float32")) {
      assertTrue(run.out().contains(must), "report mentions " + must + ":\n" + run.out());
    }
  }
}
