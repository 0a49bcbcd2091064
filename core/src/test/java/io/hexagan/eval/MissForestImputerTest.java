package io.hexagan.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MissForestImputerTest {

  private static double[][] table() {
    return new McarMasker(0.2, 0, 12).mask(150, 5).apply(SyntheticTables.twoFactor(150, 5, 0.1, 12));
  }

  @Test
  void theSameSeedGivesTheSameImputation() {
    MissForestImputer imputer = new MissForestImputer(20, 5, 5_000, 10, 3);
    double[][] a = imputer.fitImpute(table());
    double[][] b = imputer.fitImpute(table());
    for (int r = 0; r < a.length; r++) {
      assertArrayEquals(a[r], b[r], 0);
    }
  }

  @Test
  void stopsWhenTheChangeGrowsOrAtTheRoundLimit() {
    MissForestImputer.Run run = new MissForestImputer(20, 5, 5_000, 10, 3).run(table(), false);
    assertTrue(run.rounds() >= 1 && run.rounds() <= 10, "rounds " + run.rounds());
    assertTrue(new MissForestImputer(20, 5, 5_000, 1, 3).run(table(), false).rounds() == 1);
  }

  @Test
  void imputingTheTrainingRowsWithTheKeptForestsStaysClose() {
    double[][] x = table();
    MissForestImputer imputer = new MissForestImputer(30, 5, 5_000, 10, 3);
    MissForestImputer.Run run = imputer.run(x, true);
    double[][] again = run.model().impute(x);
    double[][] truth = SyntheticTables.twoFactor(150, 5, 0.1, 12);
    boolean[][] masked = new McarMasker(0.2, 0, 12).mask(150, 5).cells();
    double transductive = SyntheticTables.rmse(truth, run.imputation(), masked);
    double inductive = SyntheticTables.rmse(truth, again, masked);
    assertTrue(inductive < 1.25 * transductive, "inductive " + inductive + " vs transductive " + transductive);
  }

  @Test
  void validatesSettings() {
    assertThrows(IllegalArgumentException.class, () -> new MissForestImputer(0, 5, 10, 10, 0));
    assertThrows(IllegalArgumentException.class, () -> new MissForestImputer(10, 0, 10, 10, 0));
    assertThrows(IllegalArgumentException.class, () -> new MissForestImputer(10, 5, 0, 10, 0));
    assertThrows(IllegalArgumentException.class, () -> new MissForestImputer(10, 5, 10, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new MissForestImputer().fit(new double[][] {{0.5}}));
  }
}
