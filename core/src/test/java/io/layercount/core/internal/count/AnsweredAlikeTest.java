package io.layercount.core.internal.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.internal.depth.Dataflow;
import io.layercount.core.internal.rules.LayerNormOwners;
import io.layercount.core.internal.rules.Resolution;
import io.layercount.core.internal.rules.RuleTable;
import io.layercount.core.internal.rules.StreamWidths;
import io.layercount.core.internal.rules.UserRulesReader;
import io.layercount.core.model.Arguments;
import io.layercount.core.model.Layer;
import io.layercount.core.testing.Corpus;
import io.layercount.core.testing.PrintoutTree;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

/**
 * Modules and leaves printed alike take one answer: a module the answer of the first replay of one
 * printed like it (the depth inference over the stream-width nodes), a leaf the rule answer of one
 * printed like it. Each is held against the same question answered one by one.
 */
class AnsweredAlikeTest {
  private static final RuleTable RULES = RuleTable.torch();

  /** Every distinct layer of the tree, each once. */
  private static List<Layer> layers(Layer root) {
    Set<Layer> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Layer> out = new ArrayList<>();
    Deque<Layer> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      Layer layer = stack.pop();
      if (seen.add(layer)) {
        out.add(layer);
        layer.children().forEach(stack::push);
      }
    }
    return out;
  }

  /** The depth and off-path children found by replaying every module, and by taking answers of modules alike. */
  private static int compare(String file, Layer root) {
    Resolved resolved = new Resolved(root, RULES);
    ToIntFunction<Layer> weighted = layer -> resolved.of(layer).weighted();
    Dataflow oneByOne = new Dataflow(root, weighted, resolved.size());
    Dataflow alike = new Dataflow(resolved.places(), weighted);
    assertEquals(0, oneByOne.answeredAlike(), file);
    assertEquals(oneByOne.depthOf(root), alike.depthOf(root), file);
    for (Layer layer : layers(root)) {
      assertEquals(oneByOne.offPath(layer), alike.offPath(layer), file + ": " + layer.name() + " " + layer.typeName());
    }
    return alike.answeredAlike();
  }

  private static final String BLOCK = String.join("\n",
      "  (%s): Block(",
      "    (conv1): Conv2d(64, 64, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), bias=False)",
      "    (bn1): BatchNorm2d(64, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)",
      "    (relu): ReLU(inplace=True)",
      "    (conv2): Conv2d(64, %d, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), bias=False)",
      "    (bn2): BatchNorm2d(%d, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)",
      "    (shortcut): Sequential(",
      "      (0): Conv2d(64, %d, kernel_size=(1, 1), stride=(1, 1), bias=False)",
      "    )",
      "  )");

  private static String block(String key, int width) {
    return String.format(BLOCK, key, width, width, width);
  }

  @Test
  void blocksPrintedAlikeTakeTheFirstOnesAnswer() {
    Layer root = PrintoutTree.parse(String.join("\n", "Net(", block("0", 64), block("1", 64), block("2", 64), ")"));
    // the second and third blocks take the first one's replay, with what it found off the path
    assertEquals(2, compare("three blocks", root));
  }

  @Test
  void aBlockThatDiffersInOneWidthIsReplayed() {
    Layer root = PrintoutTree.parse(String.join("\n", "Net(", block("0", 64), block("1", 64), block("2", 65), ")"));
    assertEquals(1, compare("one block wider", root));
  }

  @Test
  void aModuleWhoseReasonsNameItsOwnKeyTakesNoAnswerFromOneUnderAnotherKey() {
    // timm mixnet: the kernels of a MixedConv2d read slices of the 144 channels side by side, and
    // the reasons name a sibling by the module's own key ("dw1.0"), which an alike module under
    // another key does not share
    String stage = String.join("\n",
        "  (%s): Stage(",
        "    (pw): Conv2d(24, 144, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "    (%s): MixedConv2d(",
        "      (0): Conv2d(48, 48, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), groups=48, bias=False)",
        "      (1): Conv2d(48, 48, kernel_size=(5, 5), stride=(1, 1), padding=(2, 2), groups=48, bias=False)",
        "      (2): Conv2d(48, 48, kernel_size=(7, 7), stride=(1, 1), padding=(3, 3), groups=48, bias=False)",
        "    )",
        "    (pwl): Conv2d(144, 24, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "  )");
    Layer root = PrintoutTree.parse(String.join("\n", "Net(", String.format(stage, "s1", "dw1"),
        String.format(stage, "s2", "dw2"), String.format(stage, "s3", "dw2"), ")"));
    // the third stage takes the second's answer; the second's kernels are not the first's
    assertEquals(1, compare("mixed kernels", root));
    Resolved resolved = new Resolved(root, RULES);
    Dataflow flow = new Dataflow(resolved.places(), layer -> resolved.of(layer).weighted());
    Map<Integer, String> off = flow.offPath(root.children().get(1).children().get(1));
    assertEquals(2, off.size(), off.toString());
    assertTrue(off.values().stream().allMatch(r -> r.contains("dw2.")), off.toString());
  }

  @Test
  void aModuleReplayedBeforeItsClassShowedAParallelChildGivesNoAnswerAfterwards() {
    // the first block keeps its width, so its conv_1x1 seems to follow conv_kxk; the second changes
    // it and shows conv_1x1 reading the block input; the third, printed like the first, is replayed
    // knowing that (the first is not replayed again: its conv_kxk is two layers, not a projection)
    String block = String.join("\n",
        "  (%s): RepVggBlock(",
        "    (conv_kxk): Sequential(",
        "      (0): Conv2d(%d, %d, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), bias=False)",
        "      (1): Conv2d(%d, %d, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), bias=False)",
        "    )",
        "    (conv_1x1): Conv2d(%d, %d, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "    (act): ReLU(inplace=True)",
        "  )");
    Layer root = PrintoutTree.parse(String.join("\n", "Sequential(",
        String.format(block, "0", 64, 64, 64, 64, 64, 64),
        String.format(block, "1", 64, 96, 96, 96, 64, 96),
        "  (2): Conv2d(96, 64, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        String.format(block, "3", 64, 64, 64, 64, 64, 64),
        ")"));
    assertEquals(0, compare("blocks before and after a class showed a parallel child", root));
    Resolved resolved = new Resolved(root, RULES);
    // 3 (the first block chained) + 2 + 1 + 2 (the last block's conv_1x1 beside conv_kxk)
    assertEquals(8, new Dataflow(resolved.places(), layer -> resolved.of(layer).weighted()).depthOf(root));
  }

  @Test
  void aModuleHoldingOneReplayedBeforeWhatWasLearnedTakesNoAnswerFromOneThatDoesNot() {
    // a RepVggBlock replayed before its class showed conv_1x1 beside conv_kxk keeps that first
    // answer wherever it is met again (the same object at a second place); a copy of it, replayed
    // afterwards, knows better. A wrapper holding the one may not answer for a wrapper holding the
    // other, either way round.
    String block = String.join("\n",
        "Net(",
        "  (early): RepVggBlock(",
        "    (conv_kxk): Sequential(",
        "      (0): Conv2d(64, 64, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), bias=False)",
        "      (1): Conv2d(64, 64, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), bias=False)",
        "    )",
        "    (conv_1x1): Conv2d(64, 64, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "  )",
        "  (shows): RepVggBlock(",
        "    (conv_kxk): Sequential(",
        "      (0): Conv2d(64, 96, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), bias=False)",
        "      (1): Conv2d(96, 96, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), bias=False)",
        "    )",
        "    (conv_1x1): Conv2d(64, 96, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        "  )",
        "  (back): Conv2d(96, 64, kernel_size=(1, 1), stride=(1, 1), bias=False)",
        ")");
    Layer parsed = PrintoutTree.parse(block);
    Layer early = parsed.children().get(0);
    Layer copy = copy(early, new boolean[] {false});
    Layer tail = Layer.of("1", "Conv2d", parsed.children().get(2).arguments(), List.of(), 0);
    for (List<Layer> order : List.of(List.of(early, copy), List.of(copy, early))) {
      List<Layer> children = new ArrayList<>(parsed.children());
      children.add(Layer.of("w1", "Wrapper", null, List.of(order.get(0), tail), 0));
      children.add(Layer.of("w2", "Wrapper", null, List.of(order.get(1), tail), 0));
      Layer root = Layer.of("", "Net", null, children, 0);
      compare(order.get(0) == early ? "the replayed one first" : "the copy first", root);
      Resolved resolved = new Resolved(root, RULES);
      Dataflow flow = new Dataflow(resolved.places(), layer -> resolved.of(layer).weighted());
      // early: 3 (chained); shows: 2; back: 1; the wrapper of the early block 3 + 1, of the copy 2 + 1
      assertEquals(3 + 2 + 1 + 4 + 3, flow.depthOf(root));
    }
  }

  @Test
  void everyCorpusPrintoutHasTheDepthAndOffPathChildrenOfReplayingEveryModule() {
    int alike = 0;
    int printouts = 0;
    for (Corpus.Printout p : Corpus.printouts()) {
      alike += compare(p.file(), p.root());
      printouts++;
    }
    System.out.printf("%d modules of %d printouts answered from a module printed alike%n", alike, printouts);
    assertTrue(alike > printouts, alike + " modules answered alike");
  }

  /** A copy of {@code layer}'s tree, every node a new object; one convolution or linear layer widened where {@code widen}. */
  private static Layer copy(Layer layer, boolean[] widen) {
    List<Layer> children = new ArrayList<>();
    for (Layer child : layer.children()) {
      children.add(copy(child, widen));
    }
    Arguments arguments = layer.arguments();
    if (widen[0] && layer.isLeaf() && arguments.get("out_features") != null) {
      widen[0] = false;
      long out = Arguments.parseLong(arguments.get("out_features")).orElse(1);
      arguments = Arguments.parse(arguments.raw().replace("out_features=" + out, "out_features=" + (out + 1)));
    }
    return new Layer(layer.name(), layer.typeName(), arguments, children, layer.repeat(), layer.stated(), layer.line());
  }

  private static int size(Layer layer) {
    int n = 1;
    for (Layer child : layer.children()) {
      n += size(child);
    }
    return n;
  }

  @Test
  void recombinedCorpusModulesHaveTheDepthAndOffPathChildrenOfReplayingEveryModule() {
    // models the corpus does not hold: its modules (blocks, attention, branches, lists of streams)
    // put together at random, each picked again as a copy (printed alike), as the same object
    // (a module registered at two places), or as a copy with one linear layer widened (nearly alike)
    List<Layer> pieces = new ArrayList<>();
    for (Corpus.Printout p : Corpus.printouts()) {
      for (Layer layer : layers(p.root())) {
        int n = size(layer);
        if (!layer.isLeaf() && n >= 3 && n <= 120) {
          pieces.add(layer);
        }
      }
    }
    Random random = new Random(20261206);
    int alike = 0;
    for (int model = 0; model < 600; model++) {
      List<Layer> stage = new ArrayList<>();
      List<Layer> picked = new ArrayList<>();
      for (int i = 0, n = 2 + random.nextInt(8); i < n; i++) {
        Layer piece;
        int how = random.nextInt(10);
        if (picked.isEmpty() || how < 3) {
          piece = pieces.get(random.nextInt(pieces.size()));
        } else {
          Layer earlier = picked.get(random.nextInt(picked.size()));
          piece = how < 7 ? copy(earlier, new boolean[] {false}) : how < 8 ? earlier : copy(earlier, new boolean[] {true});
        }
        picked.add(piece);
        String key = random.nextBoolean() ? Integer.toString(i) : piece.name().isEmpty() ? "m" + i : piece.name() + i;
        stage.add(new Layer(key, piece.typeName(), piece.arguments(), piece.children(), 1, piece.stated(), piece.line()));
      }
      Layer list = Layer.of("blocks", random.nextBoolean() ? "ModuleList" : "Sequential", Arguments.NONE, stage, 1);
      Layer root = Layer.of("", "Net", Arguments.NONE, List.of(list), 1);
      alike += compare("model " + model, root);
    }
    System.out.printf("%d modules of 600 recombined models answered from a module printed alike%n", alike);
    assertTrue(alike > 600, alike + " modules answered alike");
  }

  @Test
  void leavesPrintedAlikeUnderAUsersTensorRowAreSizedEachAtItsPlace() {
    // a user's tensor row sizes the tensor by the stream the layer sits in: two MyScale() print
    // alike but scale 8 and 16 channels
    RuleTable rules = RULES.withUserRules(UserRulesReader.read("r.json",
        "{\"rules\": [{\"types\": [\"MyScale\"], \"tensors\": [{\"name\": \"gamma\", \"shape\": [\"width\"]}]}]}",
        new ArrayList<>()));
    Layer root = PrintoutTree.parse(String.join("\n",
        "Net(",
        "  (a): Linear(in_features=8, out_features=8, bias=True)",
        "  (s1): MyScale()",
        "  (b): Linear(in_features=8, out_features=16, bias=True)",
        "  (s2): MyScale()",
        ")"));
    Resolved resolved = new Resolved(root, rules);
    assertEquals(8, resolved.of(root.children().get(1)).ownParameters());
    assertEquals(16, resolved.of(root.children().get(3)).ownParameters());
  }

  @Test
  void everyCorpusLeafHasTheAnswerOfItsOwnRulesAtItsPlace() {
    for (Corpus.Printout p : Corpus.printouts()) {
      Resolved resolved = new Resolved(p.root(), RULES);
      // each distinct node at its first place, with its owner: as the answers were made
      Set<Layer> seen = Collections.newSetFromMap(new IdentityHashMap<>());
      Deque<Layer> stack = new ArrayDeque<>();
      Deque<Layer> owners = new ArrayDeque<>();
      stack.push(p.root());
      owners.push(p.root());
      while (!stack.isEmpty()) {
        Layer layer = stack.pop();
        Layer owner = owners.pop();
        if (!seen.add(layer)) {
          continue;
        }
        if (layer.isLeaf()) {
          assertEquals(RULES.resolve(layer, owner, resolved.places().of(layer)), resolved.of(layer),
              p.file() + ": " + layer.name() + " " + layer.typeName());
        }
        Layer childOwner = LayerNormOwners.isPlainContainer(layer.typeName()) ? owner : layer;
        for (int i = layer.children().size() - 1; i >= 0; i--) {
          stack.push(layer.children().get(i));
          owners.push(childOwner);
        }
      }
    }
  }

  @Test
  void leavesPrintedAlikeShareTheirAnswerButNotWhereTheOwnerDecides() {
    Layer root = PrintoutTree.parse(String.join("\n",
        "Net(",
        "  (a): Linear(in_features=8, out_features=8, bias=True)",
        "  (b): Linear(in_features=8, out_features=8, bias=True)",
        "  (enc): BartDecoder(",
        "    (norm): LayerNorm((8,), eps=1e-05, elementwise_affine=True)",
        "  )",
        "  (mb): ModernBertEncoderLayer(",
        "    (norm): LayerNorm((8,), eps=1e-05, elementwise_affine=True)",
        "  )",
        ")"));
    Resolved resolved = new Resolved(root, RULES);
    Layer a = root.children().get(0);
    Layer b = root.children().get(1);
    assertEquals(resolved.of(a), resolved.of(b));
    assertEquals(72, resolved.of(b).ownParameters());
    for (Layer owner : List.of(root.children().get(2), root.children().get(3))) {
      Layer norm = owner.children().get(0);
      assertEquals(RULES.resolve(norm, owner), resolved.of(norm), owner.typeName());
    }
    Resolution encoderNorm = resolved.of(root.children().get(2).children().get(0));
    Resolution t5Norm = resolved.of(root.children().get(3).children().get(0));
    assertNotEquals(encoderNorm.ownParameters(), t5Norm.ownParameters(), "ModernBERT builds its LayerNorms without a bias");
  }

  @Test
  void aLeafAnswerIsTakenByTheLeavesPrintedAlikeOnlyWhereItWasGivenForAllOfThem() {
    Layer root = PrintoutTree.parse(String.join("\n",
        "Net(",
        "  (a): LayerNorm((8,), eps=1e-05, elementwise_affine=True)",
        "  (b): LayerNorm((8,), eps=1e-05, elementwise_affine=True)",
        "  (c): LayerNorm((9,), eps=1e-05, elementwise_affine=True)",
        ")"));
    StreamWidths places = new StreamWidths(root, RULES, null);
    StreamWidths.Node a = places.node(root.children().get(0));
    StreamWidths.Node b = places.node(root.children().get(1));
    StreamWidths.Node c = places.node(root.children().get(2));
    assertSame(a, a.alike());
    assertSame(a, b.alike());
    assertSame(c, c.alike());
    Resolution r = RULES.resolve(root.children().get(0), root);
    a.answer(r);
    assertNull(b.alike().alikeAnswer(), "an answer given at one place only");
    a.answerAlike(r);
    assertSame(r, b.alike().alikeAnswer());
    assertNull(c.alike().alikeAnswer());
  }
}
