package io.hexagan.eval;

import java.util.SplittableRandom;

/**
 * Exact t-SNE (van der Maaten and Hinton, 2008): embeds points in two dimensions so that
 * neighbours stay neighbours. O(n²) memory and time per iteration, meant for the one or two
 * thousand hidden vectors of a figure.
 *
 * <p>The affinities p_{j|i} are Gaussian, each row's bandwidth found by bisection so that its
 * perplexity is {@code perplexity}; {@code p_ij = (p_{j|i} + p_{i|j}) / 2n}. The embedding starts
 * at N(0, 10⁻⁴) from the seed and follows the gradient of KL(P‖Q) under a Student-t kernel, with
 * the reference implementation's schedule: early exaggeration 12 and momentum 0.5 for the first
 * 250 iterations, then momentum 0.8, learning rate 200 and per-coordinate adaptive gains.
 *
 * @param perplexity effective number of neighbours (5 to 50 is usual)
 * @param iterations gradient steps (1000 is usual)
 * @param seed seed of the initial embedding
 */
public record Tsne(double perplexity, int iterations, long seed) {

  private static final int EXAGGERATION_ITERATIONS = 250;
  private static final double EXAGGERATION = 12;
  private static final double LEARNING_RATE = 200;
  private static final double MIN_GAIN = 0.01;

  public Tsne {
    if (!(perplexity >= 1 && perplexity <= 1000)) {
      throw new IllegalArgumentException("perplexity: expected 1 to 1000, found " + perplexity);
    }
    if (iterations < 1 || iterations > 100_000) {
      throw new IllegalArgumentException("iterations: expected 1 to 100000, found " + iterations);
    }
  }

  /** Perplexity 30, 1000 iterations. */
  public static Tsne standard(long seed) {
    return new Tsne(30, 1000, seed);
  }

  /** This t-SNE with the perplexity lowered, if need be, to a third of {@code points − 1} (at least 1). */
  public Tsne forPoints(int points) {
    double cap = Math.max(1, (points - 1) / 3.0);
    return perplexity <= cap ? this : new Tsne(cap, iterations, seed);
  }

