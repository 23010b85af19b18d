package io.layercount.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.layercount.core.model.Layer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.tukaani.xz.XZInputStream;

/**
 * The shared PyTorch corpus for tests: printouts, {@code truth.jsonl} and the per-module truth of
 * {@code modules.jsonl.xz}, joined by module path. Tests that use it skip when it is absent.
 */
public final class Corpus {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One module occurrence as the framework saw it: {@code [path, class, ownParams, shapes, buffers]}. */
  public record Module(String path, String type, long ownParams, JsonNode shapes) {}

  /** One printout with its truth. */
  public record Printout(String file, Layer root, JsonNode truth, List<Module> modules, Map<String, Layer> printed) {}

  private Corpus() {}

  /** The corpus directory, or a skipped test when it is absent. */
  public static Path requireDirectory() {
    String dir = System.getProperty("layercount.corpus");
    Path path = dir == null ? null : Path.of(dir, "pytorch");
    Assumptions.assumeTrue(path != null && Files.isDirectory(path),
        "shared corpus not found (system property layercount.corpus=" + dir + "): corpus test skipped");
    return path;
  }

  /** Every printout of the corpus, in {@code truth.jsonl} order. */
  public static List<Printout> printouts() {
    Path dir = requireDirectory();
    try {
      Map<String, List<Module>> modules = readModules(dir.resolve("modules.jsonl.xz"));
      List<Printout> out = new ArrayList<>();
      for (String line : Files.readAllLines(dir.resolve("truth.jsonl"), StandardCharsets.UTF_8)) {
        JsonNode truth = JSON.readTree(line);
        String file = truth.get("file").asText();
        Layer root = PrintoutTree.parse(Files.readString(dir.resolve(file), StandardCharsets.UTF_8));
        out.add(new Printout(file, root, truth, modules.getOrDefault(file, List.of()), byPath(root)));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every occurrence of the tree by its {@code named_modules()} path, runs expanded. */
  public static Map<String, Layer> byPath(Layer root) {
    Map<String, Layer> out = new HashMap<>();
    Deque<Layer> layers = new ArrayDeque<>();
    Deque<String> paths = new ArrayDeque<>();
    layers.push(root);
    paths.push("");
    while (!layers.isEmpty()) {
      Layer layer = layers.pop();
      String path = paths.pop();
      out.put(path, layer);
      for (Layer child : layer.children()) {
        for (int k = 0; k < child.repeat(); k++) {
          layers.push(child);
          paths.push(path.isEmpty() ? child.occurrenceName(k) : path + "." + child.occurrenceName(k));
        }
      }
    }
    return out;
  }

  private static Map<String, List<Module>> readModules(Path xz) throws IOException {
    Map<String, List<Module>> out = new LinkedHashMap<>();
    try (InputStream in = new XZInputStream(Files.newInputStream(xz));
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        JsonNode record = JSON.readTree(line);
        List<Module> modules = new ArrayList<>();
        for (JsonNode m : record.get("modules")) {
          modules.add(new Module(m.get(0).asText(), m.get(1).asText(), m.get(2).asLong(), m.get(3)));
        }
        out.put(record.get("file").asText(), modules);
      }
    }
    return out;
  }
}
