package io.layercount.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.Diagnostic;
import io.layercount.core.Severity;
import io.layercount.core.model.Layer;
import io.layercount.core.model.Network;
import io.layercount.core.spi.Source;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Keras table whose runs of spaces became one, as a copy out of a PDF leaves it: the columns
 * cannot be found by position, so each row is read by its words. A published summary so copied (a
 * thesis's BiLSTM text generator, with the page number inside the table) was read as 309,577 of
 * its footer's 5,273,767, every shape taken for a count.
 */
class CollapsedSpacingTest {
  private static final String SEQUENTIAL = """
      Model: "sequential"
      ________________________________________________________________
      Layer (type) Output Shape Param #
      =========================================================
      embedding (Embedding) (None, 49, 100) 295500
      ________________________________________________________________
      10
      bidirectional (Bidirectional (None, 49, 300) 301200
      ________________________________________________________________
      dropout (Dropout) (None, 49, 300) 0
      ________________________________________________________________
      dense (Dense) (None, 1477) 443,577
      =========================================================
      Total params: 1,040,277
      Trainable params: 1,040,277
      Non-trainable params: 0
      ________________________________________________________________
      """;

  private static final String FUNCTIONAL = """
      __________________________________________________________________________________________________
      Layer (type) Output Shape Param # Connected to
      ==================================================================================================
      input_1 (InputLayer) [(None, 8)] 0
      __________________________________________________________________________________________________
      dense (Dense) (None, 4) 36 input_1[0][0]
      __________________________________________________________________________________________________
      dense_1 (Dense) (None, 4) 36 input_1[0][0]
      __________________________________________________________________________________________________
      add (Add) (None, 4) 0 dense[0][0] dense_1[0][0]
      ==================================================================================================
      Total params: 72
      Trainable params: 72
      Non-trainable params: 0
      __________________________________________________________________________________________________
      """;

  private static Network parse(String text) {
    return new KerasSummaryParser().parse(Source.of("t", text)).networks().get(0);
  }

  private static List<String> rows(Network n) {
    return n.root().children().stream().map(l -> l.name() + " " + l.typeName() + " " + l.stated().outputShape() + " "
        + l.stated().params() + (l.stated().inbound().isEmpty() ? "" : " <- " + l.stated().inbound())).toList();
  }

  @Test
  void eachRowIsReadByItsWordsAndThePageNumberIsNoRow() {
    Network n = parse(SEQUENTIAL);
    assertEquals(List.of("embedding Embedding (None, 49, 100) 295500", "bidirectional Bidirectional (None, 49, 300) 301200",
        "dropout Dropout (None, 49, 300) 0", "dense Dense (None, 1477) 443577"), rows(n));
    assertTrue(says(n.diagnostics(), Severity.INFO, 3, "the table's columns are one space apart"), n.diagnostics().toString());
    assertTrue(says(n.diagnostics(), Severity.WARNING, 7, "not one row of the table"), n.diagnostics().toString());
  }

  @Test
  void theConnectionsAreWhatFollowsTheCount() {
    assertEquals(List.of("input_1 InputLayer [(None, 8)] 0", "dense Dense (None, 4) 36 <- [input_1]",
        "dense_1 Dense (None, 4) 36 <- [input_1]", "add Add (None, 4) 0 <- [dense, dense_1]"), rows(parse(FUNCTIONAL)));
  }

  @Test
  void aLineOfSeveralRowsRunTogetherIsNoneOfThem() {
    // a page flattened onto one line: which words belong to which row is lost, so none is read
    Network n = parse(SEQUENTIAL.replace("dropout (Dropout) (None, 49, 300) 0",
        "dropout (Dropout) (None, 49, 300) 0 dropout_1 (Dropout) (None, 49, 300) 0"));
    assertEquals(3, n.root().children().size(), rows(n).toString());
    assertTrue(says(n.diagnostics(), Severity.WARNING, 10, "not one row of the table"), n.diagnostics().toString());
    // three, as two
    Network three = parse(SEQUENTIAL.replace("dropout (Dropout) (None, 49, 300) 0",
        "dropout (Dropout) (None, 49, 300) 0 dropout_1 (Dropout) (None, 49, 300) 0 dropout_2 (Dropout) (None, 49, 300) 0"));
    assertEquals(3, three.root().children().size(), rows(three).toString());
  }

  @Test
  void onlyAHeaderOfLabelsOneSpaceApartIsCollapsed() {
    String normal = "Layer (type)                 Output Shape              Param #   ";
    assertTrue(PlainTableReader.collapsed("Layer (type) Output Shape Param #",
        PlainTableReader.columns("Layer (type) Output Shape Param #", 40)));
    assertEquals(false, PlainTableReader.collapsed(normal, PlainTableReader.columns(normal, 65)));
  }

  private static boolean says(List<Diagnostic> diagnostics, Severity severity, int line, String start) {
    return diagnostics.stream().anyMatch(d -> d.severity() == severity && d.line() == line && d.message().startsWith(start));
  }
}
