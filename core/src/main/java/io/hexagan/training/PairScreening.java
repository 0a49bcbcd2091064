package io.hexagan.training;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Which column pairs G_MI's linear skip path may use ({@link io.hexagan.graph.LossWeights#skipScreening()}):
 * column k may predict column j when their correlation over the training rows that observe both
 * is significant, {@code |r_jk| ≥ z / √n_jk}, where n_jk counts those rows and z is the standard
 * normal quantile at {@code 1 − s/(2d)}. Under independence {@code r √n} is about standard normal,
 * so each column keeps about s unrelated columns by chance, whatever d.
 *
 * <p>The correlation is that of the cells centred at their column's observed mean:
 * {@code r_jk = Σ z_j z_k / √(Σ z_j² m_k · Σ z_k² m_j)} over the rows, {@code z = (x − μ) ⊙ m}, so
 * that a missing cell counts in neither sum. The three sums are d × d matrix products, accumulated
 * over blocks of rows.
 */
public final class PairScreening {
  private static final int BLOCK_ROWS = 4096;

  private PairScreening() {}

  /**
   * The support of the skip matrix S, row-major d × d (entry {@code k * d + j} is 1 when column k
   * may predict column j); symmetric, 0 on the diagonal.
   *
   * @param values n × d scaled training values, row-major (anything where unobserved)
   * @param mask n × d, 1 where observed
   * @param features d
   * @param chancePairs s, the unrelated columns each column keeps by chance on average, in (0, 1]
   */
  public static float[] support(float[] values, float[] mask, int features, double chancePairs) {
    int d = features;
    if (d < 1 || values.length != mask.length || values.length % d != 0) {
      throw new IllegalArgumentException("values and mask: expected two n × " + d + " arrays, found "
          + values.length + " and " + mask.length + " values");
    }
    if (!(chancePairs > 0 && chancePairs <= 1)) {
      throw new IllegalArgumentException("chancePairs: expected a number in (0, 1], found " + chancePairs);
    }
    int n = values.length / d;
    double[] mean = TrainingData.observedMeans(values, mask, d);
    DMatrixRMaj cross = new DMatrixRMaj(d, d);
    DMatrixRMaj squares = new DMatrixRMaj(d, d);
    DMatrixRMaj both = new DMatrixRMaj(d, d);
    for (int start = 0; start < n; start += BLOCK_ROWS) {
      int rows = Math.min(BLOCK_ROWS, n - start);
      DMatrixRMaj z = new DMatrixRMaj(rows, d);
      DMatrixRMaj z2 = new DMatrixRMaj(rows, d);
      DMatrixRMaj m = new DMatrixRMaj(rows, d);
      for (int r = 0; r < rows; r++) {
        for (int j = 0; j < d; j++) {
          int i = (start + r) * d + j;
          if (mask[i] > 0) {
            double c = values[i] - mean[j];
            z.data[r * d + j] = c;
            z2.data[r * d + j] = c * c;
            m.data[r * d + j] = 1;
          }
        }
      }
      CommonOps_DDRM.multAddTransA(z, z, cross);
      CommonOps_DDRM.multAddTransA(z2, m, squares);
      CommonOps_DDRM.multAddTransA(m, m, both);
    }
    double quantile = d < 2 ? Double.POSITIVE_INFINITY
        : NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - chancePairs / (2 * d));
    float[] support = new float[d * d];
    for (int k = 0; k < d; k++) {
      for (int j = 0; j < d; j++) {
        if (j == k) {
          continue;
        }
        double pairs = both.get(k, j);
        // squares(j, k) = Σ z_j² m_k: column j's spread over the rows that also observe k.
        double spread = squares.get(j, k) * squares.get(k, j);
        if (pairs < 3 || !(spread > 0)) {
          continue;
        }
        double r = cross.get(k, j) / Math.sqrt(spread);
        if (Math.abs(r) * Math.sqrt(pairs) >= quantile) {
          support[k * d + j] = 1f;
        }
      }
    }
    return support;
  }

  /**
   * The connected components of a screened support: 1 where columns k ≠ j are joined by a chain of
   * screened pairs (either direction), so that a column may be predicted by every column of its
   * component; a column in no pair stays in none.
   *
   * @param support d × d, row-major, as {@link #support}
   */
  static float[] components(float[] support, int features) {
    int d = features;
    int[] component = new int[d];
    java.util.Arrays.fill(component, -1);
    int components = 0;
    int[] stack = new int[d];
    for (int start = 0; start < d; start++) {
      if (component[start] >= 0 || !paired(support, d, start)) {
        continue;
      }
      int top = 0;
      stack[top++] = start;
      component[start] = components;
      while (top > 0) {
        int k = stack[--top];
        for (int m = 0; m < d; m++) {
          if (component[m] < 0 && (support[k * d + m] > 0 || support[m * d + k] > 0)) {
            component[m] = components;
            stack[top++] = m;
          }
        }
      }
      components++;
    }
    float[] out = new float[d * d];
    for (int k = 0; k < d; k++) {
      for (int j = 0; j < d; j++) {
        if (k != j && component[k] >= 0 && component[k] == component[j]) {
          out[k * d + j] = 1;
        }
      }
    }
    return out;
  }

  private static boolean paired(float[] support, int d, int column) {
    for (int m = 0; m < d; m++) {
      if (support[column * d + m] > 0 || support[m * d + column] > 0) {
        return true;
      }
    }
    return false;
  }
}
