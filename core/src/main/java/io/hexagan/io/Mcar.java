package io.hexagan.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Missing-completely-at-random masking for test fixtures and demos: each cell is blanked
 * independently with probability {@code cellRate}, each label with probability {@code labelRate},
 * from a {@link SplittableRandom} seeded with {@code seed}. Draws go row by row, the row's cells
 * left to right, then (when there is a label) its label, so a seed always gives the same mask.
 * Cells that are already missing stay missing.
 */
public final class Mcar {

  private Mcar() {
  }

  /**
   * {@code table} with cells set to NaN and labels to {@link MaskedTable#UNLABELED}. Features are
   * masked one by one: for one-hot encoded columns mask the text ({@link #mask(CsvTable, String,
   * double, double, long)}) instead, so that a cell's features go missing together.
   */
  public static MaskedTable mask(MaskedTable table, double cellRate, double labelRate, long seed) {
    checkRate("cellRate", cellRate);
    checkRate("labelRate", labelRate);
    SplittableRandom random = new SplittableRandom(seed);
    double[][] values = new double[table.rows()][];
    int[] labels = table.hasLabels() ? table.labels().clone() : null;
    for (int r = 0; r < table.rows(); r++) {
      values[r] = table.values()[r].clone();
      for (int c = 0; c < table.features(); c++) {
        if (random.nextDouble() < cellRate) {
          values[r][c] = Double.NaN;
        }
      }
      if (labels != null && random.nextDouble() < labelRate) {
        labels[r] = MaskedTable.UNLABELED;
      }
    }
    return new MaskedTable(values, labels, table.columns(), table.classes());
  }

  /**
   * {@code table} with cells replaced by an empty text: feature cells at {@code cellRate}, cells
   * of the column named {@code label} (null for none) at {@code labelRate}.
   */
  public static CsvTable mask(CsvTable table, String label, double cellRate, double labelRate, long seed) {
    checkRate("cellRate", cellRate);
    checkRate("labelRate", labelRate);
    int labelPosition = label == null ? -1 : table.indexOf(label);
    if (label != null && labelPosition < 0) {
      throw new IllegalArgumentException("label: expected one of " + table.names() + ", found " + label);
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<RawRow> rows = new ArrayList<>(table.rows().size());
    for (RawRow row : table.rows()) {
      String[] cells = row.cells().toArray(new String[0]);
      for (int p = 0; p < cells.length; p++) {
        if (p != labelPosition && random.nextDouble() < cellRate) {
          cells[p] = "";
        }
      }
      if (labelPosition >= 0 && random.nextDouble() < labelRate) {
        cells[labelPosition] = "";
      }
      rows.add(new RawRow(row.row(), row.line(), Arrays.asList(cells)));
    }
    return new CsvTable(table.source(), table.header(), rows);
  }

  private static void checkRate(String name, double rate) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException(name + ": expected a probability in [0, 1], found " + rate);
    }
  }
}
