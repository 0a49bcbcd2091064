package io.hexagan.io;

/**
 * Min-max scaling of each column to [0,1], fitted on the observed cells (paper section 4). A column
 * whose observed values are all equal (or that has none, or whose range float32 cannot hold as a
 * normal number) has span 0: it scales to 0 and every value maps back to its constant. Only imputed or generated values ever go through {@link #inverse}; observed cells are
 * copied, never round-tripped.
 *
 * @param min per column, the smallest observed value (0 when none is observed)
 * @param span per column, max − min (0 for a constant column)
 */
public record MinMaxScaler(double[] min, double[] span) {

  public MinMaxScaler {
    if (min.length != span.length) {
      throw new IllegalArgumentException("min and span: expected equal lengths, found " + min.length + " and " + span.length);
    }
    for (int c = 0; c < span.length; c++) {
      if (!(span[c] >= 0) || Double.isInfinite(span[c]) || !Double.isFinite(min[c])) {
        throw new IllegalArgumentException("column " + c + ": expected a finite min and a span ≥ 0, found "
            + min[c] + " and " + span[c]);
      }
    }
    min = min.clone();
    span = span.clone();
  }

  /** Fits the scaler on the observed (non-NaN) cells of {@code values}. */
  public static MinMaxScaler fit(double[][] values, int columns) {
    double[] lo = new double[columns];
    double[] hi = new double[columns];
    java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
    for (double[] row : values) {
      for (int c = 0; c < columns; c++) {
        double v = row[c];
        if (!Double.isNaN(v)) {
          lo[c] = Math.min(lo[c], v);
          hi[c] = Math.max(hi[c], v);
        }
      }
    }
    double[] span = new double[columns];
    for (int c = 0; c < columns; c++) {
      if (lo[c] == Double.POSITIVE_INFINITY) {
        lo[c] = 0;
        hi[c] = 0;
      }
      double s = hi[c] - lo[c];
      // The networks run in float32: a span that float32 cannot hold as a normal number is treated as 0.
      span[c] = s > 0 && s < Float.MAX_VALUE && (float) s >= Float.MIN_NORMAL ? s : 0.0;
    }
    return new MinMaxScaler(lo, span);
  }

  /**
   * One range for every column: the smallest and largest observed cell of the whole table. For
   * images, whose pixels share one intensity scale: a per-pixel range would stretch each pixel
   * differently (and leave the always-dark border at span 0).
   */
  public static MinMaxScaler fitShared(double[][] values, int columns) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double[] row : values) {
      for (int c = 0; c < columns; c++) {
        if (!Double.isNaN(row[c])) {
          lo = Math.min(lo, row[c]);
          hi = Math.max(hi, row[c]);
        }
      }
    }
    if (lo == Double.POSITIVE_INFINITY) {
      return fit(values, columns);
    }
    double s = hi - lo;
    double span = s > 0 && s < Float.MAX_VALUE && (float) s >= Float.MIN_NORMAL ? s : 0.0;
    double[] min = new double[columns];
    double[] spans = new double[columns];
    java.util.Arrays.fill(min, lo);
    java.util.Arrays.fill(spans, span);
    return new MinMaxScaler(min, spans);
  }

  public int columns() {
    return min.length;
  }

  /** What column {@code c} is divided by when scaling: its span, or 1 for a constant column. */
  public double divisor(int c) {
    return span[c] > 0 ? span[c] : 1.0;
  }

  /** The scaled value of {@code v} in column {@code c}. */
  public double transform(int c, double v) {
    return (v - min[c]) / divisor(c);
  }

  /** The value in original units of scaled value {@code s} in column {@code c}. */
  public double inverse(int c, double s) {
    return min[c] + s * span[c];
  }
}
