package io.hexagan.eval;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * k-nearest-neighbour imputation (Troyanskaya et al., "Missing value estimation methods for DNA
 * microarrays", Bioinformatics 2001), with the distance and donor rules of scikit-learn's
 * KNNImputer.
 *
 * <ul>
 *   <li>Distance between a row and a training row uses the features observed in both: {@code
 *       sqrt(d / n_present · Σ (x_j − y_j)²)} ({@code nan_euclidean}); rows with no feature in common
 *       are never neighbours.
 *   <li>A missing cell in column c is the mean of column c over the k nearest training rows that
 *       observe c (uniform weights; ties go to the earlier training row); with no such row, the
 *       column's observed training mean.
 * </ul>
 *
 * <p>Cost: one pass over the training rows per row with a missing cell, O(n_train · d) time and
 * O(k · d) memory; the distance and the k-best selection of every missing column of the row are
 * done in that single pass. Rows are processed in parallel.
 */
public final class KnnImputer implements Imputer {

  /** The number of neighbours scikit-learn's KNNImputer and the paper's k-NN baseline use. */
  public static final int DEFAULT_NEIGHBOURS = 5;

  private final int neighbours;

  public KnnImputer() {
    this(DEFAULT_NEIGHBOURS);
  }

  public KnnImputer(int neighbours) {
    if (neighbours < 1) {
      throw new IllegalArgumentException("neighbours: expected ≥ 1, found " + neighbours);
    }
    this.neighbours = neighbours;
  }

  public int neighbours() {
    return neighbours;
  }

  @Override
  public String name() {
    return "knn";
  }

  @Override
  public FittedImputer fit(double[][] train) {
    int d = Cells.columnsOf(train, "train");
    double[] donors = new double[train.length * d];
    double[] present = new double[train.length * d];
    for (int r = 0; r < train.length; r++) {
      for (int c = 0; c < d; c++) {
        double v = train[r][c];
        boolean observed = !Double.isNaN(v);
        donors[r * d + c] = observed ? v : 0;
        present[r * d + c] = observed ? 1 : 0;
      }
    }
    return new Fitted(donors, present, train.length, d, neighbours, Cells.observedMeans(train, d));
  }

  private static final class Fitted implements FittedImputer {
    /** Training cells, row-major, 0 where missing. */
    private final double[] donors;
    /** 1 where the training cell is observed, 0 where missing: makes the distance loop branch-free. */
    private final double[] present;
    private final int rows;
    private final int d;
    private final int k;
    private final double[] means;

    Fitted(double[] donors, double[] present, int rows, int d, int k, double[] means) {
      this.donors = donors;
      this.present = present;
      this.rows = rows;
      this.d = d;
      this.k = k;
      this.means = means;
    }

    @Override
    public int columns() {
      return d;
    }

    @Override
    public double[][] impute(double[][] values) {
      Cells.check(values, d, "values");
      double[][] out = new double[values.length][];
      IntStream.range(0, values.length).parallel().forEach(r -> out[r] = imputeRow(values[r]));
      return out;
    }

    private double[] imputeRow(double[] row) {
      double[] out = row.clone();
      int[] observed = indices(row, false);
      int[] missing = indices(row, true);
      if (missing.length == 0) {
        return out;
      }
      int m = missing.length;
      // best[i*k .. i*k+k): the k smallest distances so far for missing column i, ascending.
      double[] bestDistance = new double[m * k];
      double[] bestValue = new double[m * k];
      int[] found = new int[m];
      Arrays.fill(bestDistance, Double.POSITIVE_INFINITY);
      double scale = d;
      for (int t = 0; t < rows; t++) {
        int base = t * d;
        double sum = 0;
        double common = 0;
        for (int j : observed) {
          double w = present[base + j];
          double diff = row[j] - donors[base + j];
          sum += w * diff * diff;
          common += w;
        }
        if (common == 0) {
          continue;
        }
        // The squared nan_euclidean distance ranks rows as the distance does.
        double distance = scale / common * sum;
        for (int i = 0; i < m; i++) {
          int cell = base + missing[i];
          if (present[cell] == 0) {
            continue;
          }
          double v = donors[cell];
          int slot = i * k;
          if (distance < bestDistance[slot + k - 1]) {
            int p = slot + k - 1;
            while (p > slot && bestDistance[p - 1] > distance) {
              bestDistance[p] = bestDistance[p - 1];
              bestValue[p] = bestValue[p - 1];
              p--;
            }
            bestDistance[p] = distance;
            bestValue[p] = v;
            if (found[i] < k) {
              found[i]++;
            }
          }
        }
      }
      for (int i = 0; i < m; i++) {
        int c = missing[i];
        if (found[i] == 0) {
          out[c] = means[c];
        } else {
          double s = 0;
          for (int p = 0; p < found[i]; p++) {
            s += bestValue[i * k + p];
          }
          out[c] = s / found[i];
        }
      }
      return out;
    }

    private static int[] indices(double[] row, boolean missing) {
      int n = 0;
      for (double v : row) {
        if (Double.isNaN(v) == missing) {
          n++;
        }
      }
      int[] idx = new int[n];
      n = 0;
      for (int c = 0; c < row.length; c++) {
        if (Double.isNaN(row[c]) == missing) {
          idx[n++] = c;
        }
      }
      return idx;
    }
  }
}
