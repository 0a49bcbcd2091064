package io.hexagan.eval;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Bayesian ridge regression with evidence maximisation of the noise precision α and the weight
 * precision λ (MacKay, "Bayesian interpolation", Neural Computation 1992; Tipping, "Sparse Bayesian
 * learning and the relevance vector machine", JMLR 2001), as scikit-learn's BayesianRidge computes
 * it with its defaults: Gamma(10⁻⁶, 10⁻⁶) hyper-priors on α and λ, α₀ = 1 / (var(y) + ε), λ₀ = 1,
 * at most 300 updates, stop when the L1 change of the weights is below 10⁻³, then one last solve
 * with the final α and λ. An intercept is fitted by centring X and y.
 *
 * <p>The weights are {@code w = (XᵀX + λ/α · I)⁻¹ Xᵀy} on centred data. The symmetric
 * eigendecomposition {@code XᵀX = V diag(e) Vᵀ} is computed once (EJML); every update then costs
 * O(p): with {@code b = Vᵀ Xᵀy} and {@code r = λ/α}, {@code w = V (b / (e + r))}, {@code ‖w‖² = Σ
 * b²/(e + r)²}, the effective number of parameters {@code γ = Σ α e / (λ + α e)} and the residual
 * sum of squares {@code ‖y − Xw‖² = yᵀy − Σ b² (e + 2r) / (e + r)²} (clamped at 0; the prior's
 * 2·10⁻⁶ dominates any rounding left in it). Forming XᵀX squares the condition number, so
 * directions whose eigenvalue is below {@link #NULL_SPACE} of the largest are dropped.
 */
public final class BayesianRidge {

  static final double PRIOR_SHAPE = 1e-6;
  static final double PRIOR_RATE = 1e-6;
  static final int MAX_UPDATES = 300;
  static final double TOLERANCE = 1e-3;
  /**
   * Eigenvalues of XᵀX below this fraction of the largest are rounding noise of the Gram matrix
   * (a singular value below 10⁻⁶ of the largest); their directions are treated as the null space
   * of X, and the weights have no component there (the minimum-norm solution).
   */
  static final double NULL_SPACE = 1e-12;

  private BayesianRidge() {}

  /**
   * Fits {@code y ≈ intercept + x · w}.
   *
   * @param x n × p design, row-major, finite
   * @param y n targets, finite
   */
  public static LinearModel fit(DMatrixRMaj x, double[] y) {
    int n = x.numRows;
    int p = x.numCols;
    if (y.length != n) {
      throw new IllegalArgumentException("y: expected " + n + " values, found " + y.length);
    }
    if (n == 0) {
      throw new IllegalArgumentException("x: expected at least one row, found none");
    }
    double[] xMean = new double[p];
    double[] data = x.data;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < p; j++) {
        xMean[j] += data[i * p + j];
      }
    }
    for (int j = 0; j < p; j++) {
      xMean[j] /= n;
    }
    double yMean = 0;
    for (double v : y) {
      yMean += v;
    }
    yMean /= n;

    DMatrixRMaj centred = new DMatrixRMaj(n, p);
    double[] yc = new double[n];
    double yy = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < p; j++) {
        centred.data[i * p + j] = data[i * p + j] - xMean[j];
      }
      yc[i] = y[i] - yMean;
      yy += yc[i] * yc[i];
    }
    DMatrixRMaj gram = new DMatrixRMaj(p, p);
    CommonOps_DDRM.multTransA(centred, centred, gram);
    DMatrixRMaj xty = new DMatrixRMaj(p, 1);
    CommonOps_DDRM.multTransA(centred, DMatrixRMaj.wrap(n, 1, yc), xty);
    return fit(new Moments(n, xMean, yMean, gram, xty.data, yy));
  }

  /**
   * The centred second moments a fit needs: the design enters only through them, so callers that
   * can update them cheaply (MICE's running Gram matrix) skip the pass over the rows.
   *
   * @param rows n, the number of rows
   * @param xMean the column means of X
   * @param yMean the mean of y
   * @param gram {@code (X − 1x̄ᵀ)ᵀ(X − 1x̄ᵀ)}, p × p, symmetric
   * @param xty {@code (X − 1x̄ᵀ)ᵀ(y − ȳ)}, p values
   * @param yy {@code ‖y − ȳ‖²}
   */
  public record Moments(int rows, double[] xMean, double yMean, DMatrixRMaj gram, double[] xty, double yy) {

    public Moments {
      int p = xMean.length;
      if (rows < 1) {
        throw new IllegalArgumentException("rows: expected at least one, found " + rows);
      }
      if (gram.numRows != p || gram.numCols != p || xty.length != p) {
        throw new IllegalArgumentException("gram and xty: expected " + p + " × " + p + " and " + p
            + ", found " + gram.numRows + " × " + gram.numCols + " and " + xty.length);
      }
    }
  }

  /** Fits {@code y ≈ intercept + x · w} from the centred moments of the design and the target. */
  public static LinearModel fit(Moments moments) {
    int n = moments.rows();
    int p = moments.xMean().length;
    double[] xMean = moments.xMean();
    double yMean = moments.yMean();
    double yy = moments.yy();
    if (p == 0) {
      return new LinearModel(yMean, new double[0]);
    }
    DMatrixRMaj gram = moments.gram().copy();
    DMatrixRMaj xty = DMatrixRMaj.wrap(p, 1, moments.xty());

    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(p, true, true);
    if (!eig.decompose(gram)) {
      throw new IllegalStateException("eigendecomposition of XᵀX failed");
    }
    double[] e = new double[p];
    DMatrixRMaj v = new DMatrixRMaj(p, p);
    for (int k = 0; k < p; k++) {
      e[k] = Math.max(0, eig.getEigenvalue(k).getReal());
      DMatrixRMaj vk = eig.getEigenVector(k);
      for (int j = 0; j < p; j++) {
        v.set(j, k, vk.get(j, 0));
      }
    }
    double eMax = 0;
    for (double ek : e) {
      eMax = Math.max(eMax, ek);
    }
    double[] b = new double[p];
    for (int k = 0; k < p; k++) {
      if (e[k] <= eMax * NULL_SPACE) {
        e[k] = 0;
        continue;
      }
      double s = 0;
      for (int j = 0; j < p; j++) {
        s += v.get(j, k) * xty.get(j, 0);
      }
      b[k] = s;
    }

    double variance = yy / n;
    double alpha = 1.0 / (variance + Math.ulp(1.0));
    double lambda = 1.0;
    double[] previous = null;
    for (int update = 0; update < MAX_UPDATES; update++) {
      double r = lambda / alpha;
      double[] w = weights(v, b, e, r);
      double wNorm2 = 0;
      double rss = yy;
      double gamma = 0;
      for (int k = 0; k < p; k++) {
        double denom = e[k] + r;
        wNorm2 += b[k] * b[k] / (denom * denom);
        rss -= b[k] * b[k] * (e[k] + 2 * r) / (denom * denom);
        gamma += alpha * e[k] / (lambda + alpha * e[k]);
      }
      rss = Math.max(0, rss);
      lambda = (gamma + 2 * PRIOR_SHAPE) / (wNorm2 + 2 * PRIOR_RATE);
      alpha = (n - gamma + 2 * PRIOR_SHAPE) / (rss + 2 * PRIOR_RATE);
      if (previous != null && l1Distance(previous, w) < TOLERANCE) {
        break;
      }
      previous = w;
    }
    double[] w = weights(v, b, e, lambda / alpha);
    double intercept = yMean;
    for (int j = 0; j < p; j++) {
      intercept -= w[j] * xMean[j];
    }
    return new LinearModel(intercept, w);
  }

  private static double[] weights(DMatrixRMaj v, double[] b, double[] e, double r) {
    int p = b.length;
    double[] scaled = new double[p];
    for (int k = 0; k < p; k++) {
      scaled[k] = b[k] / (e[k] + r);
    }
    double[] w = new double[p];
    for (int j = 0; j < p; j++) {
      double s = 0;
      for (int k = 0; k < p; k++) {
        s += v.get(j, k) * scaled[k];
      }
      w[j] = s;
    }
    return w;
  }

  private static double l1Distance(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      s += Math.abs(a[j] - b[j]);
    }
    return s;
  }
}
