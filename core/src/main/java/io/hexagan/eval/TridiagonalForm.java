package io.hexagan.eval;

/**
 * The Householder reduction {@code A = Q T Qᵀ} of a symmetric matrix to a symmetric tridiagonal
 * T (Golub and Van Loan, "Matrix Computations", 4th ed., §8.3.1), kept in factored form so that
 * {@code Qᵀz} and {@code Qu} cost O(p²) each, with the eigenvalues of T by the implicit symmetric
 * QR algorithm with Wilkinson shifts (§8.3.3) and the coordinates {@code Uᵀy} of one vector in
 * T's eigenbasis, which the same Givens rotations give in O(p) per sweep.
 *
 * <p>This is what an evidence-maximising ridge fit needs without ever forming the p × p matrix of
 * eigenvectors: the reduction costs about (4/3)p³, against several times that for a full
 * eigendecomposition with vectors.
 */
final class TridiagonalForm {

  private static final double EPS = Math.ulp(1.0);

  private final int p;
  private final double[] diag;
  private final double[] off;
  /** Householder vector k in row k, entries k+1..p−1 (zero vector: no reflection). */
  private final double[][] reflectors;
  private final double[] betas;

  /** Reduces {@code a}, p × p, row-major and symmetric; {@code a} is not modified. */
  TridiagonalForm(double[] a, int p) {
    if (a.length != p * p) {
      throw new IllegalArgumentException("a: expected " + p + " × " + p + " values, found " + a.length);
    }
    this.p = p;
    double[] m = a.clone();
    diag = new double[p];
    off = new double[Math.max(0, p - 1)];
    reflectors = new double[Math.max(0, p - 2)][];
    betas = new double[Math.max(0, p - 2)];
    double[] v = new double[p];
    double[] w = new double[p];
    for (int k = 0; k < p - 2; k++) {
      double norm2 = 0;
      for (int i = k + 1; i < p; i++) {
        double x = m[i * p + k];
        norm2 += x * x;
      }
      double head = m[(k + 1) * p + k];
      double tail2 = norm2 - head * head;
      if (tail2 == 0) {
        // Column k is already tridiagonal below the diagonal: no reflection.
        off[k] = head;
        reflectors[k] = new double[p];
        continue;
      }
      double norm = Math.sqrt(norm2);
      double alpha = head >= 0 ? -norm : norm;
      for (int i = k + 1; i < p; i++) {
        v[i] = m[i * p + k];
      }
      v[k + 1] -= alpha;
      double vtv = 0;
      for (int i = k + 1; i < p; i++) {
        vtv += v[i] * v[i];
      }
      double beta = 2 / vtv;
      // B ← H B H with H = I − β v vᵀ on the trailing block: p = β B v, w = p − (β/2)(vᵀp) v,
      // B ← B − v wᵀ − w vᵀ.
      // B v as a sum of B's rows (B is symmetric), a form the JIT vectorises.
      java.util.Arrays.fill(w, k + 1, p, 0);
      for (int j = k + 1; j < p; j++) {
        double vj = beta * v[j];
        int row = j * p;
        for (int i = k + 1; i < p; i++) {
          w[i] += vj * m[row + i];
        }
      }
      double vp = 0;
      for (int i = k + 1; i < p; i++) {
        vp += v[i] * w[i];
      }
      double half = 0.5 * beta * vp;
      for (int i = k + 1; i < p; i++) {
        w[i] -= half * v[i];
      }
      for (int i = k + 1; i < p; i++) {
        double vi = v[i];
        double wi = w[i];
        int row = i * p;
        for (int j = k + 1; j < p; j++) {
          m[row + j] -= vi * w[j] + wi * v[j];
        }
      }
      off[k] = alpha;
      double[] kept = new double[p];
      System.arraycopy(v, k + 1, kept, k + 1, p - k - 1);
      reflectors[k] = kept;
      betas[k] = beta;
    }
    for (int i = 0; i < p; i++) {
      diag[i] = m[i * p + i];
    }
    if (p >= 2) {
      off[p - 2] = m[(p - 2) * p + p - 1];
    }
  }

  int size() {
    return p;
  }

  /** {@code Qᵀz}. */
  double[] reduce(double[] z) {
    double[] y = z.clone();
    for (int k = 0; k < reflectors.length; k++) {
      reflect(k, y);
    }
    return y;
  }

