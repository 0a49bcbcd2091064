package io.hexagan.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

/** The reduction, its spectrum and its solves against EJML's dense routines, in float64. */
class TridiagonalFormTest {

  /** A random Gram matrix XᵀX of an n × p design, row-major. */
  private static double[] gram(int n, int p, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    DMatrixRMaj x = new DMatrixRMaj(n, p);
    for (int i = 0; i < x.data.length; i++) {
      x.data[i] = rng.nextDouble(-1, 1) + (i % p == 0 ? 0.5 * x.data[Math.max(0, i - 1)] : 0);
    }
    DMatrixRMaj g = new DMatrixRMaj(p, p);
    CommonOps_DDRM.multTransA(x, x, g);
    return g.data;
  }

  private static double[] randomVector(int p, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] z = new double[p];
    for (int i = 0; i < p; i++) {
      z[i] = rng.nextDouble(-1, 1);
    }
    return z;
  }

  private static double[] times(double[] a, double[] z) {
    int p = z.length;
    double[] out = new double[p];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        out[i] += a[i * p + j] * z[j];
      }
    }
    return out;
  }

  @Test
  void theReflectionsAreOrthogonalAndReproduceTheMatrix() {
    int p = 40;
    double[] a = gram(80, p, 1);
    TridiagonalForm t = new TridiagonalForm(a, p);
    double[] z = randomVector(p, 2);
    assertArrayEquals(z, t.expand(t.reduce(z)), 1e-13);
    // A z = Q (T + 1·I) Qᵀ z − z, and (T + I)⁻¹ inverts it: Q (T + I)⁻¹ Qᵀ (A + I) z = z.
    double[] az = times(a, z);
    for (int i = 0; i < p; i++) {
      az[i] += z[i];
    }
    assertArrayEquals(z, t.expand(t.solveShifted(1, t.reduce(az))), 1e-10);
  }

  @Test
  void eigenvaluesAndCoordinatesMatchTheDenseEigendecomposition() {
    for (int p : new int[] {1, 2, 3, 17, 60}) {
      double[] a = gram(2 * p + 5, p, p);
      double[] z = randomVector(p, 7 + p);
      TridiagonalForm t = new TridiagonalForm(a, p);
      TridiagonalForm.Spectrum s = t.spectrum(t.reduce(z));

      EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(p, true, true);
      eig.decompose(new DMatrixRMaj(p, p, true, a));
      double[][] expected = new double[p][];
      for (int k = 0; k < p; k++) {
        DMatrixRMaj v = eig.getEigenVector(k);
        double b = 0;
        for (int j = 0; j < p; j++) {
          b += v.get(j, 0) * z[j];
        }
        expected[k] = new double[] {eig.getEigenvalue(k).getReal(), b * b};
      }
      double[][] actual = new double[p][];
      for (int k = 0; k < p; k++) {
        actual[k] = new double[] {s.values()[k], s.coordinates()[k] * s.coordinates()[k]};
      }
      java.util.Comparator<double[]> byValue = java.util.Comparator.comparingDouble(r -> r[0]);
      Arrays.sort(expected, byValue);
      Arrays.sort(actual, byValue);
      double scale = expected[p - 1][0];
      for (int k = 0; k < p; k++) {
        assertEquals(expected[k][0], actual[k][0], 1e-11 * scale, "p " + p + ", eigenvalue " + k);
        assertEquals(expected[k][1], actual[k][1], 1e-9, "p " + p + ", coordinate² " + k);
      }
    }
  }

  @Test
  void aDiagonalMatrixNeedsNoReflection() {
    double[] a = {3, 0, 0, 0, 1, 0, 0, 0, 2};
    TridiagonalForm t = new TridiagonalForm(a, 3);
    double[] z = {0.5, -1, 2};
    assertArrayEquals(z, t.reduce(z), 0);
    TridiagonalForm.Spectrum s = t.spectrum(z);
    assertArrayEquals(new double[] {3, 1, 2}, s.values(), 0);
    assertArrayEquals(z, s.coordinates(), 0);
  }
}
