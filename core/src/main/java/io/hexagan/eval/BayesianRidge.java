package io.hexagan.eval;

import java.util.function.DoubleFunction;
import java.util.function.UnaryOperator;
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
 * <p>The weights are {@code w = (XᵀX + λ/α · I)⁻¹ Xᵀy} on centred data. With the symmetric
 * eigendecomposition {@code XᵀX = V diag(e) Vᵀ}, {@code b = Vᵀ Xᵀy} and {@code r = λ/α}, every
 * update's statistics cost O(p): {@code ‖w‖² = Σ b²/(e + r)²}, the effective number of parameters
 * {@code γ = Σ α e / (λ + α e)} and the residual sum of squares {@code ‖y − Xw‖² = yᵀy − Σ b² (e +
 * 2r) / (e + r)²} (clamped at 0; the prior's 2·10⁻⁶ dominates any rounding left in it); the weights
 * themselves, {@code V (b / (e + r))}, are needed for the stopping test.
 *
 * <p>V is never formed when XᵀX has full rank: the Householder reduction {@code XᵀX = Q T Qᵀ}
 * ({@link TridiagonalForm}) gives e and b from T's eigenvalues and rotations, and {@code w = Q (T +
 * rI)⁻¹ Qᵀ Xᵀy} costs O(p²) per update, which makes a fit about (4/3)p³ instead of a full
 * eigendecomposition's several times that. Forming XᵀX squares the condition number, so directions whose
 * eigenvalue is below {@link #NULL_SPACE} of the largest are rounding noise; when there are any
 * the fit takes the eigenvector route (EJML) and drops them, giving the minimum-norm weights.
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
    return fit(moments, false);
  }

  /** As {@link #fit(Moments)}; {@code eigenvectors} forces the eigenvector route (for tests). */
  static LinearModel fit(Moments moments, boolean eigenvectors) {
    int n = moments.rows();
    int p = moments.xMean().length;
    double[] xMean = moments.xMean();
    double yMean = moments.yMean();
    double yy = moments.yy();
    if (p == 0) {
      return new LinearModel(yMean, new double[0]);
    }
    TridiagonalForm reduced = new TridiagonalForm(moments.gram().data, p);
    double[] xtyReduced = reduced.reduce(moments.xty());
    TridiagonalForm.Spectrum spectrum = reduced.spectrum(xtyReduced);
    double[] e = new double[p];
    double eMax = 0;
    for (int k = 0; k < p; k++) {
      e[k] = Math.max(0, spectrum.values()[k]);
      eMax = Math.max(eMax, e[k]);
    }
    boolean fullRank = eMax > 0;
    for (double ek : e) {
      fullRank &= ek > eMax * NULL_SPACE;
    }
    if (fullRank && !eigenvectors) {
      Basis basis = new Basis(r -> reduced.solveShifted(r, xtyReduced), reduced::expand);
      return evidence(n, xMean, yMean, yy, e, spectrum.coordinates(), basis);
    }
    Eigenvectors eig = Eigenvectors.of(moments.gram(), moments.xty());
    Basis basis = new Basis(r -> {
      double[] c = new double[p];
      for (int k = 0; k < p; k++) {
        c[k] = eig.coordinates[k] / (eig.values[k] + r);
      }
      return c;
    }, c -> times(eig.vectors, c));
    return evidence(n, xMean, yMean, yy, eig.values, eig.coordinates, basis);
  }

  /**
   * The weights in an orthonormal basis of the predictors, {@code c(r)} with {@code w = M c(r)} for
   * an orthogonal M: {@code toWeights} applies M (O(p²)), so the iteration calls it only when a
   * norm bound cannot settle the stopping test.
   */
  private record Basis(DoubleFunction<double[]> coordinates, UnaryOperator<double[]> toWeights) {}

  /**
   * The eigendecomposition {@code XᵀX = V diag(e) Vᵀ} with the coordinates {@code b = Vᵀ Xᵀy},
   * directions with e at most {@link #NULL_SPACE} of the largest set to e = b = 0: the
   * rank-deficient case, where the weights must have no component in the null space.
   */
  private record Eigenvectors(DMatrixRMaj vectors, double[] values, double[] coordinates) {

    static Eigenvectors of(DMatrixRMaj gram, double[] xty) {
      int p = gram.numRows;
      EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(p, true, true);
      if (!eig.decompose(gram.copy())) {
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
          s += v.get(j, k) * xty[j];
        }
        b[k] = s;
      }
      return new Eigenvectors(v, e, b);
    }
  }

  /**
   * The evidence iteration, given XᵀX's eigenvalues e, the coordinates b of Xᵀy in its
   * eigenvectors, and the weights {@code (XᵀX + rI)⁻¹Xᵀy} as a function of r.
   */
  private static LinearModel evidence(int n, double[] xMean, double yMean, double yy, double[] e,
      double[] b, Basis basis) {
    int p = e.length;
    double variance = yy / n;
    double alpha = 1.0 / (variance + Math.ulp(1.0));
    double lambda = 1.0;
    double[] previous = null;
    for (int update = 0; update < MAX_UPDATES; update++) {
      double r = lambda / alpha;
      double[] c = basis.coordinates().apply(r);
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
      if (previous != null && weightsChangeBelowTolerance(previous, c, basis)) {
        break;
      }
      previous = c;
    }
    double[] w = basis.toWeights().apply(basis.coordinates().apply(lambda / alpha));
    double intercept = yMean;
    for (int j = 0; j < p; j++) {
      intercept -= w[j] * xMean[j];
    }
    return new LinearModel(intercept, w);
  }

  /**
   * Whether the L1 change of the weights, {@code ‖M(c − c')‖₁}, is below {@link #TOLERANCE}. The
   * Euclidean norm is basis-free and {@code ‖x‖₂ ≤ ‖x‖₁ ≤ √p ‖x‖₂}, so only a change between
   * tolerance/√p and tolerance needs the weights themselves.
   */
  private static boolean weightsChangeBelowTolerance(double[] before, double[] after, Basis basis) {
    double[] delta = new double[after.length];
    double norm2 = 0;
    for (int k = 0; k < delta.length; k++) {
      delta[k] = after[k] - before[k];
      norm2 += delta[k] * delta[k];
    }
    double norm = Math.sqrt(norm2);
    if (norm >= TOLERANCE) {
      return false;
    }
    if (norm * Math.sqrt(delta.length) < TOLERANCE) {
      return true;
    }
    double l1 = 0;
    for (double v : basis.toWeights().apply(delta)) {
      l1 += Math.abs(v);
    }
    return l1 < TOLERANCE;
  }

  private static double[] times(DMatrixRMaj v, double[] c) {
    int p = c.length;
    double[] w = new double[p];
    for (int j = 0; j < p; j++) {
      double s = 0;
      for (int k = 0; k < p; k++) {
        s += v.get(j, k) * c[k];
      }
      w[j] = s;
    }
    return w;
  }
}
