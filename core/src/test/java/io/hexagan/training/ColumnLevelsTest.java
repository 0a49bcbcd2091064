package io.hexagan.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hexagan.graph.LevelIndicators;
import org.junit.jupiter.api.Test;

/** Which columns get level indicators, and their levels and hat widths. */
class ColumnLevelsTest {
  private static final float NA = 0.7f;

  /**
   * Four columns over five rows: 0 takes three values (one more hidden in a missing cell), 1 two
   * values, 2 five values, 3 four values.
   */
  private static final float[] VALUES = {
    0f, 0f, 0.1f, 0f,
    0.5f, 1f, 0.2f, 0.25f,
    1f, 0f, 0.3f, 0.5f,
    NA, 1f, 0.4f, 1f,
    0.5f, 0f, 0.5f, 0f,
  };
  private static final float[] MASK = {
    1, 1, 1, 1,
    1, 1, 1, 1,
    1, 1, 1, 1,
    0, 1, 1, 1,
    1, 1, 1, 1,
  };

  @Test
  void columnsOfThreeToMaxObservedValuesGetOneIndicatorPerValue() {
    LevelIndicators levels = ColumnLevels.find(VALUES, MASK, 4, 4);
    assertArrayEquals(new int[] {0, 0, 0, 3, 3, 3, 3}, levels.columns());
    assertArrayEquals(new float[] {0f, 0.5f, 1f, 0f, 0.25f, 0.5f, 1f}, levels.levels());
    // Half-width: the distance to the nearest other level.
    assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f, 0.25f, 0.25f, 0.25f, 0.5f}, levels.widths());
  }

  @Test
  void aLargerLimitAddsTheFiveValuedColumnAndALimitBelowThreeNone() {
    assertArrayEquals(new int[] {0, 0, 0, 2, 2, 2, 2, 2, 3, 3, 3, 3}, ColumnLevels.find(VALUES, MASK, 4, 5).columns());
    assertEquals(0, ColumnLevels.find(VALUES, MASK, 4, 0).count());
    assertEquals(0, ColumnLevels.find(VALUES, MASK, 4, 2).count());
    assertEquals(3, ColumnLevels.find(VALUES, MASK, 4, 3).count());
  }
}