  /**
   * The two-dimensional embedding of {@code points} ([n][dimensions], n ≥ 2, all rows of one
   * width and finite).
   *
   * @return [n][2]
   */
  public double[][] embed(double[][] points) {
    int n = points.length;
    if (n < 2) {
      throw new IllegalArgumentException("points: expected at least 2, found " + n);
    }
    if (perplexity >= n) {
      throw new IllegalArgumentException("perplexity: expected below the number of points " + n + ", found " + perplexity);
    }
    double[] p = affinities(squaredDistances(points));
    double[] y = new double[2 * n];
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < y.length; i++) {
      y[i] = 1e-2 * gaussian(random);
    }
    double[] update = new double[2 * n];
    double[] gains = new double[2 * n];
    java.util.Arrays.fill(gains, 1.0);
    double[] gradient = new double[2 * n];
    double[] kernel = new double[n * n];
    for (int it = 0; it < iterations; it++) {
      double exaggeration = it < EXAGGERATION_ITERATIONS ? EXAGGERATION : 1;
      double momentum = it < EXAGGERATION_ITERATIONS ? 0.5 : 0.8;
      gradient(p, y, n, exaggeration, kernel, gradient);
      for (int k = 0; k < y.length; k++) {
        boolean sameSign = (gradient[k] > 0) == (update[k] > 0);
        gains[k] = Math.max(MIN_GAIN, sameSign ? gains[k] * 0.8 : gains[k] + 0.2);
        update[k] = momentum * update[k] - LEARNING_RATE * gains[k] * gradient[k];
        y[k] += update[k];
      }
      centre(y, n);
    }
    double[][] out = new double[n][2];
    for (int i = 0; i < n; i++) {
      out[i][0] = y[2 * i];
      out[i][1] = y[2 * i + 1];
    }
    return out;
  }

  /** Squared Euclidean distances, [n·n]. */
  static double[] squaredDistances(double[][] points) {
    int n = points.length;
    int dim = points[0].length;
    double[] d = new double[n * n];
    for (int i = 0; i < n; i++) {
      if (points[i].length != dim) {
        throw new IllegalArgumentException("point " + i + ": expected " + dim + " coordinates, found " + points[i].length);
      }
      for (double v : points[i]) {
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("point " + i + ": expected finite coordinates, found " + v);
        }
      }
      for (int j = i + 1; j < n; j++) {
        double s = 0;
        for (int k = 0; k < dim; k++) {
          double t = points[i][k] - points[j][k];
          s += t * t;
        }
        d[i * n + j] = s;
        d[j * n + i] = s;
      }
    }
    return d;
  }

  /** The symmetric joint affinities p_ij, [n·n], summing to 1. */
  double[] affinities(double[] distances) {
    int n = (int) Math.round(Math.sqrt(distances.length));
    double[] conditional = conditionalAffinities(distances);
    double[] joint = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        joint[i * n + j] = Math.max((conditional[i * n + j] + conditional[j * n + i]) / (2.0 * n), 1e-12);
      }
      joint[i * n + i] = 0;
    }
    return joint;
  }

  /** The conditional affinities p_{j|i}, row i summing to 1 with perplexity {@link #perplexity()}. */
  double[] conditionalAffinities(double[] distances) {
    int n = (int) Math.round(Math.sqrt(distances.length));
    double[] conditional = new double[n * n];
    double targetEntropy = Math.log(perplexity);
    double[] row = new double[n];
    for (int i = 0; i < n; i++) {
      double beta = 1;
      double lo = 0;
      double hi = Double.POSITIVE_INFINITY;
      for (int step = 0; step < 100; step++) {
        double entropy = rowAffinities(distances, i, n, beta, row);
        if (Math.abs(entropy - targetEntropy) < 1e-5) {
          break;
        }
        if (entropy > targetEntropy) {
          lo = beta;
          beta = hi == Double.POSITIVE_INFINITY ? beta * 2 : (beta + hi) / 2;
        } else {
          hi = beta;
          beta = (beta + lo) / 2;
        }
      }
      rowAffinities(distances, i, n, beta, row);
      System.arraycopy(row, 0, conditional, i * n, n);
    }
    return conditional;
  }

  /** Fills {@code row} with p_{j|i} at precision {@code beta} and returns its entropy (nats). */
  private static double rowAffinities(double[] distances, int i, int n, double beta, double[] row) {
    // Shift by the nearest distance so that exp never underflows to an all-zero row.
    double nearest = Double.POSITIVE_INFINITY;
    for (int j = 0; j < n; j++) {
      if (j != i) {
        nearest = Math.min(nearest, distances[i * n + j]);
      }
    }
    double sum = 0;
    double weighted = 0;
    for (int j = 0; j < n; j++) {
      double d = distances[i * n + j] - nearest;
      row[j] = j == i ? 0 : Math.exp(-beta * d);
      sum += row[j];
      weighted += row[j] * d;
    }
    for (int j = 0; j < n; j++) {
      row[j] /= sum;
    }
    return Math.log(sum) + beta * weighted / sum;
  }

  /** ∂KL/∂y into {@code gradient}; {@code kernel} is scratch space [n·n]. */
  private static void gradient(double[] p, double[] y, int n, double exaggeration, double[] kernel, double[] gradient) {
    double z = 0;
    for (int i = 0; i < n; i++) {
      kernel[i * n + i] = 0;
      for (int j = i + 1; j < n; j++) {
        double dx = y[2 * i] - y[2 * j];
        double dy = y[2 * i + 1] - y[2 * j + 1];
        double k = 1 / (1 + dx * dx + dy * dy);
        kernel[i * n + j] = k;
        kernel[j * n + i] = k;
        z += 2 * k;
      }
    }
    for (int i = 0; i < n; i++) {
      double gx = 0;
      double gy = 0;
      for (int j = 0; j < n; j++) {
        double k = kernel[i * n + j];
        double m = (exaggeration * p[i * n + j] - k / z) * k;
        gx += m * (y[2 * i] - y[2 * j]);
        gy += m * (y[2 * i + 1] - y[2 * j + 1]);
      }
      gradient[2 * i] = 4 * gx;
      gradient[2 * i + 1] = 4 * gy;
    }
  }

  private static void centre(double[] y, int n) {
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += y[2 * i];
      my += y[2 * i + 1];
    }
    mx /= n;
    my /= n;
    for (int i = 0; i < n; i++) {
      y[2 * i] -= mx;
      y[2 * i + 1] -= my;
    }
  }

  private static double gaussian(SplittableRandom random) {
    double u = random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
  }
}
