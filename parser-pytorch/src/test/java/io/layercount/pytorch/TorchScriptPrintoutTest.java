package io.layercount.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.LayerCount;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What {@code print} shows of a TorchScript model ({@code torch.jit.script} or {@code torch.jit.load}):
 * every module a {@code RecursiveScriptModule} with its class as {@code original_name=} and no sizes.
 * The classes are read from there, so the layers are counted by kind; their sizes are not printed,
 * so the parameter total is a lower bound. Read before as modules of an unknown class, a scripted
 * Silero VAD counted no conv/FC layer at all (depth, weighted and parameterized 0, not flagged).
 */
class TorchScriptPrintoutTest {
  @Test
  void aScriptedModuleIsReadAsTheClassItWasScriptedFrom() {
    String text = String.join("\n",
        "RecursiveScriptModule(",
        "  original_name=Net",
        "  (encoder): RecursiveScriptModule(",
        "    original_name=Sequential",
        "    (0): RecursiveScriptModule(original_name=Conv1d)",
        "    (1): RecursiveScriptModule(original_name=ReLU)",
        "    (2): RecursiveScriptModule(original_name=Conv1d)",
        "  )",
        "  (rnn): RecursiveScriptModule(original_name=LSTMCell)",
        "  (head): RecursiveScriptModule(original_name=Linear)",
        ")",
        "");
    Analysis a = LayerCount.standard().analyze("vad.txt", text).get(0);
    assertEquals("Net", a.model().rootType());
    assertEquals(Map.of("Conv1d", 2, "ReLU", 1, "LSTMCell", 1, "Linear", 1), a.byType());
    assertEquals(3, a.layers().weighted());
    assertEquals(4, a.layers().parameterized(), "the LSTMCell owns weights though its size is not printed");
    assertFalse(a.parameters().exact());
    List<String> said = a.diagnostics().stream().map(d -> d.message()).toList();
    assertTrue(said.stream().anyMatch(m -> m.contains("Conv1d") && m.contains("lower bound")), said.toString());
  }
}
