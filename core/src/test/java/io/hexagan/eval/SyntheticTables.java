package io.hexagan.eval;

import java.util.SplittableRandom;

/** Tables made in the tests, from fixed seeds. */
final class SyntheticTables {
  private SyntheticTables() {}

  /**
   * {@code rows} × {@code columns} cells driven by two latent factors: column j is {@code a_j z₁ +
   * b_j z₂ + noise · ε}, with z₁, z₂, ε standard normal and loadings a_j, b_j uniform in [−1, 1],
   * then min-max scaled to [0, 1]. Pairs of columns are strongly correlated when noise is small.
   */
  static double[][] twoFactor(int rows, int columns, double noise, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] a = new double[columns];
    double[] b = new double[columns];
    for (int j = 0; j < columns; j++) {
      a[j] = rng.nextDouble(-1, 1);
      b[j] = rng.nextDouble(-1, 1);
    }
    double[][] x = new double[rows][columns];
    for (int r = 0; r < rows; r++) {
      double z1 = gaussian(rng);
      double z2 = gaussian(rng);
      for (int j = 0; j < columns; j++) {
        x[r][j] = a[j] * z1 + b[j] * z2 + noise * gaussian(rng);
      }
    }
    return scaled(x);
  }

  /** Each column min-max scaled to [0, 1]. */
  static double[][] scaled(double[][] x) {
    int d = x[0].length;
    io.hexagan.io.MinMaxScaler s = io.hexagan.io.MinMaxScaler.fit(x, d);
    double[][] out = new double[x.length][d];
    for (int r = 0; r < x.length; r++) {
      for (int c = 0; c < d; c++) {
        out[r][c] = s.transform(c, x[r][c]);
      }
    }
    return out;
  }

  static double gaussian(SplittableRandom rng) {
    double u = rng.nextDouble();
    double v = rng.nextDouble();
    return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
  }

  /** RMSE (one root over all masked cells) of {@code imputed} against {@code truth}, in [0,1]. */
  static double rmse(double[][] truth, double[][] imputed, boolean[][] masked) {
    return ImputationMetrics.rmseGlobal(truth, imputed, masked, ImputationMetrics.trueScale(truth));
  }
}
