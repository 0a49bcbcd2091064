package io.hexagan.eval;

/**
 * A matrix with {@code NaN} for missing cells, as the graphs take it: values row-major as float32
 * with 0 in missing cells, and the mask row-major (1 observed, 0 missing).
 *
 * @param rows number of rows
 * @param columns number of columns
 * @param values the values, 0 where missing
 * @param mask 1 where observed, 0 where missing
 */
record MaskedMatrix(int rows, int columns, float[] values, float[] mask) {

  /** Flattens {@code x}, already checked to have {@code columns} columns. */
  static MaskedMatrix of(double[][] x, int columns) {
    float[] values = new float[Math.multiplyExact(x.length, columns)];
    float[] mask = new float[values.length];
    for (int r = 0; r < x.length; r++) {
      for (int c = 0; c < columns; c++) {
        double v = x[r][c];
        if (!Double.isNaN(v)) {
          values[r * columns + c] = (float) v;
          mask[r * columns + c] = 1f;
        }
      }
    }
    return new MaskedMatrix(x.length, columns, values, mask);
  }

  /**
   * A new matrix with the observed cells of {@code x} copied bit for bit and each missing cell
   * taken from {@code imputed} (row-major, float32 widened).
   */
  static double[][] fill(double[][] x, float[] imputed, int columns) {
    double[][] out = new double[x.length][];
    for (int r = 0; r < x.length; r++) {
      double[] row = x[r].clone();
      for (int c = 0; c < columns; c++) {
        if (Double.isNaN(row[c])) {
          float v = imputed[r * columns + c];
          if (!Float.isFinite(v)) {
            throw new IllegalStateException("row " + r + ", column " + c + ": the network imputed " + v);
          }
          row[c] = v;
        }
      }
      out[r] = row;
    }
    return out;
  }
}
