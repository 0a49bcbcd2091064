package io.hexagan.graph;

import java.util.Arrays;
import java.util.Objects;

/**
 * What the denoising-autoencoder graphs need.
 *
 * @param features d, the number of columns, scaled to [0, 1]
 * @param rows training rows held in the graph
 * @param batchSize rows per iteration, drawn without replacement; at most {@code rows}
 * @param growth Θ, the units each encoder layer adds to the previous one's width
 * @param depth encoder layers (the decoder mirrors them)
 * @param dropout the probability that a cell of the input is dropped during training
 * @param fill per column, the value a missing (or dropped) cell takes in the input
 * @param adam the optimizer
 * @param seed the seed of the initial weights and of every random op
 */
public record DenoisingAutoencoderSpec(
    int features, int rows, int batchSize, int growth, int depth, double dropout, double[] fill, AdamSettings adam,
    long seed) {

  public DenoisingAutoencoderSpec {
    if (features < 1) {
      throw new IllegalArgumentException("features: expected ≥ 1, found " + features);
    }
    if (rows < 1) {
      throw new IllegalArgumentException("rows: expected ≥ 1, found " + rows);
    }
    if (batchSize < 1 || batchSize > rows) {
      throw new IllegalArgumentException("batchSize: expected 1 to " + rows + ", found " + batchSize);
    }
    if (growth < 0) {
      throw new IllegalArgumentException("growth: expected ≥ 0, found " + growth);
    }
    if (depth < 1 || depth > 8) {
      throw new IllegalArgumentException("depth: expected 1 to 8, found " + depth);
    }
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("dropout: expected a probability in [0, 1), found " + dropout);
    }
    if (fill == null || fill.length != features) {
      throw new IllegalArgumentException("fill: expected " + features + " values, found "
          + (fill == null ? "null" : fill.length));
    }
    fill = fill.clone();
    if (adam == null) {
      throw new IllegalArgumentException("adam: expected settings, found null");
    }
  }

  @Override
  public double[] fill() {
    return fill.clone();
  }

  /** Layer widths: {@code d, d + Θ, …, d + depth·Θ, …, d + Θ, d}. */
  public int[] widths() {
    int[] w = new int[2 * depth + 1];
    for (int k = 0; k <= depth; k++) {
      w[k] = features + k * growth;
      w[2 * depth - k] = features + k * growth;
    }
    return w;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DenoisingAutoencoderSpec s && features == s.features && rows == s.rows
        && batchSize == s.batchSize && growth == s.growth && depth == s.depth && dropout == s.dropout
        && Arrays.equals(fill, s.fill) && adam.equals(s.adam) && seed == s.seed;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(fill) * 31 + Objects.hash(features, rows, batchSize, growth, depth, dropout, adam, seed);
  }

  @Override
  public String toString() {
    return "DenoisingAutoencoderSpec[features=" + features + ", rows=" + rows + ", batchSize=" + batchSize
        + ", growth=" + growth + ", depth=" + depth + ", dropout=" + dropout + ", fill=" + Arrays.toString(fill)
        + ", adam=" + adam + ", seed=" + seed + "]";
  }
}
