package io.layercount.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.model.Layer;
import io.layercount.core.model.Network;
import io.layercount.core.spi.ParseResult;
import io.layercount.core.spi.Source;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A block selected out of a larger printout from its first character on keeps the indent of every
 * line but its first ({@code Block(} at column 0, its children at 6, its {@code )} at 4): a
 * published timm ViT block so copied read as two printouts of its attention and its MLP, lower
 * bounds, its norms lost. The children and the closing line place the opener, as they do one
 * indented more than they say.
 */
class LostRootIndentTest {
  private static final String CHILDREN = """
            (norm1): LayerNorm((8,), eps=1e-06, elementwise_affine=True)
            (attn): Attention(
              (qkv): Linear(in_features=8, out_features=24, bias=True)
              (proj): Linear(in_features=8, out_features=8, bias=True)
            )
            (mlp): Mlp(
              (fc1): Linear(in_features=8, out_features=32, bias=True)
              (fc2): Linear(in_features=32, out_features=8, bias=True)
            )
          )
      """;

  private final PytorchPrintoutParser parser = new PytorchPrintoutParser();

  private static List<String> children(Network n) {
    return n.root().children().stream().map(Layer::name).toList();
  }

  @Test
  void theOpenerTakesTheIndentItsChildrenGiveIt() {
    // without its indent, or with more than its children give it (a published SAM print: "  Sam(" over
    // children at 2 and a closing line at 0 read as three printouts)
    for (String opener : List.of("Block(", "(0): Block(", "      Block(", "        Block(")) {
      ParseResult r = parser.parse(Source.of("t", opener + "\n" + CHILDREN));
      assertEquals(1, r.networks().size(), opener + ": " + r.diagnostics());
      Network n = r.networks().get(0);
      assertEquals("Block", n.root().typeName());
      assertEquals(List.of("norm1", "attn", "mlp"), children(n), opener);
      assertTrue(n.diagnostics().stream().anyMatch(d -> d.line() == 1
          && d.message().startsWith("the printout's first line is indented otherwise")), n.diagnostics().toString());
    }
  }

  /** With no closing line where the children place the opener, the opener is not moved. */
  @Test
  void withoutItsClosingLineTheOpenerIsNotMoved() {
    String unclosed = "Block(\n" + CHILDREN.substring(0, CHILDREN.lastIndexOf("    )\n"));
    ParseResult r = parser.parse(Source.of("t", unclosed));
    assertTrue(r.networks().stream().noneMatch(n -> children(n).equals(List.of("norm1", "attn", "mlp"))),
        r.networks().toString());
  }

  /** Openers each followed by deeper children and no closer: the search for one stays linear. */
  @Test
  void manyOpenersWithoutClosersFinishQuickly() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      text.append("Block(\n      (attn): Attention(\n");
    }
    ParseResult r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> parser.parse(Source.of("t", text.toString())));
    assertTrue(r != null);
  }
}
