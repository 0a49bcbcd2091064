package io.hexagan.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The skip path's pair screening: related columns keep each other, independent ones are dropped
 * (but for about one chance pair per column), the threshold is z(1 − 1/(2d)) / √n on the
 * pairwise-complete correlation, and an unobserved cell's value counts for nothing.
 */
class PairScreeningTest {
  /** Columns 0–2 share one factor (plus noise); columns 3–(d−1) are independent uniforms. */
  private static float[][] table(int rows, int d, double missing, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] values = new float[rows * d];
    float[] mask = new float[rows * d];
    for (int i = 0; i < rows; i++) {
      double a = r.nextDouble();
      for (int j = 0; j < d; j++) {
        double v = j < 3 ? 0.5 * a + 0.2 * r.nextDouble() * (j + 1) : r.nextDouble();
        if (r.nextDouble() >= missing) {
          values[i * d + j] = (float) v;
          mask[i * d + j] = 1;
        }
      }
    }
    return new float[][] {values, mask};
  }

  @Test
  void keepsRelatedPairsAndAboutOneChancePairPerColumn() {
    int d = 40;
    float[][] t = table(500, d, 0.2, 3);
    float[] support = PairScreening.support(t[0], t[1], d, 1);
    int chance = 0;
    for (int k = 0; k < d; k++) {
      assertEquals(0f, support[k * d + k], "diagonal " + k);
      for (int j = 0; j < d; j++) {
        assertEquals(support[k * d + j], support[j * d + k], "symmetric at " + k + ", " + j);
        if (j < 3 && k < 3 && j != k) {
          assertEquals(1f, support[k * d + j], "related pair " + k + ", " + j);
        } else if (support[k * d + j] > 0) {
          chance++;
        }
      }
    }
    // Expected under independence: about d ordered pairs (two-sided level 1/d per pair).
    assertTrue(chance <= 2 * d, "chance pairs kept: " + chance + " of " + (d * (d - 1) - 6));
  }

  @Test
  void aStricterLevelKeepsASubsetWithTheRelatedPairs() {
    int d = 40;
    float[][] t = table(500, d, 0.2, 3);
    float[] loose = PairScreening.support(t[0], t[1], d, 1);
    float[] strict = PairScreening.support(t[0], t[1], d, 0.01);
    int looseCount = 0;
    int strictCount = 0;
    for (int i = 0; i < d * d; i++) {
      assertTrue(strict[i] <= loose[i], "entry " + i + " kept at 0.01 but not at 1");
      looseCount += (int) loose[i];
      strictCount += (int) strict[i];
    }
    assertTrue(strictCount < looseCount, "strict " + strictCount + ", loose " + looseCount);
    for (int k = 0; k < 3; k++) {
      for (int j = 0; j < 3; j++) {
        assertEquals(k == j ? 0f : 1f, strict[k * d + j], "related pair " + k + ", " + j);
      }
    }
  }

  @Test
  void thresholdIsTheNormalQuantileOverTheRootOfThePairCount() {
    // Two columns, every cell observed, correlation r over n rows: kept iff |r| √n ≥ z(0.75) = 0.6745.
    int n = 100;
    float[] values = new float[2 * n];
    float[] mask = new float[2 * n];
    // x alternates ±1; y = x on the first k rows and −x after: r ≈ (2k − n) / n (both means within 0.02 of 0).
    for (double target : new double[] {0.0600, 0.0700}) {
      int k = (int) Math.round((target * n + n) / 2);
      for (int i = 0; i < n; i++) {
        float x = i % 2 == 0 ? 1 : -1;
        values[2 * i] = x;
        values[2 * i + 1] = i < k ? x : -x;
        mask[2 * i] = 1;
        mask[2 * i + 1] = 1;
      }
      double r = (2.0 * k - n) / n;
      float expected = Math.abs(r) * Math.sqrt(n) >= 0.6744897501960817 ? 1f : 0f;
      assertEquals(expected, PairScreening.support(values, mask, 2, 1)[1], "r = " + r);
    }
  }

  @Test
  void anUnobservedCellsValueCountsForNothing() {
    int d = 8;
    float[][] t = table(200, d, 0.3, 5);
    float[] garbled = t[0].clone();
    SplittableRandom r = new SplittableRandom(9);
    for (int i = 0; i < garbled.length; i++) {
      if (t[1][i] == 0) {
        garbled[i] = (float) (1000 * r.nextDouble());
      }
    }
    assertArrayEquals(PairScreening.support(t[0], t[1], d, 1), PairScreening.support(garbled, t[1], d, 1));
  }

  @Test
  void oneColumnHasNoPairsAndBadShapesAreRejected() {
    assertArrayEquals(new float[] {0f}, PairScreening.support(new float[] {0.1f, 0.9f}, new float[] {1, 1}, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> PairScreening.support(new float[6], new float[4], 2, 1));
    assertThrows(IllegalArgumentException.class, () -> PairScreening.support(new float[5], new float[5], 2, 1));
    assertThrows(IllegalArgumentException.class, () -> PairScreening.support(new float[4], new float[4], 2, 0));
  }

  /** Pairs 0–1, 2→1 (one direction) and 3–4: components {0, 1, 2} and {3, 4}; column 5 in none. */
  @Test
  void componentsJoinChainsOfPairsInEitherDirection() {
    int d = 6;
    float[] support = new float[d * d];
    support[0 * d + 1] = 1;
    support[1 * d + 0] = 1;
    support[2 * d + 1] = 1;
    support[3 * d + 4] = 1;
    support[4 * d + 3] = 1;
    float[] c = PairScreening.components(support, d);
    int[][] joined = {{0, 1}, {0, 2}, {1, 2}, {3, 4}};
    int pairs = 0;
    for (int k = 0; k < d; k++) {
      for (int j = 0; j < d; j++) {
        boolean expected = false;
        for (int[] p : joined) {
          expected |= (p[0] == k && p[1] == j) || (p[0] == j && p[1] == k);
        }
        assertEquals(expected ? 1f : 0f, c[k * d + j], "pair " + k + ", " + j);
        pairs += c[k * d + j] > 0 ? 1 : 0;
      }
    }
    assertEquals(8, pairs, "both directions of the four joined pairs, no column with itself");
  }
}
