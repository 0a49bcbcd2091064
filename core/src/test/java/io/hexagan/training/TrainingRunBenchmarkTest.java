package io.hexagan.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hexagan.io.MaskedTable;
import org.junit.jupiter.api.Test;

class TrainingRunBenchmarkTest {

  @Test
  void syntheticTableHasTheAskedShapeMasksAndImbalance() {
    MaskedTable t = TrainingRunBenchmark.table(4000, 12, 7);
    assertEquals(4000, t.rows());
    assertEquals(12, t.features());
    int missing = 0;
    for (int r = 0; r < t.rows(); r++) {
      for (int c = 0; c < t.features(); c++) {
        missing += t.observed(r, c) ? 0 : 1;
      }
    }
    assertEquals(0.2, missing / (4000.0 * 12), 0.01, "share of missing cells");
    assertEquals(0.2, 1 - t.labeledRows() / 4000.0, 0.02, "share of missing labels");
    int positive = 0;
    for (int label : t.labels()) {
      positive += label == 1 ? 1 : 0;
    }
    assertEquals(0.15, positive / (double) t.labeledRows(), 0.03, "share of positives among labelled rows");
  }

  @Test
  void syntheticTableIsSeeded() {
    assertArrayEquals(TrainingRunBenchmark.table(50, 4, 3).values()[17], TrainingRunBenchmark.table(50, 4, 3).values()[17]);
    assertThrows(IllegalArgumentException.class, () -> TrainingRunBenchmark.table(9, 4, 3));
  }

  @Test
  void columnsShareTheirFactorsSoImputationHasSomethingToLearn() {
    // Two columns mixing the same factors are correlated; with 8 factors and random loadings at
    // least one pair out of the first few must be clearly so.
    MaskedTable t = TrainingRunBenchmark.table(2000, 6, 11);
    double best = 0;
    for (int a = 0; a < 6; a++) {
      for (int b = a + 1; b < 6; b++) {
        best = Math.max(best, Math.abs(correlation(t, a, b)));
      }
    }
    assertTrue(best > 0.4, "largest |correlation| " + best);
  }

  @Test
  void aShortRunReportsItsEpochsTimeAndValidation() {
    TrainingRunBenchmark.Result r = TrainingRunBenchmark.measure(300, 5, 1, SyntheticTables.quick(3));
    assertEquals(3, r.epochs());
    assertTrue(r.seconds() > 0 && r.msPerIteration() > 0, r.toString());
    assertTrue(r.validationRmse() > 0 && r.meanImputationRmse() > 0, r.toString());
    assertTrue(r.peakHeapBytes() > 0, r.toString());
  }

  private static double correlation(MaskedTable t, int a, int b) {
    double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
    int n = 0;
    for (int r = 0; r < t.rows(); r++) {
      if (t.observed(r, a) && t.observed(r, b)) {
        double x = t.values()[r][a];
        double y = t.values()[r][b];
        sa += x;
        sb += y;
        saa += x * x;
        sbb += y * y;
        sab += x * y;
        n++;
      }
    }
    double cov = sab / n - sa / n * sb / n;
    return cov / Math.sqrt((saa / n - sa * sa / n / n) * (sbb / n - sb * sb / n / n));
  }
}
