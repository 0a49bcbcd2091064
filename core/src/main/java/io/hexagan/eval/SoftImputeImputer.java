package io.hexagan.eval;

import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Matrix completion by soft-impute (Mazumder, Hastie and Tibshirani, "Spectral regularization
 * algorithms for learning large incomplete matrices", JMLR 2010): the nuclear-norm regularised
 * fit {@code min ½‖P_Ω(X − Z)‖² + λ‖Z‖_*}, by iterating {@code Z ← S_λ(P_Ω(X) + P_Ω⊥(Z))} with
 * singular-value soft-thresholding {@link SoftThreshold S_λ}.
 *
 * <p>Choices (the paper leaves them to the user):
 *
 * <ul>
 *   <li>Columns are centred by their observed training means first, and the iteration starts from
 *       the mean fill, so the low-rank part models deviations from the column means.
 *   <li>λ = {@code shrinkage} × σ_max of the centred, mean-filled training matrix; default
 *       shrinkage 1/50, the default of the fancyimpute package's SoftImpute.
 *   <li>Stop when {@code ‖Z_k − Z_{k−1}‖²_F / ‖Z_{k−1}‖²_F < tolerance} (the paper's criterion)
 *       or after {@code maxIterations}; rank at most {@code maxRank} (default: no cap beyond what
 *       λ leaves). Defaults: tolerance 10⁻⁹, 1,000 iterations. At a single λ the iteration
 *       converges slowly, and stopping early costs accuracy: with 20% MCAR cells, tightening the
 *       tolerance from 10⁻⁵ to 10⁻⁹ took breast from 25 to 76 iterations and its RMSE from 0.059
 *       to 0.055, wine from 0.172 to 0.163, and credit from 1.3 s to 3.8 s.
 * </ul>
 *
 * <p>Soft-impute is transductive: {@link #fitImpute} returns the completion of the training matrix.
 * To impute other rows, the fit is read as the factorisation {@code Z = A Bᵀ} with {@code B = V_r
 * diag(√(σ − λ))}, the solution of the paper's equivalent problem {@code min ½‖P_Ω(X − ABᵀ)‖² +
 * λ/2 (‖A‖² + ‖B‖²)} (its section 8); a new row's factor is the minimiser with B fixed, {@code a =
 * (B_Oᵀ B_O + λI)⁻¹ B_Oᵀ (x_O − μ_O)} over its observed columns O, and its missing cells are
 * {@code μ_M + B_M a}. For a training row at convergence this is the fit's own imputation.
 */
public final class SoftImputeImputer implements Imputer {

  public static final double DEFAULT_SHRINKAGE = 1.0 / 50;
  public static final int DEFAULT_MAX_ITERATIONS = 1_000;
  public static final double DEFAULT_TOLERANCE = 1e-9;

  private final double shrinkage;
  private final int maxIterations;
  private final double tolerance;
  private final int maxRank;

  public SoftImputeImputer() {
    this(DEFAULT_SHRINKAGE, DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE, Integer.MAX_VALUE);
  }

  public SoftImputeImputer(double shrinkage, int maxIterations, double tolerance, int maxRank) {
    if (!(shrinkage > 0) || !(shrinkage < 1)) {
      throw new IllegalArgumentException("shrinkage: expected a fraction in (0, 1), found " + shrinkage);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maxIterations: expected ≥ 1, found " + maxIterations);
    }
    if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
      throw new IllegalArgumentException("tolerance: expected a finite number ≥ 0, found " + tolerance);
    }
    if (maxRank < 1) {
      throw new IllegalArgumentException("maxRank: expected ≥ 1, found " + maxRank);
    }
    this.shrinkage = shrinkage;
    this.maxIterations = maxIterations;
    this.tolerance = tolerance;
    this.maxRank = maxRank;
  }

  @Override
  public String name() {
    return "softimpute";
  }

  @Override
  public Fitted fit(double[][] train) {
    return complete(train).model();
  }

  @Override
  public double[][] fitImpute(double[][] train) {
    return complete(train).imputation();
  }

  /** The fitted model and the completion of the training matrix. */
  record Completion(Fitted model, double[][] imputation, int iterations) {}

  Completion complete(double[][] train) {
    int d = Cells.columnsOf(train, "train");
    int n = train.length;
    double[] mean = Cells.observedMeans(train, d);
    DMatrixRMaj z = new DMatrixRMaj(n, d);
    boolean[] missing = new boolean[n * d];
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < d; c++) {
        double v = train[r][c];
        missing[r * d + c] = Double.isNaN(v);
        z.data[r * d + c] = Double.isNaN(v) ? 0 : v - mean[c];
      }
    }
    double lambda = shrinkage * SoftThreshold.largestSingularValue(z);
    SoftThreshold step = null;
    double[] previous = null;
    int iterations = 0;
    while (iterations < maxIterations) {
      iterations++;
      step = SoftThreshold.of(z, lambda, maxRank);
      double[] low = step.lowRank().data;
      for (int i = 0; i < low.length; i++) {
        if (missing[i]) {
          z.data[i] = low[i];
        }
      }
      boolean converged = previous != null && relativeChange(previous, low) < tolerance;
      previous = low;
      if (converged) {
        break;
      }
    }
    double[][] imputation = new double[n][];
    for (int r = 0; r < n; r++) {
      double[] row = train[r].clone();
      for (int c = 0; c < d; c++) {
        if (missing[r * d + c]) {
          row[c] = z.data[r * d + c] + mean[c];
        }
      }
      imputation[r] = row;
    }
    int rank = step.shrunk().length;
    double[][] factor = new double[d][rank];
    for (int c = 0; c < d; c++) {
      for (int k = 0; k < rank; k++) {
        factor[c][k] = step.right().get(c, k) * Math.sqrt(step.shrunk()[k]);
      }
    }
    return new Completion(new Fitted(mean, factor, lambda), imputation, iterations);
  }

  private static double relativeChange(double[] before, double[] after) {
    double diff = 0;
    double norm = 0;
    for (int i = 0; i < before.length; i++) {
      double delta = after[i] - before[i];
      diff += delta * delta;
      norm += before[i] * before[i];
    }
    if (norm == 0) {
      return diff == 0 ? 0 : Double.POSITIVE_INFINITY;
    }
    return diff / norm;
  }

  /**
   * A fitted soft-impute model: column means μ, the column factor B (d × rank) and λ.
   *
   * @param mean observed training mean of each column
   * @param factor B = V_r diag(√(σ − λ)), one row per column
   * @param lambda the shrinkage threshold used
   */
  public record Fitted(double[] mean, double[][] factor, double lambda) implements FittedImputer {

    public Fitted {
      if (factor.length != mean.length) {
        throw new IllegalArgumentException("factor: expected " + mean.length + " rows, found " + factor.length);
      }
      if (!(lambda >= 0) || Double.isInfinite(lambda)) {
        throw new IllegalArgumentException("lambda: expected a finite number ≥ 0, found " + lambda);
      }
      mean = mean.clone();
      double[][] copy = new double[factor.length][];
      for (int c = 0; c < factor.length; c++) {
        copy[c] = factor[c].clone();
      }
      factor = copy;
    }

    /** The rank of the fitted completion. */
    public int rank() {
      return factor.length == 0 ? 0 : factor[0].length;
    }

    @Override
    public int columns() {
      return mean.length;
    }

    @Override
    public double[] mean() {
      return mean.clone();
    }

    @Override
    public double[][] factor() {
      double[][] copy = new double[factor.length][];
      for (int c = 0; c < factor.length; c++) {
        copy[c] = factor[c].clone();
      }
      return copy;
    }

    @Override
    public double[][] impute(double[][] values) {
      Cells.check(values, mean.length, "values");
      double[][] out = new double[values.length][];
      IntStream.range(0, values.length).parallel().forEach(r -> out[r] = imputeRow(values[r]));
      return out;
    }

    private double[] imputeRow(double[] row) {
      double[] out = row.clone();
      int d = mean.length;
      int rank = rank();
      double[] a = new double[rank];
      int observed = 0;
      boolean anyMissing = false;
      for (double v : row) {
        if (Double.isNaN(v)) {
          anyMissing = true;
        } else {
          observed++;
        }
      }
      if (!anyMissing) {
        return out;
      }
      if (rank > 0 && observed > 0) {
        DMatrixRMaj lhs = new DMatrixRMaj(rank, rank);
        DMatrixRMaj rhs = new DMatrixRMaj(rank, 1);
        for (int c = 0; c < d; c++) {
          if (Double.isNaN(row[c])) {
            continue;
          }
          double[] b = factor[c];
          double residual = row[c] - mean[c];
          for (int i = 0; i < rank; i++) {
            rhs.data[i] += b[i] * residual;
            for (int j = 0; j < rank; j++) {
              lhs.data[i * rank + j] += b[i] * b[j];
            }
          }
        }
        for (int i = 0; i < rank; i++) {
          lhs.data[i * rank + i] += lambda;
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.chol(rank);
        if (!solver.setA(lhs)) {
          throw new IllegalStateException("Cholesky factorisation of BᵀB + λI failed");
        }
        DMatrixRMaj solution = new DMatrixRMaj(rank, 1);
        solver.solve(rhs, solution);
        a = solution.data;
      }
      for (int c = 0; c < d; c++) {
        if (Double.isNaN(row[c])) {
          double v = mean[c];
          for (int k = 0; k < rank; k++) {
            v += factor[c][k] * a[k];
          }
          out[c] = v;
        }
      }
      return out;
    }
  }
}
