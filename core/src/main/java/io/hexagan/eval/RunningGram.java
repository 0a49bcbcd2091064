package io.hexagan.eval;

import org.ejml.data.DMatrixRMaj;

/**
 * The second moments of a matrix that changes one column at a time, as MICE's current imputation
 * does, so that each column's regression statistics ({@link BayesianRidge.Moments}) cost a pass
 * over that column's missing rows instead of a pass over every row.
 *
 * <p>Keeps {@code S = Σ_r z_r z_rᵀ} and {@code s = Σ_r z_r} over all rows, with {@code z = x − m}
 * shifted by fixed column offsets {@code m} (the mean fill) so that the centring below subtracts
 * numbers of the data's spread, not of its magnitude. The moments over the rows observing column
 * c are {@code S − Σ_{r missing c} z_r z_rᵀ} (or, when most of c is missing, the sum over the
 * observing rows directly); centring them is {@code G − n μ μᵀ}. Replacing a column's cells costs
 * one O(n·d) refresh of that column's row of S.
 */
final class RunningGram {

  private final double[][] x;
  private final double[] shift;
  private final int n;
  private final int d;
  /** S, full and symmetric, d × d, row-major. */
  private final double[] gram;
  private final double[] sum;

  /**
   * @param x the matrix, n × d, read (not copied) on every call: refresh a column after changing it
   * @param shift the column offsets m
   */
  RunningGram(double[][] x, double[] shift) {
    this.x = x;
    this.shift = shift.clone();
    this.n = x.length;
    this.d = shift.length;
    this.gram = new double[d * d];
    this.sum = new double[d];
    double[] z = new double[d];
    for (double[] row : x) {
      shifted(row, z);
      addOuter(gram, z, 1);
      for (int j = 0; j < d; j++) {
        sum[j] += z[j];
      }
    }
    mirror(gram);
  }

  /** Recomputes the moments involving column c after its cells changed. */
  void refresh(int c) {
    double[] column = new double[d];
    double total = 0;
    for (double[] row : x) {
      double zc = row[c] - shift[c];
      total += zc;
      for (int k = 0; k < d; k++) {
        column[k] += zc * (row[k] - shift[k]);
      }
    }
    sum[c] = total;
    for (int k = 0; k < d; k++) {
      gram[c * d + k] = column[k];
      gram[k * d + c] = column[k];
    }
  }

  /**
   * The centred moments of the regression of column {@code c} on the other columns over the rows
   * where {@code observed[r][c]} holds (at least one).
   */
  BayesianRidge.Moments regressionOf(int c, boolean[] observedRows) {
    int observed = 0;
    for (boolean o : observedRows) {
      if (o) {
        observed++;
      }
    }
    if (observed == 0) {
      throw new IllegalArgumentException("column " + c + ": expected at least one observed row, found none");
    }
    double[] g;
    double[] s;
    double[] z = new double[d];
    if (observed >= n - observed) {
      g = gram.clone();
      s = sum.clone();
      for (int r = 0; r < n; r++) {
        if (!observedRows[r]) {
          shifted(x[r], z);
          addOuter(g, z, -1);
          for (int j = 0; j < d; j++) {
            s[j] -= z[j];
          }
        }
      }
    } else {
      g = new double[d * d];
      s = new double[d];
      for (int r = 0; r < n; r++) {
        if (observedRows[r]) {
          shifted(x[r], z);
          addOuter(g, z, 1);
          for (int j = 0; j < d; j++) {
            s[j] += z[j];
          }
        }
      }
    }
    mirror(g);
    double[] mu = new double[d];
    for (int j = 0; j < d; j++) {
      mu[j] = s[j] / observed;
    }
    int p = d - 1;
    DMatrixRMaj centred = new DMatrixRMaj(p, p);
    double[] xty = new double[p];
    double[] xMean = new double[p];
    for (int j = 0, a = 0; j < d; j++) {
      if (j == c) {
        continue;
      }
      xMean[a] = mu[j] + shift[j];
      xty[a] = g[j * d + c] - observed * mu[j] * mu[c];
      for (int k = 0, b = 0; k < d; k++) {
        if (k != c) {
          centred.data[a * p + b++] = g[j * d + k] - observed * mu[j] * mu[k];
        }
      }
      a++;
    }
    double yy = Math.max(0, g[c * d + c] - observed * mu[c] * mu[c]);
    return new BayesianRidge.Moments(observed, xMean, mu[c] + shift[c], centred, xty, yy);
  }

  private void shifted(double[] row, double[] z) {
    for (int j = 0; j < d; j++) {
      z[j] = row[j] - shift[j];
    }
  }

  /** Adds {@code sign · z zᵀ} to the upper triangle of {@code g}. */
  private void addOuter(double[] g, double[] z, double sign) {
    for (int i = 0; i < d; i++) {
      double zi = sign * z[i];
      if (zi == 0) {
        continue;
      }
      int base = i * d;
      for (int j = i; j < d; j++) {
        g[base + j] += zi * z[j];
      }
    }
  }

  /** Copies the upper triangle of {@code g} onto the lower. */
  private void mirror(double[] g) {
    for (int i = 0; i < d; i++) {
      for (int j = i + 1; j < d; j++) {
        g[j * d + i] = g[i * d + j];
      }
    }
  }
}
