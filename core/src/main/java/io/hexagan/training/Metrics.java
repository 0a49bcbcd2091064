package io.hexagan.training;

/** The figures HexaGAN is judged by: F1 of a class and imputation RMSE. */
public final class Metrics {
  private Metrics() {}

  /**
   * F1 of class {@code positive}: 2·TP / (2·TP + FP + FN); 0 when the class is neither present
   * nor predicted.
   */
  public static double f1(int[] truth, int[] predicted, int positive) {
    if (truth.length != predicted.length) {
      throw new IllegalArgumentException("expected equal lengths, found " + truth.length + " and " + predicted.length);
    }
    long tp = 0;
    long fp = 0;
    long fn = 0;
    for (int i = 0; i < truth.length; i++) {
      boolean t = truth[i] == positive;
      boolean p = predicted[i] == positive;
      if (t && p) {
        tp++;
      } else if (p) {
        fp++;
      } else if (t) {
        fn++;
      }
    }
    long den = 2 * tp + fp + fn;
    return den == 0 ? 0 : 2.0 * tp / den;
  }

  /** The unweighted mean over classes of each class's F1. */
  public static double macroF1(int[] truth, int[] predicted, int classes) {
    double sum = 0;
    for (int k = 0; k < classes; k++) {
      sum += f1(truth, predicted, k);
    }
    return sum / classes;
  }

  /**
   * The class the F1 of a binary problem is reported for: the rarer class in {@code labels}
   * (ties: the higher id), as in the paper's breast and credit experiments.
   */
  public static int minorityClass(int[] labels, int classes) {
    long[] counts = new long[classes];
    for (int l : labels) {
      if (l >= 0) {
        counts[l]++;
      }
    }
    int best = classes - 1;
    for (int k = classes - 1; k >= 0; k--) {
      if (counts[k] < counts[best]) {
        best = k;
      }
    }
    return best;
  }

  /** Index of the largest entry of row {@code r} of a row-major [rows, cols] matrix. */
  public static int argMax(float[] matrix, int r, int cols) {
    int best = 0;
    for (int k = 1; k < cols; k++) {
      if (matrix[r * cols + k] > matrix[r * cols + best]) {
        best = k;
      }
    }
    return best;
  }
}
