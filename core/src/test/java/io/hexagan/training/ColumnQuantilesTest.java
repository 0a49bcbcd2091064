package io.hexagan.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hexagan.graph.QuantileRanks;
import org.junit.jupiter.api.Test;

/** The knots of every column's quantile ranks, from its observed cells only. */
class ColumnQuantilesTest {

  @Test
  void knotsAreTheObservedCellsQuantilesAndRepeatedValuesGetTheNarrowestSegment() {
    // Column 0 observes 0, 0, 0, 0.5, 1 (and hides 0.9); column 1 observes 0.2 to 0.8 evenly.
    float[] values = {0f, 0.2f, 0f, 0.35f, 0f, 0.5f, 0.5f, 0.65f, 1f, 0.8f, 0.9f, 0.5f};
    float[] mask = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0};
    QuantileRanks ranks = ColumnQuantiles.find(values, mask, 2, 4);
    assertEquals(2, ranks.count());
    // Column 0: quantiles 0, 0, 0, 0.5, 1 at p = 0, 1/4, 1/2, 3/4, 1 (positions 0, 1, 2, 3, 4).
    float w = QuantileRanks.MIN_WIDTH;
    assertArrayEquals(new float[] {0f, 0f, 0f, 0.5f, 0.2f, 0.35f, 0.5f, 0.65f}, ranks.lows(), 1e-7f);
    assertArrayEquals(new float[] {w, w, 0.5f, 0.5f, 0.15f, 0.15f, 0.15f, 0.15f}, ranks.widths(), 1e-6f);
  }

  @Test
  void quantilesInterpolateBetweenOrderStatistics() {
    float[] sorted = {1f, 2f, 4f};
    assertEquals(1f, ColumnQuantiles.quantile(sorted, 0), 0f);
    assertEquals(1.5f, ColumnQuantiles.quantile(sorted, 0.25), 1e-7f);
    assertEquals(3f, ColumnQuantiles.quantile(sorted, 0.75), 1e-7f);
    assertEquals(4f, ColumnQuantiles.quantile(sorted, 1), 0f);
    assertEquals(0f, ColumnQuantiles.quantile(new float[0], 0.5), 0f);
    assertEquals(0, ColumnQuantiles.find(sorted, new float[] {1, 1, 1}, 1, 0).count());
  }
}
