package io.hexagan.graph;

/**
 * What the GAIN graphs need (Yoon, Jordon and van der Schaar, "GAIN: Missing Data Imputation using
 * Generative Adversarial Nets", ICML 2018).
 *
 * @param features d, the number of columns, scaled to [0, 1]
 * @param rows training rows held in the graph
 * @param batchSize rows per iteration, drawn without replacement; at most {@code rows}
 * @param hintRate the probability that the hint reveals a cell's mask bit to D
 * @param alpha α, the weight of the reconstruction error on observed cells in G's loss
 * @param noiseScale z ~ U(0, s) fills the missing cells of G's input
 * @param adam the optimizer of both G and D
 * @param seed the seed of the initial weights and of every random op
 */
public record GainSpec(
    int features, int rows, int batchSize, double hintRate, double alpha, double noiseScale, AdamSettings adam,
    long seed) {

  public GainSpec {
    if (features < 1) {
      throw new IllegalArgumentException("features: expected ≥ 1, found " + features);
    }
    if (rows < 1) {
      throw new IllegalArgumentException("rows: expected ≥ 1, found " + rows);
    }
    if (batchSize < 1 || batchSize > rows) {
      throw new IllegalArgumentException("batchSize: expected 1 to " + rows + ", found " + batchSize);
    }
    if (!(hintRate >= 0 && hintRate <= 1)) {
      throw new IllegalArgumentException("hintRate: expected a probability, found " + hintRate);
    }
    if (!(alpha >= 0 && Double.isFinite(alpha))) {
      throw new IllegalArgumentException("alpha: expected a number ≥ 0, found " + alpha);
    }
    if (!(noiseScale >= 0 && noiseScale <= 1)) {
      throw new IllegalArgumentException("noiseScale: expected a number in [0, 1], found " + noiseScale);
    }
    if (adam == null) {
      throw new IllegalArgumentException("adam: expected settings, found null");
    }
  }
}
