package io.hexagan.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class SoftImputeImputerTest {

  @Test
  void softThresholdShrinksTheSingularValues() {
    // Orthogonal rows and columns: singular values 3, 2, 1.
    double[][] a = {{3, 0, 0}, {0, 0, 2}, {0, 1, 0}, {0, 0, 0}};
    SoftThreshold s = SoftThreshold.of(new DMatrixRMaj(a), 1.5, Integer.MAX_VALUE);
    assertEquals(3, s.largest(), 1e-12);
    assertArrayEquals(new double[] {1.5, 0.5}, s.shrunk(), 1e-12);
    double[][] expected = {{1.5, 0, 0}, {0, 0, 0.5}, {0, 0, 0}, {0, 0, 0}};
    for (int r = 0; r < 4; r++) {
      for (int c = 0; c < 3; c++) {
        assertEquals(expected[r][c], s.lowRank().get(r, c), 1e-12);
      }
    }
  }

  @Test
  void softThresholdOfAWideMatrixIsTheTransposeOfTheTall() {
    SplittableRandom rng = new SplittableRandom(2);
    DMatrixRMaj tall = new DMatrixRMaj(7, 4);
    for (int i = 0; i < tall.data.length; i++) {
      tall.data[i] = rng.nextDouble(-1, 1);
    }
    DMatrixRMaj wide = new DMatrixRMaj(4, 7);
    org.ejml.dense.row.CommonOps_DDRM.transpose(tall, wide);
    double lambda = 0.5;
    SoftThreshold t = SoftThreshold.of(tall, lambda, 2);
    SoftThreshold w = SoftThreshold.of(wide, lambda, 2);
    assertArrayEquals(t.shrunk(), w.shrunk(), 1e-10);
    for (int r = 0; r < 7; r++) {
      for (int c = 0; c < 4; c++) {
        assertEquals(t.lowRank().get(r, c), w.lowRank().get(c, r), 1e-10);
      }
    }
  }

  @Test
  void completesALowRankMatrix() {
    SplittableRandom rng = new SplittableRandom(3);
    int n = 120;
    int d = 10;
    double[][] u = new double[n][2];
    double[][] v = new double[d][2];
    for (double[] row : u) {
      row[0] = rng.nextDouble(-1, 1);
      row[1] = rng.nextDouble(-1, 1);
    }
    for (double[] row : v) {
      row[0] = rng.nextDouble(-1, 1);
      row[1] = rng.nextDouble(-1, 1);
    }
    double[][] truth = new double[n][d];
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < d; c++) {
        truth[r][c] = u[r][0] * v[c][0] + u[r][1] * v[c][1];
      }
    }
    truth = SyntheticTables.scaled(truth);
    McarMask mask = new McarMasker(0.2, 0, 3).mask(n, d);
    double[][] x = mask.apply(truth);
    double soft = SyntheticTables.rmse(truth, new SoftImputeImputer().fitImpute(x), mask.cells());
    double mean = SyntheticTables.rmse(truth, new MeanImputer().fitImpute(x), mask.cells());
    assertTrue(soft < 0.15 * mean, "soft-impute " + soft + " vs mean " + mean);
  }

  @Test
  void theFittedFactorReproducesTheTrainingCompletion() {
    double[][] truth = SyntheticTables.twoFactor(150, 6, 0.1, 5);
    double[][] x = new McarMasker(0.2, 0, 5).mask(150, 6).apply(truth);
    // At the fixed point the identity is exact; 2,000 iterations get within rounding of it.
    SoftImputeImputer imputer = new SoftImputeImputer(SoftImputeImputer.DEFAULT_SHRINKAGE, 2_000, 0, Integer.MAX_VALUE);
    SoftImputeImputer.Completion completion = imputer.complete(x);
    double[][] replayed = completion.model().impute(x);
    for (int r = 0; r < x.length; r++) {
      assertArrayEquals(completion.imputation()[r], replayed[r], 1e-10, "row " + r);
    }
    assertTrue(completion.model().rank() >= 2);
  }

  @Test
  void validatesSettings() {
    assertThrows(IllegalArgumentException.class, () -> new SoftImputeImputer(0, 100, 1e-5, 5));
    assertThrows(IllegalArgumentException.class, () -> new SoftImputeImputer(1, 100, 1e-5, 5));
    assertThrows(IllegalArgumentException.class, () -> new SoftImputeImputer(0.1, 0, 1e-5, 5));
    assertThrows(IllegalArgumentException.class, () -> new SoftImputeImputer(0.1, 10, -1, 5));
    assertThrows(IllegalArgumentException.class, () -> new SoftImputeImputer(0.1, 10, 1e-5, 0));
  }
}
