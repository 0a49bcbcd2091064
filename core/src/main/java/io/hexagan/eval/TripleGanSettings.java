package io.hexagan.eval;

import io.hexagan.graph.AdamSettings;
import io.hexagan.graph.Architecture;
import io.hexagan.training.SessionSettings;

/**
 * The settings of {@link TripleGanClassifier}.
 *
 * @param imbalance how unequal class sizes are treated
 * @param architecture widths of C (HexaGAN's classifier), G and D: one hidden ReLU layer of
 *     {@code clamp(d, 32, 128)} units by default, as HexaGAN's C
 * @param batchSize labelled, unlabelled and generated rows per iteration
 * @param adversarialWeight α (Triple-GAN: 1/2)
 * @param generatedCrossEntropyWeight α_P, C's cross-entropy on G's pairs (Triple-GAN's code: 0.1)
 * @param generatedCrossEntropyShare the share of iterations after which that cross-entropy starts
 *     (Triple-GAN's code: 300 of 1,000 epochs, 0.3)
 * @param adam the optimizer of the three networks (Triple-GAN's code: Adam with learning rate
 *     1e-3 and β1 = 0.5)
 * @param iterations training iterations
 * @param seed the seed of SMOTE, the initial weights, the batches and the noise
 * @param session TensorFlow's thread counts
 */
public record TripleGanSettings(
    ClassImbalance imbalance, Architecture architecture, int batchSize, double adversarialWeight,
    double generatedCrossEntropyWeight, double generatedCrossEntropyShare, AdamSettings adam, int iterations,
    long seed, SessionSettings session) {

  public TripleGanSettings {
    if (imbalance == null || architecture == null || adam == null || session == null) {
      throw new IllegalArgumentException("imbalance, architecture, adam and session: expected values, found null");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize: expected ≥ 1, found " + batchSize);
    }
    if (!(adversarialWeight >= 0 && adversarialWeight <= 1)) {
      throw new IllegalArgumentException("adversarialWeight: expected a number in [0, 1], found " + adversarialWeight);
    }
    if (!(generatedCrossEntropyWeight >= 0 && Double.isFinite(generatedCrossEntropyWeight))) {
      throw new IllegalArgumentException(
          "generatedCrossEntropyWeight: expected a number ≥ 0, found " + generatedCrossEntropyWeight);
    }
    if (!(generatedCrossEntropyShare >= 0 && generatedCrossEntropyShare <= 1)) {
      throw new IllegalArgumentException(
          "generatedCrossEntropyShare: expected a share in [0, 1], found " + generatedCrossEntropyShare);
    }
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations: expected ≥ 1, found " + iterations);
    }
  }

  /**
   * hexagan's defaults, with the given treatment of imbalance. The networks stay 128 wide (the
   * width the cascades of docs/RESULTS.md were measured with), whatever HexaGAN's default width.
   */
  public static TripleGanSettings defaults(ClassImbalance imbalance) {
    return new TripleGanSettings(imbalance, Architecture.defaults().withHiddenUnits(Architecture.AUTO), 64, 0.5,
        0.1, 0.3, new AdamSettings(1e-3, 0.5, 0.999, 1e-8), 3_000, 0, BaselineThreads.single());
  }

  /** These settings with the number of iterations replaced. */
  public TripleGanSettings withIterations(int n) {
    return new TripleGanSettings(imbalance, architecture, batchSize, adversarialWeight, generatedCrossEntropyWeight,
        generatedCrossEntropyShare, adam, n, seed, session);
  }

  /** These settings with the seed replaced. */
  public TripleGanSettings withSeed(long s) {
    return new TripleGanSettings(imbalance, architecture, batchSize, adversarialWeight, generatedCrossEntropyWeight,
        generatedCrossEntropyShare, adam, iterations, s, session);
  }

  /** These settings with the thread counts replaced. */
  public TripleGanSettings withSession(SessionSettings s) {
    return new TripleGanSettings(imbalance, architecture, batchSize, adversarialWeight, generatedCrossEntropyWeight,
        generatedCrossEntropyShare, adam, iterations, seed, s);
  }

  /** The iteration from which C's cross-entropy on G's pairs counts. */
  long generatedCrossEntropyStart() {
    return Math.round(generatedCrossEntropyShare * iterations);
  }
}
