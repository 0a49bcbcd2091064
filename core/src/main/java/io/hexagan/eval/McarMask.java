package io.hexagan.eval;

import io.hexagan.io.MaskedTable;

/**
 * Which cells and labels a {@link McarMasker} hid.
 *
 * @param cells per row and column, true where the cell is masked
 * @param labels per row, true where the label is masked
 */
public record McarMask(boolean[][] cells, boolean[] labels) {

  public McarMask {
    if (cells.length != labels.length) {
      throw new IllegalArgumentException("labels: expected " + cells.length + ", found " + labels.length);
    }
    int d = cells.length == 0 ? 0 : cells[0].length;
    for (int r = 0; r < cells.length; r++) {
      if (cells[r].length != d) {
        throw new IllegalArgumentException("cells, row " + r + ": expected " + d + " columns, found " + cells[r].length);
      }
    }
  }

  public int rows() {
    return cells.length;
  }

  /** Number of masked cells. */
  public long maskedCells() {
    long n = 0;
    for (boolean[] row : cells) {
      for (boolean m : row) {
        if (m) {
          n++;
        }
      }
    }
    return n;
  }

  /** A copy of {@code values} with the masked cells set to {@code NaN}. */
  public double[][] apply(double[][] values) {
    if (values.length != cells.length) {
      throw new IllegalArgumentException("values: expected " + cells.length + " rows, found " + values.length);
    }
    double[][] out = new double[values.length][];
    for (int r = 0; r < values.length; r++) {
      if (values[r].length != cells[r].length) {
        throw new IllegalArgumentException("values, row " + r + ": expected " + cells[r].length + " values, found "
            + values[r].length);
      }
      out[r] = values[r].clone();
      for (int c = 0; c < out[r].length; c++) {
        if (cells[r][c]) {
          out[r][c] = Double.NaN;
        }
      }
    }
    return out;
  }

  /** A copy of {@code labels} with the masked ones set to {@link MaskedTable#UNLABELED}. */
  public int[] applyToLabels(int[] labels) {
    if (labels.length != this.labels.length) {
      throw new IllegalArgumentException("labels: expected " + this.labels.length + ", found " + labels.length);
    }
    int[] out = labels.clone();
    for (int r = 0; r < out.length; r++) {
      if (this.labels[r]) {
        out[r] = MaskedTable.UNLABELED;
      }
    }
    return out;
  }

  /** The mask of the rows {@code rows}, in that order (e.g. a test fold). */
  public McarMask rows(int[] rows) {
    boolean[][] c = new boolean[rows.length][];
    boolean[] l = new boolean[rows.length];
    for (int i = 0; i < rows.length; i++) {
      c[i] = cells[rows[i]].clone();
      l[i] = labels[rows[i]];
    }
    return new McarMask(c, l);
  }
}
