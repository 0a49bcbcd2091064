package io.hexagan.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** t-SNE keeps well-separated clusters apart, calibrates its perplexity, and is seeded. */
class TsneTest {

  /** Four Gaussian clusters of 40 points in 10 dimensions, centres 10 apart, spread 1. */
  private static double[][] clusters(int[] labels) {
    SplittableRandom r = new SplittableRandom(3);
    double[][] points = new double[labels.length][10];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i % 4;
      for (int k = 0; k < 10; k++) {
        double centre = k == labels[i] ? 10 : 0;
        points[i][k] = centre + (r.nextDouble() - 0.5) * 2;
      }
    }
    return points;
  }

  @Test
  void wellSeparatedClustersStaySeparated() {
    int[] labels = new int[160];
    double[][] y = new Tsne(20, 600, 7).embed(clusters(labels));
    // Every point's nearest neighbour in the embedding is of its own cluster ...
    int agree = 0;
    for (int i = 0; i < y.length; i++) {
      int nearest = -1;
      double best = Double.POSITIVE_INFINITY;
      for (int j = 0; j < y.length; j++) {
        double d = dist(y[i], y[j]);
        if (j != i && d < best) {
          best = d;
          nearest = j;
        }
      }
      agree += labels[nearest] == labels[i] ? 1 : 0;
    }
    assertEquals(y.length, agree, "nearest neighbours of the same cluster");
    // ... and clusters are far apart compared with their size.
    double within = 0;
    double between = 0;
    long nw = 0;
    long nb = 0;
    for (int i = 0; i < y.length; i++) {
      for (int j = i + 1; j < y.length; j++) {
        if (labels[i] == labels[j]) {
          within += dist(y[i], y[j]);
          nw++;
        } else {
          between += dist(y[i], y[j]);
          nb++;
        }
      }
    }
    assertTrue(within / nw < 0.25 * (between / nb), "mean within " + within / nw + ", between " + between / nb);
  }

  @Test
  void eachRowOfAffinitiesHasTheRequestedPerplexity() {
    int[] labels = new int[60];
    double[][] points = clusters(labels);
    Tsne tsne = new Tsne(15, 10, 1);
    double[] distances = Tsne.squaredDistances(points);
    double[] p = tsne.affinities(distances);
    int n = points.length;
    double[] conditional = tsne.conditionalAffinities(distances);
    for (int i = 0; i < n; i++) {
      double entropy = 0;
      double sum = 0;
      for (int j = 0; j < n; j++) {
        double q = conditional[i * n + j];
        sum += q;
        entropy -= q > 0 ? q * Math.log(q) : 0;
      }
      assertEquals(1.0, sum, 1e-9);
      assertEquals(15.0, Math.exp(entropy), 0.01, "perplexity of row " + i);
    }
    double total = 0;
    for (double v : p) {
      total += v;
    }
    assertEquals(1.0, total, 1e-6);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        assertEquals(p[i * n + j], p[j * n + i], 1e-15, "symmetric");
      }
    }
  }

  @Test
  void sameSeedSameEmbeddingAndBadInputRefused() {
    int[] labels = new int[40];
    double[][] points = clusters(labels);
    double[][] a = new Tsne(10, 50, 5).embed(points);
    double[][] b = new Tsne(10, 50, 5).embed(points);
    for (int i = 0; i < a.length; i++) {
      assertArrayEquals(a[i], b[i], 0.0);
    }
    assertThrows(IllegalArgumentException.class, () -> new Tsne(50, 10, 1).embed(points));
    assertThrows(IllegalArgumentException.class, () -> new Tsne(5, 10, 1).embed(new double[][] {{0}, {Double.NaN}, {1}}));
  }

  private static double dist(double[] a, double[] b) {
    return Math.hypot(a[0] - b[0], a[1] - b[1]);
  }
}
