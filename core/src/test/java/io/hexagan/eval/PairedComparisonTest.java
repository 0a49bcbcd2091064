package io.hexagan.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PairedComparisonTest {

  @Test
  void theDifferencesMeanSpreadTAndWinsFollowTheirDefinitions() {
    // Differences 1, 2, −1: mean 2/3, sample sd √(42/18), t = mean / (sd / √3).
    PairedComparison rmse = PairedComparison.of("rmse_all_cells", List.of(1.0, 2.0, 3.0), List.of(0.0, 0.0, 4.0), true);
    assertEquals(3, rmse.folds());
    assertEquals(2.0, rmse.firstMean(), 1e-15);
    assertEquals(4.0 / 3, rmse.secondMean(), 1e-15);
    assertEquals(2.0 / 3, rmse.meanDifference(), 1e-15);
    assertEquals(Math.sqrt(42.0 / 18), rmse.sdDifference(), 1e-15);
    assertEquals((2.0 / 3) / (Math.sqrt(42.0 / 18) / Math.sqrt(3)), rmse.t(), 1e-12);
    assertEquals(1, rmse.firstBetter(), "lower is better: the first did better in the third fold only");
    assertEquals(2, PairedComparison.of("f1", List.of(1.0, 2.0, 3.0), List.of(0.0, 0.0, 4.0), false).firstBetter(),
        "higher is better");
  }

  @Test
  void tiesAndConstantDifferencesHaveNoFiniteT() {
    PairedComparison same = PairedComparison.of("f1", List.of(0.5, 0.7), List.of(0.5, 0.7), false);
    assertTrue(Double.isNaN(same.t()));
    assertEquals(0, same.firstBetter(), "a tie is no win");
    assertEquals(Double.NEGATIVE_INFINITY,
        PairedComparison.of("rmse_per_row", List.of(0.25, 0.5), List.of(0.5, 0.75), true).t());
    assertTrue(Double.isNaN(PairedComparison.of("f1", List.of(0.9), List.of(0.8), false).t()), "one fold");
  }

  @Test
  void bothSidesNeedTheSameFolds() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PairedComparison.of("f1", List.of(0.9, 0.8), List.of(0.8), false));
    assertTrue(e.getMessage().contains("found 2 and 1"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> PairedComparison.of("f1", List.of(), List.of(), false));
  }
}
