package io.hexagan.eval;

import java.util.Comparator;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Singular-value soft-thresholding {@code S_λ(A) = U diag((σ − λ)₊) Vᵀ} of an n × d matrix.
 *
 * <p>The singular values and vectors come from the symmetric eigendecomposition (EJML) of the Gram
 * matrix of the smaller side ({@code AᵀA} when n ≥ d, else {@code AAᵀ}): σ² are its eigenvalues.
 * This costs O(n·d·min(n, d)) per call, against several times that for a bidiagonalising SVD of
 * A, and is accurate for every component kept, because components with σ ≤ λ are discarded and λ
 * is a sizeable fraction of σ_max, far above the rounding of the Gram matrix (about ε·σ_max).
 *
 * @param lowRank {@code S_λ(A)}, n × d
 * @param right the kept right singular vectors, d × r, largest σ first
 * @param shrunk the kept singular values after shrinking, {@code σ − λ > 0}, r of them
 * @param largest σ_max of A, before shrinking
 */
record SoftThreshold(DMatrixRMaj lowRank, DMatrixRMaj right, double[] shrunk, double largest) {

  /** The largest singular value of {@code a}. */
  static double largestSingularValue(DMatrixRMaj a) {
    Spectrum s = Spectrum.of(a);
    return s.sigma.length == 0 ? 0 : s.sigma[0];
  }

  /**
   * Soft-thresholds {@code a} at {@code lambda}, keeping at most {@code maxRank} components.
   */
  static SoftThreshold of(DMatrixRMaj a, double lambda, int maxRank) {
    Spectrum s = Spectrum.of(a);
    int n = a.numRows;
    int d = a.numCols;
    int r = 0;
    while (r < s.sigma.length && r < maxRank && s.sigma[r] > lambda) {
      r++;
    }
    double[] shrunk = new double[r];
    DMatrixRMaj w = new DMatrixRMaj(s.vectors.numRows, r);
    for (int k = 0; k < r; k++) {
      shrunk[k] = s.sigma[k] - lambda;
      for (int i = 0; i < w.numRows; i++) {
        w.set(i, k, s.vectors.get(i, k));
      }
    }
    double largest = s.sigma.length == 0 ? 0 : s.sigma[0];
    DMatrixRMaj lowRank = new DMatrixRMaj(n, d);
    DMatrixRMaj right;
    if (r == 0) {
      return new SoftThreshold(lowRank, new DMatrixRMaj(d, 0), shrunk, largest);
    }
    if (!s.transposed) {
      // A = U Σ Vᵀ with V = w: S_λ(A) = (A V) diag(shrunk/σ) Vᵀ.
      DMatrixRMaj t = new DMatrixRMaj(n, r);
      CommonOps_DDRM.mult(a, w, t);
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < r; k++) {
          t.data[i * r + k] *= shrunk[k] / s.sigma[k];
        }
      }
      CommonOps_DDRM.multTransB(t, w, lowRank);
      right = w;
    } else {
      // A = U Σ Vᵀ with U = w: Vᵀ = diag(1/σ) Uᵀ A and S_λ(A) = U diag(shrunk) Vᵀ.
      DMatrixRMaj vt = new DMatrixRMaj(r, d);
      CommonOps_DDRM.multTransA(w, a, vt);
      for (int k = 0; k < r; k++) {
        for (int j = 0; j < d; j++) {
          vt.data[k * d + j] /= s.sigma[k];
        }
      }
      DMatrixRMaj scaled = vt.copy();
      for (int k = 0; k < r; k++) {
        for (int j = 0; j < d; j++) {
          scaled.data[k * d + j] *= shrunk[k];
        }
      }
      CommonOps_DDRM.mult(w, scaled, lowRank);
      right = new DMatrixRMaj(d, r);
      CommonOps_DDRM.transpose(vt, right);
    }
    return new SoftThreshold(lowRank, right, shrunk, largest);
  }

  /** Singular values (descending) and the singular vectors of the smaller side. */
  private record Spectrum(double[] sigma, DMatrixRMaj vectors, boolean transposed) {

    static Spectrum of(DMatrixRMaj a) {
      boolean transposed = a.numRows < a.numCols;
      int m = transposed ? a.numRows : a.numCols;
      DMatrixRMaj gram = new DMatrixRMaj(m, m);
      if (transposed) {
        CommonOps_DDRM.multTransB(a, a, gram);
      } else {
        CommonOps_DDRM.multTransA(a, a, gram);
      }
      EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m, true, true);
      if (!eig.decompose(gram)) {
        throw new IllegalStateException("eigendecomposition of the Gram matrix failed");
      }
      double[] values = new double[m];
      for (int k = 0; k < m; k++) {
        values[k] = Math.max(0, eig.getEigenvalue(k).getReal());
      }
      Integer[] order = IntStream.range(0, m).boxed()
          .sorted(Comparator.<Integer>comparingDouble(k -> -values[k])).toArray(Integer[]::new);
      double[] sigma = new double[m];
      DMatrixRMaj vectors = new DMatrixRMaj(m, m);
      for (int k = 0; k < m; k++) {
        sigma[k] = Math.sqrt(values[order[k]]);
        DMatrixRMaj v = eig.getEigenVector(order[k]);
        for (int i = 0; i < m; i++) {
          vectors.set(i, k, v.get(i, 0));
        }
      }
      return new Spectrum(sigma, vectors, transposed);
    }
  }
}
