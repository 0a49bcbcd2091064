package io.hexagan.eval;

import io.hexagan.io.MinMaxScaler;
import java.util.Arrays;
import java.util.List;

/**
 * Squared imputation errors summed per column over every fold a method ran, in the [0,1] space of
 * each column's true min and max (as {@link ImputationMetrics}). {@link #rmse()} is each column's
 * one root over all its masked test cells: the all-cells formula, column by column, pooled over
 * folds and repetitions. Mutable while an evaluation runs; {@link #snapshot()} is what reports read.
 */
final class ColumnErrors {
  private final List<String> columns;
  private final double[] sumSquares;
  private final long[] cells;

  ColumnErrors(List<String> columns) {
    this.columns = List.copyOf(columns);
    this.sumSquares = new double[columns.size()];
    this.cells = new long[columns.size()];
  }

  /** Adds the errors of one fold's masked cells. */
  void add(double[][] truth, double[][] imputed, boolean[][] masked, MinMaxScaler scale) {
    double[][] e = ImputationMetrics.maskedErrors(truth, imputed, masked, scale);
    for (int r = 0; r < e.length; r++) {
      for (int c = 0; c < e[r].length; c++) {
        if (masked[r][c]) {
          sumSquares[c] += e[r][c] * e[r][c];
          cells[c]++;
        }
      }
    }
  }

  /** The columns' RMSE so far, NaN for a column with no masked cell. */
  ColumnRmse snapshot() {
    double[] rmse = new double[sumSquares.length];
    for (int c = 0; c < rmse.length; c++) {
      rmse[c] = cells[c] == 0 ? Double.NaN : Math.sqrt(sumSquares[c] / cells[c]);
    }
    return new ColumnRmse(columns, rmse, Arrays.copyOf(cells, cells.length));
  }
}
