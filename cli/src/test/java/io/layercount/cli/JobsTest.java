package io.layercount.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --jobs N} and streaming: results come out in input order however the analyses finish,
 * each as soon as it and those before it are done, and one bad input among many changes nothing
 * for the others. The stand-ins wait on latches, never on the clock: a test fails by a latch that
 * is never released (after a minute), not by being slow.
 */
class JobsTest {
  @TempDir Path dir;

  private List<String> files(int n) throws IOException {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Path p = dir.resolve(String.format("model-%02d.txt", i));
      Files.writeString(p, "MODEL " + i);
      names.add(p.toString());
    }
    return names;
  }

  private static Analysis named(String name) {
    Analysis a = Analyses.resnet18();
    return new Analysis(0, a.format(), true, new Analysis.Model(name, a.model().rootType()), a.parameters(),
        a.layers(), a.byType(), List.of(), null, a.explanation());
  }

  private static String[] args(List<String> names, String... options) {
    List<String> all = new ArrayList<>(List.of(options));
    all.addAll(names);
    return all.toArray(new String[0]);
  }

  @Test
  void outputKeepsInputOrderWhenLaterInputsFinishFirst() throws Exception {
    List<String> names = files(6);
    CountDownLatch othersDone = new CountDownLatch(2);
    // the first input is analysed only after two later ones are: it finishes last of those three
    Cli cli = new Cli((name, text) -> {
      if (name.equals(names.get(0))) {
        await(othersDone);
      } else if (name.equals(names.get(1)) || name.equals(names.get(2))) {
        othersDone.countDown();
      }
      return List.of(named(new String(text, StandardCharsets.UTF_8)));
    });
    Run run = Run.of(cli::run, "", args(names, "--json", "--jobs", "3"));
    assertEquals(0, run.status(), run.err());
    List<String> models = run.out().lines().map(l -> l.replaceAll(".*\"model\":\\{\"name\":\"MODEL (\\d+)\".*", "$1"))
        .collect(Collectors.toList());
    assertEquals(List.of("0", "1", "2", "3", "4", "5"), models);
  }

  @Test
  void parallelOutputIsTheSequentialOutputWithOneBadInputAmongMany() throws IOException {
    List<String> names = files(12);
    Files.writeString(Path.of(names.get(5)), "not a model at all");
    names.add(7, dir.resolve("missing.txt").toString());
    Run one = Run.of(Main::run, "", args(names, "--json", "--jobs", "1"));
    Run four = Run.of(Main::run, "", args(names, "--json", "--jobs", "4"));
    Run byDefault = Run.of(Main::run, "", args(names, "--json"));
    assertEquals(1, one.status());
    assertEquals(one, four);
    assertEquals(one, byDefault);
    assertEquals(names.size(), four.out().lines().count());
    assertTrue(four.out().lines().skip(7).findFirst().orElseThrow().contains("\"ok\":false"), four.out());
  }

  @Test
  void eachResultIsWrittenBeforeTheNextInputIsAnalysed() throws Exception {
    List<String> names = files(3);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CountDownLatch firstWritten = new CountDownLatch(1);
    PrintStream watched = new PrintStream(bytes, false, StandardCharsets.UTF_8) {
      @Override
      public void flush() {
        super.flush();
        if (bytes.toString(StandardCharsets.UTF_8).contains("MODEL 0")) {
          firstWritten.countDown();
        }
      }
    };
    // the second input waits until the first one's result has reached standard output
    Cli cli = new Cli((name, text) -> {
      if (name.equals(names.get(1))) {
        await(firstWritten);
      }
      return List.of(named(new String(text, StandardCharsets.UTF_8)));
    });
    int status = cli.run(new ByteArrayInputStream(new byte[0]), watched,
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), args(names, "--json", "--jobs", "1"));
    assertEquals(0, status);
    assertEquals(3, bytes.toString(StandardCharsets.UTF_8).lines().count());
  }

  @Test
  void withoutJobsEachProcessorAnalysesOneInputButNeverMoreJobsThanInputs() throws Exception {
    int processors = Runtime.getRuntime().availableProcessors();
    CliOptions byDefault = OptionParser.parse("x.txt");
    assertEquals(Math.min(processors, 1000), byDefault.jobsFor(1000));
    assertEquals(1, byDefault.jobsFor(1));
    assertEquals(1, byDefault.jobsFor(0));
    assertEquals(3, OptionParser.parse("--jobs", "3", "x.txt").jobsFor(1000));
    assertEquals(2, OptionParser.parse("--jobs", "3", "x.txt").jobsFor(2));
  }

  @Test
  void jobsMustBeAPositiveNumber() {
    Run run = Run.of(Main::run, "", "--jobs", "0", "x.txt");
    assertEquals(2, run.status());
    assertTrue(run.err().contains("--jobs takes a whole number"), run.err());
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(1, TimeUnit.MINUTES)) {
        throw new IllegalStateException("the latch was never released: results are not streamed in order");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
