package io.layercount.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Analysis;
import io.layercount.core.LayerCount;
import org.junit.jupiter.api.Test;

/**
 * A note written after a row's count, as people annotate a summary they paste: a published
 * transfer-learning summary's {@code vgg16 (Functional) ... 14714688     # ...} lost its count, and
 * the total read 71,500, a lower bound, beside a trainable count of 14,786,188.
 */
class RowCommentTest {
  private static final String TABLE = """
       Layer (type)                Output Shape              Param #
      =================================================================
       vgg16 (Functional)          (None, 1, 1, 512)         14714688     %s
       dense (Dense)               (None, 100)               51300
      =================================================================
      Total params: 14,765,988
      Trainable params: 14,765,988
      Non-trainable params: 0
      """;

  @Test
  void aCommentAfterTheCountLeavesTheCount() {
    Analysis a = LayerCount.standard().analyze("t", TABLE.formatted("# frozen base")).get(0);
    assertEquals(14_765_988L, a.parameters().total());
    assertTrue(a.parameters().exact(), a.diagnostics().toString());
    assertTrue(a.diagnostics().stream().anyMatch(d -> d.line() == 3
        && d.message().equals("text after the parameter count ignored: '# frozen base'")), a.diagnostics().toString());
  }

  @Test
  void otherTextAfterTheCountIsNoCount() {
    Analysis a = LayerCount.standard().analyze("t", TABLE.formatted("frozen")).get(0);
    assertEquals(51_300L, a.parameters().total());
  }
}
