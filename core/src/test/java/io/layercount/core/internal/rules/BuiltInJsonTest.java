package io.layercount.core.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The built-in tables read by {@link BuiltInJson} are the trees Jackson reads from them. */
class BuiltInJsonTest {
  @ParameterizedTest
  @ValueSource(strings = {"torch.json", "torch-corpus.json", "torch-tensors.json", "keras.json", "macs.json"})
  void readsEachTableAsJacksonDoes(String file) throws IOException {
    try (InputStream in = BuiltInJson.class.getResourceAsStream("/io/layercount/core/rules/" + file)) {
      assertEquals(new ObjectMapper().readTree(in), BuiltInJson.read(file));
    }
  }

  @Test
  void readsEscapesNumbersAndNesting() throws IOException {
    String json = "{\"a\": [1, -2, 3000000000, 1.5e3, true, false, null, \"x\\\"y\\\\z\\n\\u00e9\\/\"],"
        + " \"b\": {}, \"c\": [], \"d\": {\"e\": [[{}]]}, \"3×3 é\": \"a → b\\t×\",\r\n\t\"f\" : 0 }";
    assertEquals(new ObjectMapper().readTree(json), BuiltInJson.parse(json));
  }

  @Test
  void refusesWhatIsNotJson() {
    assertThrows(IllegalStateException.class, () -> BuiltInJson.parse("{\"a\": "));
  }
}
