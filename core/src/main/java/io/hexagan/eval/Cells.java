package io.hexagan.eval;

/** Checks and small operations on matrices whose {@code NaN} cells are missing. */
final class Cells {
  private Cells() {}

  /**
   * Checks that {@code values} is a non-empty rectangular matrix of finite or {@code NaN} cells.
   *
   * @return its number of columns
   */
  static int columnsOf(double[][] values, String what) {
    if (values == null || values.length == 0) {
      throw new IllegalArgumentException(what + ": expected at least one row, found none");
    }
    if (values[0] == null || values[0].length == 0) {
      throw new IllegalArgumentException(what + ": expected at least one column, found none");
    }
    int d = values[0].length;
    check(values, d, what);
    return d;
  }

  /** Checks that every row of {@code values} has {@code columns} finite or {@code NaN} cells. */
  static void check(double[][] values, int columns, String what) {
    if (values == null) {
      throw new IllegalArgumentException(what + ": expected a matrix, found null");
    }
    for (int r = 0; r < values.length; r++) {
      double[] row = values[r];
      if (row == null || row.length != columns) {
        throw new IllegalArgumentException(what + ", row " + r + ": expected " + columns + " values, found "
            + (row == null ? "null" : row.length));
      }
      for (int c = 0; c < columns; c++) {
        if (Double.isInfinite(row[c])) {
          throw new IllegalArgumentException(what + ", row " + r + ", column " + c
              + ": expected a finite value or NaN, found " + row[c]);
        }
      }
    }
  }

  /** Mean of each column's observed cells; 0 for a column with none observed. */
  static double[] observedMeans(double[][] values, int columns) {
    double[] sum = new double[columns];
    long[] count = new long[columns];
    for (double[] row : values) {
      for (int c = 0; c < columns; c++) {
        if (!Double.isNaN(row[c])) {
          sum[c] += row[c];
          count[c]++;
        }
      }
    }
    for (int c = 0; c < columns; c++) {
      sum[c] = count[c] == 0 ? 0 : sum[c] / count[c];
    }
    return sum;
  }

  /** Number of missing cells of each column. */
  static int[] missingCounts(double[][] values, int columns) {
    int[] counts = new int[columns];
    for (double[] row : values) {
      for (int c = 0; c < columns; c++) {
        if (Double.isNaN(row[c])) {
          counts[c]++;
        }
      }
    }
    return counts;
  }

  /**
   * Column indices ordered by ascending missing count, ties by index (scikit-learn's
   * IterativeImputer "ascending" order, also missForest's).
   */
  static int[] ascendingMissingness(int[] missingCounts) {
    return java.util.stream.IntStream.range(0, missingCounts.length).boxed()
        .sorted(java.util.Comparator.<Integer>comparingInt(c -> missingCounts[c]).thenComparingInt(c -> c))
        .mapToInt(Integer::intValue).toArray();
  }

  /** A copy of {@code values} whose missing cells hold the column's entry of {@code fill}. */
  static double[][] filled(double[][] values, double[] fill) {
    double[][] out = new double[values.length][];
    for (int r = 0; r < values.length; r++) {
      double[] row = values[r].clone();
      for (int c = 0; c < row.length; c++) {
        if (Double.isNaN(row[c])) {
          row[c] = fill[c];
        }
      }
      out[r] = row;
    }
    return out;
  }
}
