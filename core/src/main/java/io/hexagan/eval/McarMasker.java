package io.hexagan.eval;

import java.util.SplittableRandom;

/**
 * Missing-completely-at-random masking, as in the paper's experiments (section 4): every cell is
 * masked independently with probability {@code cellRate} and every label with probability {@code
 * labelRate}. Cells are drawn independently even when that masks a whole row (probability
 * cellRate^d per row: 1.0·10⁻²¹ on breast, 8.2·10⁻¹⁰ on wine at 20%); such a row is left as drawn,
 * and the imputers fill it from the training means. The cell and label draws come from two
 * independent streams split from the seed, so changing one rate does not move the other mask.
 *
 * @param cellRate probability that a cell is masked, in [0, 1)
 * @param labelRate probability that a label is masked, in [0, 1)
 * @param seed seed of the draws
 */
public record McarMasker(double cellRate, double labelRate, long seed) {

  public McarMasker {
    if (!(cellRate >= 0 && cellRate < 1)) {
      throw new IllegalArgumentException("cellRate: expected a probability in [0, 1), found " + cellRate);
    }
    if (!(labelRate >= 0 && labelRate < 1)) {
      throw new IllegalArgumentException("labelRate: expected a probability in [0, 1), found " + labelRate);
    }
  }

  /** Draws the masks of a table of {@code rows} × {@code columns}. */
  public McarMask mask(int rows, int columns) {
    if (rows < 0 || columns < 0) {
      throw new IllegalArgumentException("shape: expected rows, columns ≥ 0, found " + rows + " × " + columns);
    }
    SplittableRandom root = new SplittableRandom(seed);
    SplittableRandom cellDraws = root.split();
    SplittableRandom labelDraws = root.split();
    boolean[][] cells = new boolean[rows][columns];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        cells[r][c] = cellDraws.nextDouble() < cellRate;
      }
    }
    boolean[] labels = new boolean[rows];
    for (int r = 0; r < rows; r++) {
      labels[r] = labelDraws.nextDouble() < labelRate;
    }
    return new McarMask(cells, labels);
  }
}
