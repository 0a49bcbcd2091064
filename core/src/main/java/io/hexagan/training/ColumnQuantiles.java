package io.hexagan.training;

import io.hexagan.graph.QuantileRanks;
import java.util.Arrays;

/** Every column's quantiles among the training table's observed cells ({@link QuantileRanks}). */
final class ColumnQuantiles {
  private ColumnQuantiles() {}

  /**
   * The quantile ranks of K segments per column: knots at the observed cells' quantiles 0, 1/K, …,
   * 1 (linear between order statistics). A column without observed cells gets knots at 0.
   *
   * @param values scaled cells, row-major rows × features
   * @param mask 1 where a cell is observed
   * @param segments K; 0 = none
   */
  static QuantileRanks find(float[] values, float[] mask, int features, int segments) {
    if (segments == 0) {
      return QuantileRanks.NONE;
    }
    float[] lows = new float[features * segments];
    float[] widths = new float[features * segments];
    int rows = values.length / features;
    float[] column = new float[rows];
    for (int j = 0; j < features; j++) {
      int n = 0;
      for (int i = 0; i < rows; i++) {
        if (mask[i * features + j] > 0) {
          column[n++] = values[i * features + j];
        }
      }
      float[] sorted = Arrays.copyOf(column, n);
      Arrays.sort(sorted);
      float previous = quantile(sorted, 0);
      for (int k = 0; k < segments; k++) {
        float next = quantile(sorted, (k + 1) / (double) segments);
        lows[j * segments + k] = previous;
        widths[j * segments + k] = Math.max(next - previous, QuantileRanks.MIN_WIDTH);
        previous = next;
      }
    }
    return new QuantileRanks(features, segments, lows, widths);
  }

  /** The p-quantile of sorted values, linear between order statistics; 0 for none. */
  static float quantile(float[] sorted, double p) {
    if (sorted.length == 0) {
      return 0f;
    }
    double position = p * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, sorted.length - 1);
    double share = position - below;
    return (float) (sorted[below] + share * (sorted[above] - sorted[below]));
  }
}
