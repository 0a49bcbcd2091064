package io.hexagan.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The running moments against the centred moments computed from the rows, in float64. */
class RunningGramTest {

  private static final double TOLERANCE = 1e-10;

  @Test
  void downdatedMomentsEqualTheDirectOnesBeforeAndAfterAColumnChanges() {
    SplittableRandom rng = new SplittableRandom(3);
    int n = 60;
    int d = 5;
    double[][] x = new double[n][d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        row[j] = 100 + 10 * rng.nextDouble();
      }
    }
    RunningGram gram = new RunningGram(x, new double[] {104, 105, 106, 105, 103});
    boolean[] mostlyObserved = new boolean[n];
    boolean[] mostlyMissing = new boolean[n];
    for (int r = 0; r < n; r++) {
      mostlyObserved[r] = rng.nextDouble() < 0.8;
      mostlyMissing[r] = rng.nextDouble() < 0.2 || r == 0;
    }
    assertMatches(direct(x, 2, mostlyObserved), gram.regressionOf(2, mostlyObserved));
    assertMatches(direct(x, 0, mostlyMissing), gram.regressionOf(0, mostlyMissing));

    for (double[] row : x) {
      row[3] = 90 + 30 * rng.nextDouble();
    }
    gram.refresh(3);
    assertMatches(direct(x, 1, mostlyObserved), gram.regressionOf(1, mostlyObserved));
    assertMatches(direct(x, 3, mostlyMissing), gram.regressionOf(3, mostlyMissing));
  }

  /** The moments of column c on the others over the chosen rows, centred directly. */
  private static BayesianRidge.Moments direct(double[][] x, int c, boolean[] rows) {
    int d = x[0].length;
    int n = 0;
    for (boolean b : rows) {
      n += b ? 1 : 0;
    }
    double[] mean = new double[d];
    for (int r = 0; r < x.length; r++) {
      if (rows[r]) {
        for (int j = 0; j < d; j++) {
          mean[j] += x[r][j] / n;
        }
      }
    }
    int p = d - 1;
    DMatrixRMaj g = new DMatrixRMaj(p, p);
    double[] xty = new double[p];
    double yy = 0;
    for (int r = 0; r < x.length; r++) {
      if (!rows[r]) {
        continue;
      }
      double y = x[r][c] - mean[c];
      yy += y * y;
      for (int j = 0, a = 0; j < d; j++) {
        if (j == c) {
          continue;
        }
        double u = x[r][j] - mean[j];
        xty[a] += u * y;
        for (int k = 0, b = 0; k < d; k++) {
          if (k != c) {
            g.data[a * p + b++] += u * (x[r][k] - mean[k]);
          }
        }
        a++;
      }
    }
    double[] xMean = new double[p];
    for (int j = 0, a = 0; j < d; j++) {
      if (j != c) {
        xMean[a++] = mean[j];
      }
    }
    return new BayesianRidge.Moments(n, xMean, mean[c], g, xty, yy);
  }

  private static void assertMatches(BayesianRidge.Moments expected, BayesianRidge.Moments actual) {
    assertEquals(expected.rows(), actual.rows());
    assertArrayEquals(expected.xMean(), actual.xMean(), TOLERANCE);
    assertEquals(expected.yMean(), actual.yMean(), TOLERANCE);
    assertArrayEquals(expected.gram().data, actual.gram().data, TOLERANCE * 100);
    assertArrayEquals(expected.xty(), actual.xty(), TOLERANCE * 100);
    assertEquals(expected.yy(), actual.yy(), TOLERANCE * 100);
  }
}
