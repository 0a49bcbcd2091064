package io.hexagan.training;

import io.hexagan.io.MaskedTable;
import io.hexagan.io.MinMaxScaler;

/**
 * The training table as the graph holds it: labelled rows first, then unlabelled rows (rows whose
 * label is missing or hidden for validation); values scaled to [0,1], 0 where missing or hidden;
 * labels one-hot for the labelled rows.
 */
record TrainingData(float[] values, float[] mask, float[] labels, int labeledRows, int unlabeledRows) {

  /** Per feature, the mean of the observed (training) cells in the scaled space; 0 for none. */
  double[] observedMeans(int features) {
    return observedMeans(values, mask, features);
  }

  /** Per feature, the mean of the cells of {@code values} (n × d, row-major) that {@code mask} marks observed; 0 for none. */
  static double[] observedMeans(float[] values, float[] mask, int features) {
    double[] sum = new double[features];
    long[] count = new long[features];
    for (int i = 0; i < mask.length; i++) {
      if (mask[i] > 0) {
        sum[i % features] += values[i];
        count[i % features]++;
      }
    }
    for (int c = 0; c < features; c++) {
      sum[c] = count[c] == 0 ? 0 : sum[c] / count[c];
    }
    return sum;
  }

  static TrainingData prepare(MaskedTable table, MinMaxScaler scaler, ValidationSplit split) {
    int n = table.rows();
    int d = table.features();
    int nc = table.classes().size();
    boolean[] labelHidden = new boolean[n];
    for (int r : split.hiddenLabelRows()) {
      labelHidden[r] = true;
    }
    int[] order = new int[n];
    int labeled = 0;
    for (int r = 0; r < n; r++) {
      if (table.hasLabels() && table.labels()[r] >= 0 && !labelHidden[r]) {
        order[labeled++] = r;
      }
    }
    int next = labeled;
    for (int r = 0; r < n; r++) {
      if (!(table.hasLabels() && table.labels()[r] >= 0 && !labelHidden[r])) {
        order[next++] = r;
      }
    }
    float[] x = new float[n * d];
    float[] m = new float[n * d];
    float[] y = new float[Math.max(labeled, 1) * Math.max(nc, 1)];
    for (int i = 0; i < n; i++) {
      int r = order[i];
      for (int c = 0; c < d; c++) {
        if (table.observed(r, c) && !split.hiddenCells()[r][c]) {
          x[i * d + c] = (float) scaler.transform(c, table.values()[r][c]);
          m[i * d + c] = 1f;
        }
      }
      if (i < labeled) {
        y[i * nc + table.labels()[r]] = 1f;
      }
    }
    return new TrainingData(x, m, y, labeled, n - labeled);
  }
}
