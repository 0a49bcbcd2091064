package io.hexagan.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PositiveClassesTest {

  @Test
  void wineF1CountsClassesOneAndTwoAsPositive() {
    int[] truth = {0, 1, 2, 2, 0, 1};
    int[] predicted = {1, 2, 2, 0, 0, 1};
    // Positive = {1, 2}: truth P P P P N P... binary truth 0 1 1 1 0 1, predicted 1 1 1 0 0 1:
    // TP 3, FP 1, FN 1 → F1 = 6 / 8.
    assertEquals(0.75, PositiveClasses.of(2, 1).f1(truth, predicted), 1e-15);
    assertArrayEquals(new int[] {1, 2}, PositiveClasses.of(2, 1, 2).ids());
  }

  @Test
  void theMinorityClassIsPositiveForBinaryTables() {
    int[] labels = {0, 1, 1, 1, 0, 1};
    PositiveClasses p = PositiveClasses.minority(labels, 2);
    assertArrayEquals(new int[] {0}, p.ids());
    assertEquals(io.hexagan.training.Metrics.f1(labels, new int[] {0, 0, 1, 1, 1, 1}, 0),
        p.f1(labels, new int[] {0, 0, 1, 1, 1, 1}), 0);
  }

  @Test
  void rejectsNoOrNegativeIds() {
    assertThrows(IllegalArgumentException.class, PositiveClasses::of);
    assertThrows(IllegalArgumentException.class, () -> PositiveClasses.of(-1));
  }
}
