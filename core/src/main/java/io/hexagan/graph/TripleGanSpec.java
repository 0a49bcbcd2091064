package io.hexagan.graph;

/**
 * What the Triple-GAN graphs need (Li, Xu, Zhu and Zhang, "Triple Generative Adversarial Nets",
 * NIPS 2017).
 *
 * @param features d, the number of columns, complete and scaled to [0, 1]
 * @param classes n_c ≥ 2
 * @param labeledRows rows with a label held in the graph (after any oversampling)
 * @param unlabeledRows rows without a label held in the graph; 0 leaves C without its adversarial
 *     term and D without pseudo-labelled pairs
 * @param architecture widths and activations of C (HexaGAN's classifier), G and D
 * @param batchSize labelled, unlabelled and generated rows per iteration, each drawn with
 *     replacement
 * @param adversarialWeight α, the share of D's fake side given to C's pairs (1 − α to G's); also
 *     the weight of C's and G's adversarial losses (Triple-GAN: 1/2)
 * @param generatedCrossEntropyWeight α_P, the weight of C's cross-entropy on G's pairs (the
 *     "pseudo discriminative loss"; Triple-GAN's code: 0.1)
 * @param generatedCrossEntropyStart the iteration from which that cross-entropy counts (Triple-GAN's
 *     code: after 30% of training, once G makes plausible rows)
 * @param adam the optimizer of C, G and D
 * @param seed the seed of the initial weights and of every random op
 */
public record TripleGanSpec(
    int features, int classes, int labeledRows, int unlabeledRows, Architecture architecture, int batchSize,
    double adversarialWeight, double generatedCrossEntropyWeight, long generatedCrossEntropyStart, AdamSettings adam,
    long seed) {

  public TripleGanSpec {
    if (features < 1) {
      throw new IllegalArgumentException("features: expected ≥ 1, found " + features);
    }
    if (classes < 2) {
      throw new IllegalArgumentException("classes: expected ≥ 2, found " + classes);
    }
    if (labeledRows < 1) {
      throw new IllegalArgumentException("labeledRows: expected ≥ 1, found " + labeledRows);
    }
    if (unlabeledRows < 0) {
      throw new IllegalArgumentException("unlabeledRows: expected ≥ 0, found " + unlabeledRows);
    }
    if (architecture == null || adam == null) {
      throw new IllegalArgumentException("architecture and adam: expected settings, found null");
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
    if (generatedCrossEntropyStart < 0) {
      throw new IllegalArgumentException(
          "generatedCrossEntropyStart: expected an iteration ≥ 0, found " + generatedCrossEntropyStart);
    }
  }

  /** The dimension of G's noise z: d, as HexaGAN's noise. */
  public int noiseDim() {
    return features;
  }
}
