package io.hexagan.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.tensorflow.types.TFloat64;

/** E's quantile ranks in float64: piecewise linear through the knots, a step at a repeated value, 0 when missing. */
class QuantileRanksTest {
  private static final float W = QuantileRanks.MIN_WIDTH;
  /** Column 0: knots 0, 0, 0.5, 1 (a quarter of the cells at exactly 0); column 1: 0 to 1 evenly in 3 segments. */
  private static final QuantileRanks RANKS = new QuantileRanks(2, 3,
      new float[] {0f, 0f, 0.5f, 0f, 1f / 3, 2f / 3}, new float[] {W, 0.5f, 0.5f, 1f / 3, 1f / 3, 1f / 3});

  private static double[] ranks(double[] x, double[] m) {
    return RowOps.evaluate((tf, xs, ms) -> RANKS.apply(tf, xs, ms, TFloat64.class), 2, x, m);
  }

  @Test
  void ranksFollowTheKnotsAndARepeatedValueIsAStep() {
    double[] x = {0, 0.5, 0.01, 0.25, 0.75, 1, 1, 0.5};
    double[] m = {1, 1, 1, 1, 1, 1, 0, 0};
    double[] expected = {
      0, 0.5,
      (1 + 0.02) / 3, 0.25,
      (1 + 1 + 0.5) / 3, 1,
      0, 0,
    };
    assertArrayEquals(expected, ranks(x, m), 1e-6);
  }

  @Test
  void rejectsWrongSizesAndSegmentsNarrowerThanTheMinimum() {
    assertThrows(IllegalArgumentException.class, () -> new QuantileRanks(2, 3, new float[5], new float[5]));
    assertThrows(IllegalArgumentException.class,
        () -> new QuantileRanks(1, 1, new float[] {0f}, new float[] {W / 2}));
  }
}
