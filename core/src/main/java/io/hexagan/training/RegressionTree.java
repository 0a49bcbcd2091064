package io.hexagan.training;

/**
 * A fitted binary regression tree (CART, Breiman et al., "Classification and Regression Trees",
 * 1984), stored as flat arrays in depth-first order: a node's left child is the next node.
 */
final class RegressionTree {

  private final int[] feature;
  private final double[] thresholdOrValue;
  private final int[] right;

  /**
   * @param feature per node, the feature it splits on, or −1 for a leaf
   * @param thresholdOrValue per node, the split threshold (value ≤ threshold goes left) or, for a
   *     leaf, the prediction
   * @param right per node, the index of the right child (unused for a leaf)
   */
  RegressionTree(int[] feature, double[] thresholdOrValue, int[] right) {
    if (feature.length == 0 || thresholdOrValue.length != feature.length || right.length != feature.length) {
      throw new IllegalArgumentException("nodes: expected equal non-zero lengths, found " + feature.length + ", "
          + thresholdOrValue.length + " and " + right.length);
    }
    this.feature = feature;
    this.thresholdOrValue = thresholdOrValue;
    this.right = right;
  }

  int nodes() {
    return feature.length;
  }

  /** Node {@code i}'s split feature, or −1 for a leaf. */
  int feature(int i) {
    return feature[i];
  }

  /** Node {@code i}'s threshold, or a leaf's prediction. */
  double thresholdOrValue(int i) {
    return thresholdOrValue[i];
  }

  /** Node {@code i}'s right child (its left child is {@code i + 1}). */
  int right(int i) {
    return right[i];
  }

  /** The prediction for row {@code row} of the column-major matrix {@code columns}. */
  double predict(double[][] columns, int row) {
    int node = 0;
    int f;
    while ((f = feature[node]) >= 0) {
      node = columns[f][row] <= thresholdOrValue[node] ? node + 1 : right[node];
    }
    return thresholdOrValue[node];
  }
}
