package io.hexagan.training;

import io.hexagan.graph.LinearRefinement;
import io.hexagan.io.MaskedTable;
import io.hexagan.io.MinMaxScaler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** Fits a {@link LinearRefinement} to a trained model's imputation of its training rows. */
final class LinearRefinementFit {
  private LinearRefinementFit() {}

  /**
   * The refinement of {@code model}, trained on {@code table} with {@code hiddenCells} held out
   * for validation: fitted on its imputation of the training rows with those cells hidden (as in
   * training), chosen on them.
   *
   * @param screening the screening level of the column pairs ({@link PairScreening})
   * @param seed the imputation's noise seed
   * @return the refinement, or null when no column's refined cells did better
   */
  static LinearRefinement fit(HexaGanModel model, MaskedTable table, MinMaxScaler scaler, boolean[][] hiddenCells,
      RefinementSettings settings, double screening, long seed) {
    int n = table.rows();
    int d = table.features();
    double[][] input = new double[n][];
    for (int r = 0; r < n; r++) {
      input[r] = table.values()[r].clone();
      for (int c = 0; c < d; c++) {
        if (hiddenCells[r][c]) {
          input[r][c] = Double.NaN;
        }
      }
    }
    float[] imputed = model.imputeFloats(input, seed);
    float[] known = new float[n * d];
    float[] validation = new float[n * d];
    float[] truth = new float[n * d];
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < d; c++) {
        int i = r * d + c;
        if (table.observed(r, c)) {
          truth[i] = (float) scaler.transform(c, table.values()[r][c]);
          (hiddenCells[r][c] ? validation : known)[i] = 1;
        }
        // imputeFloats' elements of observed cells are not the observed values: take those.
        imputed[i] = known[i] > 0 ? truth[i] : (float) scaler.transform(c, imputed[i]);
      }
    }
    float[] support = PairScreening.support(imputed, known, d, screening);
    return fit(imputed, known, validation, truth, support, d, settings.passes(), settings.ridge(),
        settings.minGainT());
  }

  /**
   * Fits the regressions and chooses the columns.
   *
   * @param imputed n × d, row-major: the model's imputation of the training rows (observed cells
   *     as observed, every other cell G_MI's, the validation cells included)
   * @param known n × d, 1 where a cell's value is observed and trained on (not a validation cell)
   * @param validation n × d, 1 on the validation cells (observed, hidden from training)
   * @param truth n × d, the observed values (read on the validation cells)
   * @param support d × d, row-major, 1 where column k may predict column j ({@link PairScreening})
   * @param ridge the ridge weight per fitted row (the penalty is ridge · rows · Σ w², intercept free)
   * @param minT the least t statistic of a column's mean gain on its validation cells for its refined
   *     cells to replace G_MI's (0: any gain)
   * @return the refinement, or null when no column's refined cells did better on the validation cells
   */
  static LinearRefinement fit(float[] imputed, float[] known, float[] validation, float[] truth,
      float[] support, int features, int passes, double ridge, double minT) {
    int d = features;
    int n = imputed.length / d;
    float[] weights = new float[d * d];
    float[] intercepts = new float[d];
    boolean[] regressed = new boolean[d];
    for (int j = 0; j < d; j++) {
      List<Integer> k = new ArrayList<>();
      for (int c = 0; c < d; c++) {
        if (c != j && support[c * d + j] > 0) {
          k.add(c);
        }
      }
      double[] w = k.isEmpty() ? null : regression(imputed, known, n, d, j, k.stream().mapToInt(Integer::intValue).toArray(), ridge);
      if (w == null) {
        continue;
      }
      regressed[j] = true;
      for (int c = 0; c < k.size(); c++) {
        weights[k.get(c) * d + j] = (float) w[c];
      }
      intercepts[j] = (float) w[k.size()];
    }
    LinearRefinement all = new LinearRefinement(d, passes, weights, intercepts, regressed, regressed);
    float[] missing = new float[n * d];
    for (int i = 0; i < n * d; i++) {
      missing[i] = known[i] > 0 ? 0 : 1;
    }
    float[] refined = all.apply(imputed, missing);
    // Per column, the gain in squared error on each validation cell: its mean, and its mean's t.
    double[] sum = new double[d];
    double[] sumSquares = new double[d];
    int[] cells = new int[d];
    for (int i = 0; i < n * d; i++) {
      if (validation[i] > 0) {
        int j = i % d;
        double gain = square(imputed[i] - truth[i]) - square(refined[i] - truth[i]);
        sum[j] += gain;
        sumSquares[j] += gain * gain;
        cells[j]++;
      }
    }
    boolean[] replaced = new boolean[d];
    boolean any = false;
    for (int j = 0; j < d; j++) {
      replaced[j] = regressed[j] && sum[j] > 0 && gainT(sum[j], sumSquares[j], cells[j]) >= minT;
      any |= replaced[j];
    }
    return any ? new LinearRefinement(d, passes, weights, intercepts, regressed, replaced) : null;
  }

  /** Ridge weights of column j on columns k (then the intercept), or null without two fitted rows. */
  private static double[] regression(float[] imputed, float[] known, int n, int d, int j, int[] k, double ridge) {
    int p = k.length + 1;
    DMatrixRMaj ata = new DMatrixRMaj(p, p);
    DMatrixRMaj aty = new DMatrixRMaj(p, 1);
    double[] a = new double[p];
    int rows = 0;
    for (int r = 0; r < n; r++) {
      if (known[r * d + j] == 0) {
        continue;
      }
      rows++;
      for (int c = 0; c < k.length; c++) {
        a[c] = imputed[r * d + k[c]];
      }
      a[k.length] = 1;
      double y = imputed[r * d + j];
      for (int u = 0; u < p; u++) {
        aty.data[u] += a[u] * y;
        for (int v = 0; v <= u; v++) {
          ata.data[u * p + v] += a[u] * a[v];
        }
      }
    }
    if (rows < 2) {
      return null;
    }
    for (int u = 0; u < p; u++) {
      for (int v = u + 1; v < p; v++) {
        ata.data[u * p + v] = ata.data[v * p + u];
      }
    }
    for (int c = 0; c < k.length; c++) {
      ata.data[c * p + c] += ridge * rows;
    }
    DMatrixRMaj w = new DMatrixRMaj(p, 1);
    if (!CommonOps_DDRM.solve(ata, aty, w) || Arrays.stream(w.data).anyMatch(x -> !Double.isFinite(x))) {
      return null;
    }
    return w.data.clone();
  }

  /** t of the mean of {@code cells} gains with this sum and sum of squares (infinite when they are all equal). */
  private static double gainT(double sum, double sumSquares, int cells) {
    if (cells < 2) {
      return cells == 1 && sum > 0 ? Double.POSITIVE_INFINITY : 0;
    }
    double mean = sum / cells;
    double variance = Math.max(0, (sumSquares - cells * mean * mean) / (cells - 1));
    return variance == 0 ? (mean > 0 ? Double.POSITIVE_INFINITY : 0) : mean / Math.sqrt(variance / cells);
  }

  private static double square(double x) {
    return x * x;
  }
}
