package io.hexagan.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MiceImputerTest {

  @Test
  void recoversAnExactLinearRelationNearlyPerfectly() {
    SplittableRandom rng = new SplittableRandom(11);
    int n = 200;
    double[][] truth = new double[n][4];
    for (double[] row : truth) {
      row[0] = rng.nextDouble();
      row[1] = rng.nextDouble();
      row[2] = rng.nextDouble();
      row[3] = 0.1 + 0.3 * row[0] + 0.5 * row[1] + 0.05 * row[2];
    }
    boolean[][] masked = new boolean[n][4];
    double[][] x = new double[n][];
    for (int r = 0; r < n; r++) {
      x[r] = truth[r].clone();
      if (rng.nextDouble() < 0.3) {
        masked[r][3] = true;
        x[r][3] = Double.NaN;
      }
    }
    double[][] out = new MiceImputer().fitImpute(x);
    double rmse = ImputationMetrics.rmseGlobal(truth, out, masked, new io.hexagan.io.MinMaxScaler(
        new double[] {0, 0, 0, 0}, new double[] {1, 1, 1, 1}));
    assertTrue(rmse < 1e-5, "RMSE " + rmse);
  }

  @Test
  void replayingTheChainOnTheTrainingMatrixGivesTheFitsImputation() {
    double[][] truth = SyntheticTables.twoFactor(150, 5, 0.2, 4);
    double[][] x = new McarMasker(0.2, 0, 4).mask(150, 5).apply(truth);
    MiceImputer mice = new MiceImputer();
    MiceImputer.Fitted fitted = mice.fit(x);
    assertTrue(fitted.rounds() >= 1 && fitted.rounds() <= MiceImputer.DEFAULT_MAX_ROUNDS);
    assertEquals(5 * fitted.rounds(), fitted.steps().size());
    double[][] a = mice.fitImpute(x);
    double[][] b = fitted.impute(x);
    for (int r = 0; r < a.length; r++) {
      assertArrayEquals(a[r], b[r], 0);
    }
  }

  @Test
  void stopsAtTheRoundLimit() {
    double[][] x = new McarMasker(0.2, 0, 5).mask(100, 4).apply(SyntheticTables.twoFactor(100, 4, 0.3, 5));
    assertEquals(1, new MiceImputer(1, 0).fit(x).rounds());
  }

  @Test
  void iteratesColumnsInAscendingOrderOfMissingness() {
    double[][] x = SyntheticTables.twoFactor(50, 3, 0.1, 6);
    for (int r = 0; r < 20; r++) {
      x[r][0] = Double.NaN;
    }
    for (int r = 20; r < 25; r++) {
      x[r][2] = Double.NaN;
    }
    MiceImputer.Fitted fitted = new MiceImputer(1, 0).fit(x);
    assertEquals(java.util.List.of(1, 2, 0), fitted.steps().stream().map(MiceImputer.Step::column).toList());
  }

  @Test
  void validatesSettings() {
    assertThrows(IllegalArgumentException.class, () -> new MiceImputer(0, 1e-3));
    assertThrows(IllegalArgumentException.class, () -> new MiceImputer(10, -1));
  }
}
