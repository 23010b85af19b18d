package io.layercount.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Limits;
import io.layercount.core.model.Arguments;
import io.layercount.core.model.Layer;
import io.layercount.core.model.Network;
import io.layercount.core.spi.ParseResult;
import io.layercount.core.spi.Source;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The short road ({@link PlainPrintout}) against the full reading ({@link PytorchPrintoutParser#parseFully}):
 * wherever it answers, the same result, down to which layers share one parsed argument list.
 */
class PlainPrintoutTest {
  private static final String PLAIN = """
      Net(
        (conv): Conv2d(3, 8, kernel_size=(3, 3), stride=(1, 1))
        (body): Sequential(
          (0): Linear(in_features=8, out_features=8, bias=True)
          (1): ReLU()
          (2): Linear(in_features=8, out_features=8, bias=True)
          (3-4): Empty(
          )
          (5-7): 3 x Block(
            dim=8, heads=2
            (attn): Identity()
              scale=0.5
          )
        )
        (head): lora.Linear(in_features=8, out_features=2, bias=False)
      )
      """;

  @Test
  void aPlainPrintoutIsReadAsTheFullReadingReadsIt() {
    Source source = Source.of("plain", PLAIN);
    ParseResult plain = PlainPrintout.read(source);
    assertNotNull(plain, "a plain printout takes the short road");
    same(PytorchPrintoutParser.parseFully(source), plain, "plain");
    Layer root = plain.networks().get(0).root();
    assertEquals(3, root.children().size());
    Layer body = root.children().get(1);
    assertEquals("3", body.children().get(3).name(), "a range key without 'n x' is named by its first index");
    Layer run = body.children().get(4);
    assertEquals(3, run.repeat());
    assertEquals("dim=8, heads=2, scale=0.5", run.arguments().raw(), "a block's own lines, joined");
    assertTrue(body.children().get(0).arguments() == body.children().get(2).arguments(),
        "one text, one parsed argument list");
  }

  /** Texts the short road leaves to the full reading, each for one reason. */
  @ParameterizedTest
  @ValueSource(strings = {
      "Net(\n  (a): ReLU()\n  (a): ReLU()\n)",                       // a key printed twice
      "Net(\n  (1): ReLU()\n  (0): ReLU()\n)",                       // index keys out of order
      "Net(\n  (0-1): 3 x ReLU()\n)",                                // a run whose range and count differ
      "Net(\n  (a): 2 x ReLU()\n)",                                  // a run without a range
      "Net(\n  (0): 1 x ReLU()\n)",                                  // a run of one without a range
      "Net(\n  (0-1): 2 x ReLU()\n  (1): ReLU()\n)",                // an index inside the run before
      "Net(\n  (a): None\n  (b): ReLU()\n)",                         // a None child
      "Net(\n  (a): ReLU()\n  (b) ReLU()\n)",                        // a line like a child that is none
      "Net(\n  (a): ReLU()\n\n  (b): ReLU()\n)",                     // a blank line inside
      "Net(\n  (a): ReLU()\n)\nTotal: 3",                           // text after
      "model = Net(\n  (a): ReLU()\n)",                              // text before
      "Net(\n  (a): ReLU(), weights=3\n)",                           // text after a module
      "Net(\n  (a): ReLU()\n)  <- done",                             // text after the root's ')'
      "Net(\n  (a): Sequential(\n    (b): ReLU()\n)",                // a block never closed
      "Net (\n  (a): ReLU ()\n)",                                    // the legacy form
      "Net(\n   (a): ReLU()\n  (b): ReLU()\n)",                      // an odd indent (the text's step is 1)
      "Net(\n  (a): ReLU()",                                         // the root never closed
  })
  void otherTextsTakeTheFullReading(String text) {
    Source source = Source.of("other", text);
    assertNull(PlainPrintout.read(source), text);
    PytorchPrintoutParser parser = new PytorchPrintoutParser();
    assertEquals(PytorchPrintoutParser.parseFully(source), parser.parse(source));
  }

  /**
   * Blocks at one depth one after another, with the same index and named keys: each block checks
   * its own keys only (a key is a repeat only within its block).
   */
  @Test
  void siblingBlocksKeepTheirKeysApart() {
    String text = """
        Net(
          (a): Sequential(
            (0): Block(
              (attn): Identity()
              (mlp): Identity()
            )
            (1): Block(
              (attn): Identity()
              (mlp): Identity()
            )
          )
          (b): Sequential(
            (0): Block(
              (attn): Identity()
            )
            (1-2): 2 x Block(
              (mlp): Identity()
            )
          )
        )
        """;
    Source source = Source.of("siblings", text);
    ParseResult plain = PlainPrintout.read(source);
    assertNotNull(plain, "sibling blocks take the short road");
    same(PytorchPrintoutParser.parseFully(source), plain, "siblings");
  }

  @Test
  void limitsAreLeftToTheFullReading() {
    Source layers = Source.of("layers", PLAIN, Limits.builder().maxLayers(8).build());
    assertNull(PlainPrintout.read(layers), "more modules than the limit");
    Source nesting = Source.of("nesting", PLAIN, Limits.builder().maxNestingDepth(2).build());
    assertNull(PlainPrintout.read(nesting), "nested deeper than the limit");
    assertNotNull(PlainPrintout.read(Source.of("fits", PLAIN, Limits.builder().maxLayers(9).maxNestingDepth(3).build())));
  }

  /** Every corpus printout, and damaged copies of each, through both readings. */
  @Test
  void theCorpusReadsAlikeOnBothRoads() {
    Path dir = Corpus.pytorchDir();
    Random random = new Random(20261206);
    int texts = 0;
    int plain = 0;
    int damaged = 0;
    int damagedPlain = 0;
    for (Path file : Corpus.printouts(dir)) {
      String text = Corpus.read(dir.resolve(file));
      texts++;
      plain += compare(file.toString(), text) ? 1 : 0;
      String[] lines = text.split("\n", -1);
      for (int k = 0; k < 6 && lines.length > 2; k++) {
        String copy = damage(lines, random);
        damaged++;
        damagedPlain += compare(file + " damaged " + k, copy) ? 1 : 0;
      }
    }
    System.out.printf("[plain printouts] the short road read %d of %d corpus printouts and %d of %d damaged copies,"
        + " each as the full reading did%n", plain, texts, damagedPlain, damaged);
    // clean printouts are what the short road is for: all but a few (None children, legacy forms)
    assertTrue(plain * 50 > texts * 49 && damagedPlain > 0, "the short road was taken");
  }

  /** Whether the short road answered; where it did, it must be the full reading's answer. */
  private static boolean compare(String name, String text) {
    Source source = Source.of(name, text);
    ParseResult plain = PlainPrintout.read(source);
    if (plain == null) {
      return false;
    }
    same(PytorchPrintoutParser.parseFully(source), plain, name);
    return true;
  }

  private static void same(ParseResult full, ParseResult plain, String name) {
    assertEquals(full, plain, name);
    // and the same layers share one parsed argument list on both roads
    List<Arguments> a = arguments(full);
    List<Arguments> b = arguments(plain);
    Map<Arguments, Integer> firstA = new IdentityHashMap<>();
    Map<Arguments, Integer> firstB = new IdentityHashMap<>();
    for (int i = 0; i < a.size(); i++) {
      assertEquals(firstA.computeIfAbsent(a.get(i), x -> firstA.size()),
          firstB.computeIfAbsent(b.get(i), x -> firstB.size()), name + ": sharing of layer " + i + "'s arguments");
    }
  }

  private static List<Arguments> arguments(ParseResult result) {
    List<Arguments> out = new ArrayList<>();
    for (Network n : result.networks()) {
      List<Layer> stack = new ArrayList<>(List.of(n.root()));
      while (!stack.isEmpty()) {
        Layer l = stack.remove(stack.size() - 1);
        out.add(l.arguments());
        stack.addAll(l.children());
      }
    }
    return out;
  }

  /** A copy of the text with one line damaged the ways pasted text is: lost, doubled, moved, re-indented, added to. */
  private static String damage(String[] lines, Random random) {
    List<String> out = new ArrayList<>(List.of(lines));
    int i = 1 + random.nextInt(out.size() - 1);
    String line = out.get(i);
    switch (random.nextInt(10)) {
      case 0 -> out.remove(i);
      case 1 -> out.add(i, line);
      case 2 -> out.add(i, "");
      case 3 -> out.set(i, " " + line);
      case 4 -> out.set(i, line.length() > 2 ? line.substring(2) : line);
      case 5 -> out.set(i, line + " x");
      case 6 -> out.set(i, line.replaceFirst("\\(([^)]*)\\): ", "(0): "));
      case 7 -> out.set(i, line.replaceFirst("\\): .*", "): None"));
      case 8 -> out.add(i, "  ".repeat(random.nextInt(4)) + "(extra): Linear(in_features=1, out_features=1, bias=True)");
      default -> {
        int j = 1 + random.nextInt(out.size() - 1);
        out.set(i, out.get(j));
        out.set(j, line);
      }
    }
    return String.join("\n", out);
  }
}
