package io.hexagan.eval;

import io.hexagan.io.MinMaxScaler;

/**
 * Imputation RMSE over masked cells, in the [0,1] space of each column's TRUE min and max (the
 * paper's section 4; fit the scale with {@link #trueScale} on the complete table). Two formulas
 * are in use and differ by 15–25% on breast, so both are here under distinct names; always say
 * which one a number is.
 *
 * <ul>
 *   <li>{@link #rmseGlobal}: one root over all masked cells, {@code sqrt(Σ e² / N)}, as GAIN's code
 *       (Yoon et al., ICML 2018) computes it.
 *   <li>{@link #rmsePerRow}: per row, the root of the mean squared error over that row's masked
 *       cells, then the mean over the rows that have a masked cell, as HexaGAN's released code
 *       computes it.
 * </ul>
 *
 * <p>Both return {@code NaN} when no cell is masked. F1 scores are in {@link
 * io.hexagan.training.Metrics}.
 */
public final class ImputationMetrics {
  private ImputationMetrics() {}

  /** The scale of the true columns: min-max over every cell of the complete {@code truth}. */
  public static MinMaxScaler trueScale(double[][] truth) {
    int d = Cells.columnsOf(truth, "truth");
    return MinMaxScaler.fit(truth, d);
  }

  /** One root over all masked cells: {@code sqrt(Σ_masked e² / N_masked)}. */
  public static double rmseGlobal(double[][] truth, double[][] imputed, boolean[][] masked, MinMaxScaler scale) {
    check(truth, imputed, masked, scale);
    double sum = 0;
    long count = 0;
    for (int r = 0; r < truth.length; r++) {
      for (int c = 0; c < truth[r].length; c++) {
        if (masked[r][c]) {
          double e = error(truth, imputed, scale, r, c);
          sum += e * e;
          count++;
        }
      }
    }
    return count == 0 ? Double.NaN : Math.sqrt(sum / count);
  }

  /**
   * The mean over rows with a masked cell of {@code sqrt(Σ_row e² / N_row)}, N_row the row's
   * masked cells.
   */
  public static double rmsePerRow(double[][] truth, double[][] imputed, boolean[][] masked, MinMaxScaler scale) {
    check(truth, imputed, masked, scale);
    double total = 0;
    long rows = 0;
    for (int r = 0; r < truth.length; r++) {
      double sum = 0;
      int count = 0;
      for (int c = 0; c < truth[r].length; c++) {
        if (masked[r][c]) {
          double e = error(truth, imputed, scale, r, c);
          sum += e * e;
          count++;
        }
      }
      if (count > 0) {
        total += Math.sqrt(sum / count);
        rows++;
      }
    }
    return rows == 0 ? Double.NaN : total / rows;
  }

  /**
   * Each masked cell's error {@code imputed − truth} in the true scale's [0,1] space; 0 at the
   * cells not masked.
   */
  public static double[][] maskedErrors(double[][] truth, double[][] imputed, boolean[][] masked, MinMaxScaler scale) {
    check(truth, imputed, masked, scale);
    double[][] out = new double[truth.length][];
    for (int r = 0; r < truth.length; r++) {
      out[r] = new double[truth[r].length];
      for (int c = 0; c < truth[r].length; c++) {
        if (masked[r][c]) {
          out[r][c] = error(truth, imputed, scale, r, c);
        }
      }
    }
    return out;
  }

  private static double error(double[][] truth, double[][] imputed, MinMaxScaler scale, int r, int c) {
    double t = truth[r][c];
    double v = imputed[r][c];
    if (!Double.isFinite(t)) {
      throw new IllegalArgumentException("truth, row " + r + ", column " + c + ": expected a true value at a masked cell, found " + t);
    }
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("imputed, row " + r + ", column " + c + ": expected an imputed value, found " + v);
    }
    return scale.transform(c, v) - scale.transform(c, t);
  }

  private static void check(double[][] truth, double[][] imputed, boolean[][] masked, MinMaxScaler scale) {
    if (imputed.length != truth.length || masked.length != truth.length) {
      throw new IllegalArgumentException("imputed and masked: expected " + truth.length + " rows, found "
          + imputed.length + " and " + masked.length);
    }
    for (int r = 0; r < truth.length; r++) {
      int d = scale.columns();
      if (truth[r].length != d || imputed[r].length != d || masked[r].length != d) {
        throw new IllegalArgumentException("row " + r + ": expected " + d + " columns in truth, imputed and masked, found "
            + truth[r].length + ", " + imputed[r].length + " and " + masked[r].length);
      }
    }
  }
}
