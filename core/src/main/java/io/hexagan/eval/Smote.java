package io.hexagan.eval;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * SMOTE, the synthetic minority over-sampling technique (Chawla et al., JAIR 2002): every class
 * smaller than the largest is brought up to the largest class's size with synthetic rows {@code x
 * + u · (x_nn − x)}, where x is a row of the class drawn uniformly, x_nn one of its k nearest
 * neighbours in the same class (Euclidean) drawn uniformly, and u ~ U(0, 1). This is
 * imbalanced-learn's SMOTE with its defaults (k = 5, "auto" strategy: resample all classes but
 * the majority).
 *
 * <p>A class with fewer than k + 1 rows uses all its other rows as neighbours; a class with a
 * single row is replicated, having no segment to sample; an absent class stays absent. Rows must
 * be complete (impute first). The result depends only on the inputs and the seed.
 */
public final class Smote {

  public static final int DEFAULT_NEIGHBOURS = 5;

  private final int neighbours;
  private final long seed;

  public Smote(long seed) {
    this(DEFAULT_NEIGHBOURS, seed);
  }

  public Smote(int neighbours, long seed) {
    if (neighbours < 1) {
      throw new IllegalArgumentException("neighbours: expected ≥ 1, found " + neighbours);
    }
    this.neighbours = neighbours;
    this.seed = seed;
  }

  /**
   * Oversamples every class to the size of the largest.
   *
   * @param rows complete feature rows
   * @param labels class id of each row, in [0, classes)
   * @param classes number of classes
   */
  public Oversampled oversample(double[][] rows, int[] labels, int classes) {
    int d = Cells.columnsOf(rows, "rows");
    for (int r = 0; r < rows.length; r++) {
      for (int c = 0; c < d; c++) {
        if (Double.isNaN(rows[r][c])) {
          throw new IllegalArgumentException("rows, row " + r + ", column " + c + ": expected a value, found NaN");
        }
      }
    }
    if (labels.length != rows.length) {
      throw new IllegalArgumentException("labels: expected " + rows.length + ", found " + labels.length);
    }
    if (classes < 1) {
      throw new IllegalArgumentException("classes: expected ≥ 1, found " + classes);
    }
    int[] counts = new int[classes];
    for (int r = 0; r < labels.length; r++) {
      if (labels[r] < 0 || labels[r] >= classes) {
        throw new IllegalArgumentException("labels, row " + r + ": expected a class id in [0, " + classes + "), found "
            + labels[r]);
      }
      counts[labels[r]]++;
    }
    int target = Arrays.stream(counts).max().orElse(0);
    int total = rows.length;
    for (int count : counts) {
      if (count > 0) {
        total += target - count;
      }
    }
    double[][] out = Arrays.copyOf(rows, total);
    int[] outLabels = Arrays.copyOf(labels, total);
    for (int r = 0; r < rows.length; r++) {
      out[r] = rows[r].clone();
    }
    SplittableRandom rng = new SplittableRandom(seed);
    int next = rows.length;
    for (int k = 0; k < classes; k++) {
      int need = target - counts[k];
      if (counts[k] == 0 || need == 0) {
        continue;
      }
      int cls = k;
      int[] members = IntStream.range(0, rows.length).filter(r -> labels[r] == cls).toArray();
      int[][] nearest = nearestNeighbours(rows, members, Math.min(neighbours, members.length - 1));
      for (int s = 0; s < need; s++) {
        int i = rng.nextInt(members.length);
        double[] x = rows[members[i]];
        double[] synthetic;
        if (nearest[i].length == 0) {
          synthetic = x.clone();
        } else {
          double[] y = rows[members[nearest[i][rng.nextInt(nearest[i].length)]]];
          double u = rng.nextDouble();
          synthetic = new double[d];
          for (int c = 0; c < d; c++) {
            synthetic[c] = x[c] + u * (y[c] - x[c]);
          }
        }
        out[next] = synthetic;
        outLabels[next] = k;
        next++;
      }
    }
    return new Oversampled(out, outLabels, rows.length);
  }

  /**
   * For each member, the positions in {@code members} of its {@code k} nearest other members
   * (Euclidean; ties to the earlier member).
   */
  static int[][] nearestNeighbours(double[][] rows, int[] members, int k) {
    int[][] out = new int[members.length][];
    IntStream.range(0, members.length).parallel().forEach(i -> {
      double[] x = rows[members[i]];
      double[] bestDistance = new double[k];
      int[] best = new int[k];
      Arrays.fill(bestDistance, Double.POSITIVE_INFINITY);
      int found = 0;
      for (int j = 0; j < members.length; j++) {
        if (j == i || k == 0) {
          continue;
        }
        double[] y = rows[members[j]];
        double s = 0;
        for (int c = 0; c < x.length; c++) {
          double diff = x[c] - y[c];
          s += diff * diff;
        }
        if (s < bestDistance[k - 1]) {
          int p = k - 1;
          while (p > 0 && bestDistance[p - 1] > s) {
            bestDistance[p] = bestDistance[p - 1];
            best[p] = best[p - 1];
            p--;
          }
          bestDistance[p] = s;
          best[p] = j;
          found = Math.min(found + 1, k);
        }
      }
      out[i] = Arrays.copyOf(best, found);
    });
    return out;
  }
}