  /** {@code Qu}. */
  double[] expand(double[] u) {
    double[] y = u.clone();
    for (int k = reflectors.length - 1; k >= 0; k--) {
      reflect(k, y);
    }
    return y;
  }

  private void reflect(int k, double[] y) {
    double[] v = reflectors[k];
    if (betas[k] == 0) {
      return;
    }
    double s = 0;
    for (int i = k + 1; i < p; i++) {
      s += v[i] * y[i];
    }
    s *= betas[k];
    for (int i = k + 1; i < p; i++) {
      y[i] -= s * v[i];
    }
  }

  /**
   * {@code (T + shift·I)⁻¹ rhs} by Gaussian elimination without pivoting on the tridiagonal band
   * (stable here: T is positive semi-definite, so T + shift·I is positive definite for shift > 0).
   */
  double[] solveShifted(double shift, double[] rhs) {
    if (!(shift > 0)) {
      throw new IllegalArgumentException("shift: expected > 0, found " + shift);
    }
    double[] pivot = new double[p];
    double[] x = rhs.clone();
    for (int i = 0; i < p; i++) {
      double d = diag[i] + shift;
      if (i > 0) {
        double factor = off[i - 1] / pivot[i - 1];
        d -= factor * off[i - 1];
        x[i] -= factor * x[i - 1];
      }
      pivot[i] = d;
    }
    for (int i = p - 1; i >= 0; i--) {
      if (i < p - 1) {
        x[i] -= off[i] * x[i + 1];
      }
      x[i] /= pivot[i];
    }
    return x;
  }

  /**
   * The eigenvalues λ of T and the coordinates {@code Uᵀy} of {@code y} in the matching
   * eigenvectors (T = U diag(λ) Uᵀ), in no particular order.
   */
  Spectrum spectrum(double[] y) {
    double[] a = diag.clone();
    double[] e = off.clone();
    double[] coords = y.clone();
    int hi = p - 1;
    int sweeps = 0;
    while (hi > 0) {
      for (int k = 0; k < hi; k++) {
        if (Math.abs(e[k]) <= EPS * (Math.abs(a[k]) + Math.abs(a[k + 1]))) {
          e[k] = 0;
        }
      }
      if (e[hi - 1] == 0) {
        hi--;
        continue;
      }
      int lo = hi - 1;
      while (lo > 0 && e[lo - 1] != 0) {
        lo--;
      }
      sweep(a, e, coords, lo, hi);
      if (++sweeps > 50 * p) {
        throw new IllegalStateException("symmetric QR did not converge in " + sweeps + " sweeps");
      }
    }
    return new Spectrum(a, coords);
  }

  /** One implicit QR sweep with a Wilkinson shift on the unreduced block lo..hi. */
  private static void sweep(double[] a, double[] e, double[] coords, int lo, int hi) {
    double delta = (a[hi - 1] - a[hi]) / 2;
    double last = e[hi - 1];
    double shift = a[hi] - last * last / (delta + (delta >= 0 ? 1 : -1) * Math.hypot(delta, last));
    double x = a[lo] - shift;
    double z = e[lo];
    for (int k = lo; k < hi; k++) {
      double r = Math.hypot(x, z);
      double c = r == 0 ? 1 : x / r;
      double s = r == 0 ? 0 : z / r;
      if (k > lo) {
        e[k - 1] = r;
      }
      double ak = a[k];
      double ak1 = a[k + 1];
      double ek = e[k];
      a[k] = c * c * ak + 2 * c * s * ek + s * s * ak1;
      a[k + 1] = s * s * ak - 2 * c * s * ek + c * c * ak1;
      e[k] = c * s * (ak1 - ak) + (c * c - s * s) * ek;
      if (k < hi - 1) {
        z = s * e[k + 1];
        e[k + 1] = c * e[k + 1];
        x = e[k];
      }
      double yk = coords[k];
      double yk1 = coords[k + 1];
      coords[k] = c * yk + s * yk1;
      coords[k + 1] = -s * yk + c * yk1;
    }
  }

  /** Eigenvalues and a vector's coordinates in the matching eigenvectors. */
  record Spectrum(double[] values, double[] coordinates) {}
}
