package io.layercount.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.LayerCount;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Python calls written over several lines around a printout ({@code LoraConfig(} with {@code r=8,}
 * and {@code lora_alpha=32,} below it, {@code CLIPTextModel.from_pretrained(}), as a published PEFT
 * notebook pasted them: text outside the printout, not models. Before, each was a model of its own,
 * of one leaf and no parameters, {@code ok: true}.
 */
class PythonCallTest {
  private static final String PRINTOUT = String.join("\n",
      "Sequential(",
      "  (0): Linear(in_features=8, out_features=3, bias=True)",
      ")", "");

  private static List<Analysis> analyse(String text) {
    return LayerCount.standard().analyze("t", text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void callsAroundAPrintoutAreNoModels() {
    for (String indent : List.of("  ", "    ")) {
      String call = String.join("\n",
          "text_lora_config = LoraConfig(",
          indent + "r=8,",
          indent + "# a comment between the arguments",
          indent + "target_modules=[\"q_proj\", \"v_proj\"],",
          indent + "lora_alpha=32",
          ")", "");
      String load = String.join("\n",
          "CLIPTextModel.from_pretrained(",
          indent + "\"hf-internal-testing/tiny-stable-diffusion-torch\",",
          indent + "subfolder=\"text_encoder\",",
          ")", "");
      List<Analysis> all = analyse(load + "\n" + call + "\n" + PRINTOUT);
      assertEquals(1, all.size(), indent.length() + " spaces: " + all);
      assertEquals("Sequential", all.get(0).model().rootType());
      assertEquals(27, all.get(0).parameters().total());
      List<Analysis> alone = analyse(call);
      assertEquals(1, alone.size());
      assertFalse(alone.get(0).ok(), indent.length() + " spaces: a call alone is no model");
    }
  }

  @Test
  void aRootOfItsOwnLinesWithoutCommasIsStillRead() {
    // one line of its own, or lines that are no argument list: as PyTorch may print a custom module
    for (String own : List.of("  in_features=8, out_features=3", "  mode=bilinear\n  scale=2")) {
      List<Analysis> all = analyse("Custom(\n" + own + "\n)\n");
      assertEquals(1, all.size(), own);
      assertTrue(all.get(0).ok(), own);
      assertEquals("Custom", all.get(0).model().rootType());
    }
  }

  /**
   * A Hugging Face config printed beside its model ({@code print(model.config)}: {@code SambaConfig
   * {} and JSON) is no model: it was read as a PyTorch 0.1-era printout in braces, one leaf and no
   * parameters, beside the model of the text.
   */
  @Test
  void aConfigInBracesIsNoModel() {
    String config = String.join("\n",
        "SambaConfig {",
        "  \"attn\": {",
        "    \"num_heads\": 18",
        "  },",
        "  \"hidden_size\": 2304",
        "}", "");
    List<Analysis> all = analyse(config + PRINTOUT);
    assertEquals(1, all.size(), all.toString());
    assertEquals("Sequential", all.get(0).model().rootType());
    List<Analysis> alone = analyse(config);
    assertEquals(1, alone.size());
    assertFalse(alone.get(0).ok(), "a config alone is no model");
  }
}
