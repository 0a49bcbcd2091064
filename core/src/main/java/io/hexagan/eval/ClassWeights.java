package io.hexagan.eval;

/**
 * Cost-sensitive class weights (the paper's "cost-sensitive loss" baseline): each class weighted by
 * its inverse frequency, {@code w_k = n / (K · n_k)} over the n labelled rows of the K classes
 * present, as scikit-learn's {@code class_weight="balanced"}. Normalised so that the weighted
 * count of the labelled rows equals n (the mean weight per row is 1); an absent class gets 0.
 */
public final class ClassWeights {
  private ClassWeights() {}

  /**
   * @param labels class id per row; {@link io.hexagan.io.MaskedTable#UNLABELED} rows are ignored
   * @param classes number of classes
   * @return the weight of each class
   */
  public static double[] inverseFrequency(int[] labels, int classes) {
    if (classes < 1) {
      throw new IllegalArgumentException("classes: expected ≥ 1, found " + classes);
    }
    long[] counts = new long[classes];
    long n = 0;
    for (int r = 0; r < labels.length; r++) {
      int l = labels[r];
      if (l == io.hexagan.io.MaskedTable.UNLABELED) {
        continue;
      }
      if (l < 0 || l >= classes) {
        throw new IllegalArgumentException("labels, row " + r + ": expected a class id in [0, " + classes
            + ") or -1, found " + l);
      }
      counts[l]++;
      n++;
    }
    int present = 0;
    for (long c : counts) {
      if (c > 0) {
        present++;
      }
    }
    if (present == 0) {
      throw new IllegalArgumentException("labels: expected at least one labelled row, found none");
    }
    double[] weights = new double[classes];
    for (int k = 0; k < classes; k++) {
      weights[k] = counts[k] == 0 ? 0 : (double) n / ((double) present * counts[k]);
    }
    return weights;
  }
}
