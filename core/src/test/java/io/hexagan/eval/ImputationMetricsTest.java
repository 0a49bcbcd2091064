package io.hexagan.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hexagan.io.MinMaxScaler;
import org.junit.jupiter.api.Test;

class ImputationMetricsTest {

  // Column 0 spans [10, 20], column 1 spans [0, 1]: true scale min (10, 0), span (10, 1).
  private static final double[][] TRUTH = {{10, 0.0}, {20, 1.0}, {15, 0.5}};

  @Test
  void theTwoFormulasByHand() {
    // Scaled errors: row 0 both cells masked, errors 0.3 (3 units / span 10) and 0.4; row 1 has
    // no masked cell; row 2 one masked cell, error 0.1.
    double[][] imputed = {{13, 0.4}, {20, 1.0}, {15, 0.6}};
    boolean[][] masked = {{true, true}, {false, false}, {false, true}};
    MinMaxScaler scale = ImputationMetrics.trueScale(TRUTH);
    // Global: sqrt((0.09 + 0.16 + 0.01) / 3).
    assertEquals(Math.sqrt(0.26 / 3), ImputationMetrics.rmseGlobal(TRUTH, imputed, masked, scale), 1e-12);
    // Per row: (sqrt((0.09 + 0.16) / 2) + sqrt(0.01)) / 2, over the two rows with masked cells.
    assertEquals((Math.sqrt(0.125) + 0.1) / 2, ImputationMetrics.rmsePerRow(TRUTH, imputed, masked, scale), 1e-12);
    assertTrue(Math.abs(Math.sqrt(0.26 / 3) - (Math.sqrt(0.125) + 0.1) / 2) > 0.06, "the formulas differ here");
  }

  @Test
  void theFormulasAgreeWhenEveryRowHasOneMaskedCellWithTheSameError() {
    double[][] imputed = {{12, 0.0}, {18, 1.0}, {17, 0.5}};
    boolean[][] masked = {{true, false}, {true, false}, {true, false}};
    MinMaxScaler scale = ImputationMetrics.trueScale(TRUTH);
    assertEquals(0.2, ImputationMetrics.rmseGlobal(TRUTH, imputed, masked, scale), 1e-12);
    assertEquals(0.2, ImputationMetrics.rmsePerRow(TRUTH, imputed, masked, scale), 1e-12);
  }

  @Test
  void nothingMaskedIsNaNAndBadInputIsRejected() {
    MinMaxScaler scale = ImputationMetrics.trueScale(TRUTH);
    boolean[][] none = new boolean[3][2];
    assertTrue(Double.isNaN(ImputationMetrics.rmseGlobal(TRUTH, TRUTH, none, scale)));
    assertTrue(Double.isNaN(ImputationMetrics.rmsePerRow(TRUTH, TRUTH, none, scale)));
    boolean[][] one = {{true, false}, {false, false}, {false, false}};
    double[][] unfilled = {{Double.NaN, 0.0}, {20, 1.0}, {15, 0.5}};
    assertThrows(IllegalArgumentException.class, () -> ImputationMetrics.rmseGlobal(TRUTH, unfilled, one, scale));
    assertThrows(IllegalArgumentException.class, () -> ImputationMetrics.rmsePerRow(TRUTH, new double[2][2], one, scale));
  }
}
