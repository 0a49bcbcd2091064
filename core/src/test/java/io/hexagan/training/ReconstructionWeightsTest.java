package io.hexagan.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The reconstruction loss's column weights from the observed cells' variances. */
class ReconstructionWeightsTest {
  // Column 0 observes 0, 1, 0, 1 (variance 1/3); column 1 observes 0.4, 0.6 (variance 0.02; its
  // missing cells hold values that must not count); column 2 is constant (variance 0 → the floor).
  private static final float[] VALUES = {0f, 0.4f, 0.5f, 1f, 0.6f, 0.5f, 0f, 9f, 0.5f, 1f, -9f, 0.5f};
  private static final float[] MASK = {1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 0, 1};

  @Test
  void weightsAreInverseVariancesToThePowerPAveragingOne() {
    double[] raw = {Math.pow(1.0 / 3, -1), Math.pow(0.02, -1), Math.pow(ReconstructionWeights.MIN_VARIANCE, -1)};
    double[] expected = scaledToMeanOne(raw);
    assertArrayEquals(expected, ReconstructionWeights.of(VALUES, MASK, 3, 1.0), 1e-6 * expected[2]);
    double[] half = scaledToMeanOne(new double[] {Math.sqrt(3), Math.sqrt(50), 100});
    assertArrayEquals(half, ReconstructionWeights.of(VALUES, MASK, 3, 0.5), 1e-6 * half[2]);
    assertNull(ReconstructionWeights.of(VALUES, MASK, 3, 0));
  }

  private static double[] scaledToMeanOne(double[] w) {
    double sum = w[0] + w[1] + w[2];
    return new double[] {3 * w[0] / sum, 3 * w[1] / sum, 3 * w[2] / sum};
  }
}
