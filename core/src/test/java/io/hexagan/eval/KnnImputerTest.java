package io.hexagan.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class KnnImputerTest {

  private static final double NaN = Double.NaN;

  /** Rows A, B, C, D. */
  private static final double[][] TRAIN = {
      {0.0, 0.0, 1.0},
      {1.0, 1.0, 0.0},
      {0.2, NaN, 0.4},
      {0.1, 0.2, NaN}};

  @Test
  void averagesTheNearestRowsThatObserveTheColumn() {
    // Q observes column 0 only, so distances are sqrt(3/1 · diff²): A 0, B √3, C √0.12, D √0.03.
    // Column 1: donors A, B, D; nearest two A, D → (0.0 + 0.2) / 2.
    // Column 2: donors A, B, C; nearest two A, C → (1.0 + 0.4) / 2.
    double[] q = new KnnImputer(2).fit(TRAIN).impute(new double[][] {{0.0, NaN, NaN}})[0];
    assertArrayEquals(new double[] {0.0, 0.1, 0.7}, q, 1e-15);
  }

  @Test
  void rowsWithoutACommonFeatureAreNoNeighboursAndTiesGoToTheEarlierRow() {
    // Q observes column 2 only: D has it missing, so D is no donor. Distances: A 3·0.25, B 3·0.25,
    // C 3·0.01. Column 0: C, then A (tied with B, earlier) → (0.2 + 0.0) / 2. Column 1: A, B → 0.5.
    double[] q = new KnnImputer(2).fit(TRAIN).impute(new double[][] {{NaN, NaN, 0.5}})[0];
    assertArrayEquals(new double[] {0.1, 0.5, 0.5}, q, 1e-15);
  }

  @Test
  void usesAllDonorsWhenFewerThanKAndTheMeanWhenNone() {
    double[] q = new KnnImputer(5).fit(TRAIN).impute(new double[][] {{0.0, NaN, NaN}})[0];
    assertEquals((0.0 + 1.0 + 0.2) / 3, q[1], 1e-15);
    assertEquals((1.0 + 0.0 + 0.4) / 3, q[2], 1e-15);

    double[][] train = {{NaN, 1.0}, {NaN, 0.0}, {0.5, NaN}};
    double[] r = new KnnImputer().fit(train).impute(new double[][] {{0.2, NaN}})[0];
    assertEquals(0.5, r[1], 0, "no donor shares a feature with the row: the column mean");
  }

  @Test
  void transductiveImputationNeverUsesTheRowItself() {
    double[] c = new KnnImputer(1).fitImpute(TRAIN)[2];
    // C = (0.2, ?, 0.4): distance over columns 0 and 2, sqrt(3/2 · Σ): A 0.04+0.36, B 0.64+0.16, D has
    // column 2 missing → 0.01 over one column · 3 = 0.03 → D is nearest with column 1 = 0.2.
    assertEquals(0.2, c[1], 0);
  }

  @Test
  void imputesACreditSizedTestFoldQuickly() {
    // Credit's shape: a 6,000-row test fold against 24,000 training rows, 23 columns, 20% missing.
    double[][] x = new McarMasker(0.2, 0, 1).mask(30_000, 23).apply(SyntheticTables.twoFactor(30_000, 23, 0.3, 1));
    FittedImputer fitted = new KnnImputer().fit(java.util.Arrays.copyOfRange(x, 0, 24_000));
    long start = System.nanoTime();
    double[][] out = fitted.impute(java.util.Arrays.copyOfRange(x, 24_000, 30_000));
    double seconds = (System.nanoTime() - start) / 1e9;
    assertEquals(6_000, out.length);
    // About 5 s on 2 cores; the bound leaves room for a loaded machine.
    org.junit.jupiter.api.Assertions.assertTrue(seconds < 30, "took " + seconds + " s");
  }

  @Test
  void validatesK() {
    assertThrows(IllegalArgumentException.class, () -> new KnnImputer(0));
  }
}
