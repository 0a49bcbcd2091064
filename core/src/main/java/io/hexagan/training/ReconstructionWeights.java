package io.hexagan.training;

/** The reconstruction loss's column weights {@code v_j^(−p)} ({@link io.hexagan.graph.LossWeights#varianceWeighting()}). */
final class ReconstructionWeights {
  /** The smallest variance a weight is computed from (a standard deviation of 1% of the range). */
  static final double MIN_VARIANCE = 1e-4;

  private ReconstructionWeights() {}

  /**
   * Per feature, {@code max(v_j, MIN_VARIANCE)^(−p)} scaled so that the weights average 1, v_j the
   * variance of the observed cells of {@code values} (n × d, row-major; 0 for fewer than two); null
   * for p = 0.
   */
  static double[] of(float[] values, float[] mask, int features, double p) {
    if (p == 0) {
      return null;
    }
    double[] mean = TrainingData.observedMeans(values, mask, features);
    double[] squares = new double[features];
    long[] count = new long[features];
    for (int i = 0; i < mask.length; i++) {
      if (mask[i] > 0) {
        double e = values[i] - mean[i % features];
        squares[i % features] += e * e;
        count[i % features]++;
      }
    }
    double[] weights = new double[features];
    double total = 0;
    for (int j = 0; j < features; j++) {
      double variance = count[j] < 2 ? 0 : squares[j] / (count[j] - 1);
      weights[j] = Math.pow(Math.max(variance, MIN_VARIANCE), -p);
      total += weights[j];
    }
    for (int j = 0; j < features; j++) {
      weights[j] *= features / total;
    }
    return weights;
  }
}
