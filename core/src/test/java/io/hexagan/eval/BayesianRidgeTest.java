package io.hexagan.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Against scikit-learn 1.2.1's BayesianRidge() on the same 8 × 3 design. */
class BayesianRidgeTest {

  private static final double[][] X = {
      {0.1, 0.5, 0.9}, {0.4, 0.2, 0.3}, {0.8, 0.9, 0.1}, {0.3, 0.7, 0.6},
      {0.6, 0.1, 0.8}, {0.9, 0.4, 0.2}, {0.2, 0.8, 0.5}, {0.5, 0.3, 0.7}};

  private static DMatrixRMaj design() {
    return new DMatrixRMaj(X);
  }

  @Test
  void shrinksAnUnrelatedTargetToItsMeanAsScikitLearnDoes() {
    double[] y = {0.3, 0.5, 0.2, 0.9, 0.4, 0.8, 0.1, 0.6};
    LinearModel m = BayesianRidge.fit(design(), y);
    assertArrayEquals(new double[] {7.110336614912511e-04, -9.088580083661180e-04, -9.183929859364934e-05},
        m.coefficients(), 1e-9);
    assertEquals(0.4751523949303994, m.intercept(), 1e-9);
  }

  @Test
  void recoversAnExactLinearRelationAsScikitLearnDoes() {
    double[] y = new double[X.length];
    for (int i = 0; i < X.length; i++) {
      y[i] = 1.5 * X[i][0] - 2 * X[i][1] + 0.25;
    }
    LinearModel m = BayesianRidge.fit(design(), y);
    assertArrayEquals(new double[] {1.4999994310450064, -1.9999994670966379, -1.6619507590964755e-07},
        m.coefficients(), 1e-8);
    assertEquals(0.25000009563820924, m.intercept(), 1e-8);
  }

  @Test
  void constantTargetAndConstantColumnGiveZeroWeights() {
    double[][] x = {{1, 0.2}, {1, 0.4}, {1, 0.9}};
    LinearModel m = BayesianRidge.fit(new DMatrixRMaj(x), new double[] {0.7, 0.7, 0.7});
    assertArrayEquals(new double[] {0, 0}, m.coefficients(), 1e-12);
    assertEquals(0.7, m.intercept(), 1e-12);
  }

  @Test
  void theTridiagonalRouteGivesTheEigenvectorRoutesWeights() {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(9);
    int n = 120;
    int p = 45;
    DMatrixRMaj x = new DMatrixRMaj(n, p);
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < p; j++) {
        x.set(i, j, rng.nextDouble() + (j > 0 ? 0.7 * x.get(i, j - 1) : 0));
      }
      y[i] = 0.3 * x.get(i, 0) - 0.8 * x.get(i, 7) + 0.1 * rng.nextDouble();
    }
    DMatrixRMaj centred = x.copy();
    double[] mean = new double[p];
    for (int j = 0; j < p; j++) {
      for (int i = 0; i < n; i++) {
        mean[j] += x.get(i, j) / n;
      }
      for (int i = 0; i < n; i++) {
        centred.set(i, j, x.get(i, j) - mean[j]);
      }
    }
    double yMean = java.util.Arrays.stream(y).average().orElseThrow();
    double[] yc = java.util.Arrays.stream(y).map(v -> v - yMean).toArray();
    DMatrixRMaj gram = new DMatrixRMaj(p, p);
    org.ejml.dense.row.CommonOps_DDRM.multTransA(centred, centred, gram);
    DMatrixRMaj xty = new DMatrixRMaj(p, 1);
    org.ejml.dense.row.CommonOps_DDRM.multTransA(centred, DMatrixRMaj.wrap(n, 1, yc), xty);
    double yy = java.util.Arrays.stream(yc).map(v -> v * v).sum();
    BayesianRidge.Moments m = new BayesianRidge.Moments(n, mean, yMean, gram, xty.data, yy);

    LinearModel fast = BayesianRidge.fit(m);
    LinearModel dense = BayesianRidge.fit(m, true);
    assertArrayEquals(dense.coefficients(), fast.coefficients(), 1e-9);
    assertEquals(dense.intercept(), fast.intercept(), 1e-9);
    assertArrayEquals(BayesianRidge.fit(x, y).coefficients(), fast.coefficients(), 1e-9);
  }
}
