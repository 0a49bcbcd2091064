package io.hexagan.training;

/**
 * How many rows one {@code Session.run} of an inference endpoint takes. The inference graph holds
 * every member's and every draw's activations of the rows at once, so a run is bounded by the
 * values it feeds times the draws and members: a convolutional G_MI's full-resolution layer alone
 * holds 28·28·32 values per MNIST image, draw and member, and 9,000 images × 30 draws in one run
 * outgrew this machine's 24 GB (killed or crashed inside oneDNN's convolution). Tables stay far
 * below the budget: their rows per run are the {@code most} the caller allows.
 */
final class InferenceBlocks {
  private InferenceBlocks() {}

  /** Values (rows × d × draws × members) one run may hold: 2^22, about 1 GB per 64-wide layer. */
  static final long VALUES_PER_RUN = 1L << 22;

  /** Rows per run: at most {@code most}, at least 1, within {@link #VALUES_PER_RUN}. */
  static int rows(int most, int features, int draws, int members) {
    long perRow = (long) features * draws * members;
    return (int) Math.max(1, Math.min(most, VALUES_PER_RUN / perRow));
  }
}
