package io.hexagan.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tensorflow.types.TFloat64;

/**
 * E's level indicators in float64: one-hot at an observed level, linear between two levels, zero
 * beyond the neighbouring levels and for a missing cell.
 */
class LevelIndicatorsTest {

  /** Column 1 of a 3-column table has levels 0, 0.25 and 1 (hat half-widths 0.25, 0.25, 0.75). */
  private static final LevelIndicators LEVELS =
      new LevelIndicators(new int[] {1, 1, 1}, new float[] {0f, 0.25f, 1f}, new float[] {0.25f, 0.25f, 0.75f});

  private static double[] indicators(double[] x, double[] m) {
    return RowOps.evaluate((tf, xs, ms) -> LEVELS.apply(tf, xs, ms, TFloat64.class), 3, x, m);
  }

  @Test
  void observedLevelsAreOneHotAndValuesBetweenInterpolate() {
    double[] x = {
      9, 0.25, 9,   // level 0.25
      9, 1, 9,      // level 1
      9, 0.125, 9,  // halfway between 0 and 0.25
      9, 0.625, 9,  // halfway between 0.25 and 1: 0.25's hat is already 0, 1's is 0.5
      9, 0.25, 9,   // level 0.25, but missing
    };
    double[] m = {0, 1, 0, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 0, 1};
    double[] expected = {
      0, 1, 0,
      0, 0, 1,
      0.5, 0.5, 0,
      0, 0, 0.5,
      0, 0, 0,
    };
    assertArrayEquals(expected, indicators(x, m), 1e-7);
  }

  @Test
  void rejectsMismatchedArraysAndNonPositiveWidths() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new LevelIndicators(new int[] {0}, new float[] {0f, 1f}, new float[] {1f}));
    assertTrue(e.getMessage().contains("1, 2 and 1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new LevelIndicators(new int[] {0}, new float[] {0f}, new float[] {0f}));
    assertTrue(e.getMessage().contains("positive"), e.getMessage());
  }
}
