package io.hexagan.io;

import java.util.List;

/**
 * A numeric table with missing cells and, optionally, a label with missing entries: the input of
 * HexaGAN's trainer.
 *
 * @param values cells by row then column; {@code NaN} marks a missing cell; every other value must
 *     be finite
 * @param labels class index per row, {@code -1} for an unlabelled row; null when the table has no
 *     label column
 * @param columns feature names, one per column
 * @param classes class names, index = class id; empty when the table has no label column
 */
public record MaskedTable(double[][] values, int[] labels, List<String> columns, List<String> classes) {

  /** Marks a row without a label. */
  public static final int UNLABELED = -1;

  public MaskedTable {
    if (values == null || columns == null || classes == null) {
      throw new IllegalArgumentException("values, columns and classes: expected non-null");
    }
    columns = List.copyOf(columns);
    classes = List.copyOf(classes);
    int d = columns.size();
    for (int r = 0; r < values.length; r++) {
      if (values[r] == null || values[r].length != d) {
        throw new IllegalArgumentException("row " + r + ": expected " + d + " values, found "
            + (values[r] == null ? "none" : values[r].length));
      }
      for (int c = 0; c < d; c++) {
        if (Double.isInfinite(values[r][c])) {
          throw new IllegalArgumentException("row " + r + ", column " + columns.get(c)
              + ": expected a finite number or missing, found " + values[r][c]);
        }
      }
    }
    if (labels != null) {
      if (labels.length != values.length) {
        throw new IllegalArgumentException("labels: expected " + values.length + ", found " + labels.length);
      }
      for (int r = 0; r < labels.length; r++) {
        if (labels[r] < UNLABELED || labels[r] >= classes.size()) {
          throw new IllegalArgumentException("row " + r + ": expected a class id in [0, " + classes.size()
              + ") or -1, found " + labels[r]);
        }
      }
    } else if (!classes.isEmpty()) {
      throw new IllegalArgumentException("classes: expected none without labels, found " + classes.size());
    }
  }

  /** A table without a label column. */
  public static MaskedTable unlabeled(double[][] values, List<String> columns) {
    return new MaskedTable(values, null, columns, List.of());
  }

  public int rows() {
    return values.length;
  }

  public int features() {
    return columns.size();
  }

  public boolean hasLabels() {
    return labels != null;
  }

  /** Whether cell (r, c) is observed. */
  public boolean observed(int r, int c) {
    return !Double.isNaN(values[r][c]);
  }

  /** Number of rows with a label. */
  public int labeledRows() {
    if (labels == null) {
      return 0;
    }
    int n = 0;
    for (int l : labels) {
      if (l != UNLABELED) {
        n++;
      }
    }
    return n;
  }
}
