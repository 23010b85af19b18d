package io.layercount.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.LayerCount;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A printout annotated by a profiler (ptflops' per-layer statistics, DeepSpeed's flops profiler)
 * has its figures before each module's arguments; a published ptflops ResNet-18 read 513,000 of
 * 11,689,512, its convolutions and norms of no rule.
 */
class ProfilerStatsTest {
  private static final String PTFLOPS = """
      Sequential(
        37.12 k, 100.000% Params, 118.01 MMac, 100.000% MACs,\s
        (0): Conv2d(36.86 k, 99.655% Params, 115.61 MMac, 97.966% MACs, 64, 64, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), bias=False)
        (1): BatchNorm2d(128, 0.345% Params, 401.41 KMac, 0.340% MACs, 64, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)
        (2): ReLU(0, 0.000% Params, 401.41 KMac, 0.340% MACs, inplace=True)
      )
      """;

  @Test
  void theFiguresAreReadPastAndTheCountIsExact() {
    Analysis a = LayerCount.standard().analyze("t", PTFLOPS.getBytes(StandardCharsets.UTF_8)).get(0);
    assertEquals(36_864 + 128, a.parameters().total(), a.diagnostics().toString());
    assertTrue(a.parameters().exact(), a.diagnostics().toString());
    assertEquals(1, a.layers().weighted());
  }

  @Test
  void onlyACountThenItsShareOfTheParamsStartFigures() {
    assertEquals("64, 64, kernel_size=(3, 3)", ProfilerStats.cut("36.86 k, 99.655% Params, 115.61 MMac, 97.966% MACs, 64, 64,"
        + " kernel_size=(3, 3)"));
    // DeepSpeed's: a latency, its share and the FLOPS besides
    assertEquals("30522, 768, padding_idx=0", ProfilerStats.cut("23.44 M, 21.41% Params, 0 MACs, 0.00% MACs, 33.38 us,"
        + " 0.28% latency, 0.0 FLOPS, 30522, 768, padding_idx=0"));
    assertEquals("in_features=768, out_features=768", ProfilerStats.cut("in_features=768, out_features=768"));
    assertEquals("3, 64, note='5% Params'", ProfilerStats.cut("3, 64, note='5% Params'"));
    assertEquals("128, 64, 3", ProfilerStats.cut("128, 64, 3"));
  }

  /**
   * ptflops told to print no parameter counts: MACs and their share only. A published ContextNet
   * read 0 parameters, its convolutions' and norms' arguments "not giving their size", and 54
   * parameterized layers of 106, presented as whole.
   */
  @Test
  void macsAndTheirShareAloneStartFiguresToo() {
    assertEquals("3, 32, kernel_size=(3, 3), bias=False", ProfilerStats.cut("0.113 GMac, 5.403% MACs, 3, 32,"
        + " kernel_size=(3, 3), bias=False"));
    assertEquals("inplace=True", ProfilerStats.cut("0.004 GMac, 0.200% MACs, inplace=True"));
    assertEquals("3, 32, note='5% MACs'", ProfilerStats.cut("3, 32, note='5% MACs'"));
    assertEquals("0.113 GMac, 3, 32", ProfilerStats.cut("0.113 GMac, 3, 32"));
    String printout = """
        Sequential(
          0.125 GMac, 6.004% MACs,\s
          (0): Conv2d(0.113 GMac, 5.403% MACs, 3, 32, kernel_size=(3, 3), stride=(2, 2), bias=False)
          (1): BatchNorm2d(0.008 GMac, 0.400% MACs, 32, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)
          (2): ReLU(0.004 GMac, 0.200% MACs, inplace=True)
        )
        """;
    Analysis a = LayerCount.standard().analyze("t", printout.getBytes(StandardCharsets.UTF_8)).get(0);
    assertEquals(864 + 64, a.parameters().total(), a.diagnostics().toString());
    assertTrue(a.parameters().exact(), a.diagnostics().toString());
    assertEquals(2, a.layers().parameterized());
  }
}
