package io.hexagan.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SmoteTest {

  private static double[][] rows(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] x = new double[n][3];
    for (double[] row : x) {
      for (int c = 0; c < 3; c++) {
        row[c] = rng.nextDouble();
      }
    }
    return x;
  }

  @Test
  void balancesTheClassesAndKeepsTheOriginalsFirst() {
    double[][] x = rows(100, 1);
    int[] y = IntStream.range(0, 100).map(r -> r < 70 ? 0 : (r < 90 ? 1 : 2)).toArray();
    Oversampled o = new Smote(0).oversample(x, y, 3);
    assertEquals(100, o.originals());
    assertEquals(210, o.rows().length);
    assertEquals(110, o.synthetic());
    int[] counts = new int[3];
    for (int l : o.labels()) {
      counts[l]++;
    }
    assertArrayEquals(new int[] {70, 70, 70}, counts);
    for (int r = 0; r < 100; r++) {
      assertArrayEquals(x[r], o.rows()[r], 0);
      assertEquals(y[r], o.labels()[r]);
    }
  }

  @Test
  void syntheticRowsLieOnSegmentsToOneOfTheFiveNearestMinorityNeighbours() {
    double[][] x = rows(60, 2);
    int[] y = IntStream.range(0, 60).map(r -> r < 45 ? 0 : 1).toArray();
    int[] minority = IntStream.range(45, 60).toArray();
    int[][] nearest = Smote.nearestNeighbours(x, minority, 5);
    Oversampled o = new Smote(5).oversample(x, y, 2);
    for (int s = o.originals(); s < o.rows().length; s++) {
      assertEquals(1, o.labels()[s]);
      double[] p = o.rows()[s];
      boolean onSegment = false;
      for (int i = 0; i < minority.length && !onSegment; i++) {
        for (int j : nearest[i]) {
          if (onSegment(p, x[minority[i]], x[minority[j]])) {
            onSegment = true;
            break;
          }
        }
      }
      assertTrue(onSegment, "synthetic row " + s + " is on no segment to a 5-nearest minority neighbour");
    }
  }

  @Test
  void nearestNeighboursAreTheClosestOtherMembers() {
    double[][] x = {{0}, {1}, {3}, {7}, {100}};
    int[][] nn = Smote.nearestNeighbours(x, new int[] {0, 1, 2, 3, 4}, 2);
    assertArrayEquals(new int[] {1, 2}, nn[0]);
    assertArrayEquals(new int[] {0, 2}, nn[1]);
    assertArrayEquals(new int[] {1, 0}, nn[2]);
    assertArrayEquals(new int[] {2, 1}, nn[3]);
  }

  private static boolean onSegment(double[] p, double[] a, double[] b) {
    double num = 0;
    double den = 0;
    for (int c = 0; c < p.length; c++) {
      num += (p[c] - a[c]) * (b[c] - a[c]);
      den += (b[c] - a[c]) * (b[c] - a[c]);
    }
    double u = den == 0 ? 0 : num / den;
    if (u < -1e-12 || u > 1 + 1e-12) {
      return false;
    }
    for (int c = 0; c < p.length; c++) {
      if (Math.abs(a[c] + u * (b[c] - a[c]) - p[c]) > 1e-12) {
        return false;
      }
    }
    return true;
  }

  @Test
  void theSeedMakesItRepeatable() {
    double[][] x = rows(50, 3);
    int[] y = IntStream.range(0, 50).map(r -> r < 40 ? 0 : 1).toArray();
    Oversampled a = new Smote(9).oversample(x, y, 2);
    Oversampled b = new Smote(9).oversample(x, y, 2);
    for (int r = 0; r < a.rows().length; r++) {
      assertArrayEquals(a.rows()[r], b.rows()[r], 0);
    }
  }

  @Test
  void aSingleRowClassIsReplicatedAndBadInputRejected() {
    double[][] x = rows(4, 4);
    Oversampled o = new Smote(0).oversample(x, new int[] {0, 0, 0, 1}, 2);
    for (int s = 4; s < 6; s++) {
      assertArrayEquals(x[3], o.rows()[s], 0);
    }
    assertThrows(IllegalArgumentException.class, () -> new Smote(0).oversample(x, new int[] {0, 0, -1, 1}, 2));
    x[0][0] = Double.NaN;
    assertThrows(IllegalArgumentException.class, () -> new Smote(0).oversample(x, new int[] {0, 0, 0, 1}, 2));
  }
}
