package io.hexagan.eval;

import java.util.List;

/**
 * One figure of two methods compared fold by fold: the methods' means, the mean and standard
 * deviation over the folds of their difference (first minus second), the paired t statistic and
 * the folds where the first did better. Folds share their masks and splits when two methods ran on
 * the same table with the same settings and seed ({@link Evaluation}), so the difference removes
 * what makes one fold harder than another for every method; the unpaired standard deviations of
 * the two means do not.
 *
 * @param metric the figure's name in the evaluation's JSON ({@link EvaluationReport#RMSE_GLOBAL}, …)
 * @param folds the folds paired
 * @param firstMean the first method's mean over the folds
 * @param secondMean the second method's mean
 * @param meanDifference the mean of first − second
 * @param sdDifference the sample standard deviation of first − second (NaN for one fold)
 * @param t {@code meanDifference / (sdDifference / √folds)}; NaN when the differences are all 0
 *     or there is one fold, ±∞ when they are all equal and not 0
 * @param firstBetter folds where the first method did strictly better (lower RMSE, higher F1)
 */
public record PairedComparison(String metric, int folds, double firstMean, double secondMean, double meanDifference,
    double sdDifference, double t, int firstBetter) {

  /**
   * Compares two methods' values of one figure, fold by fold.
   *
   * @param lowerIsBetter true for errors (RMSE), false for scores (F1)
   * @throws IllegalArgumentException if the lists are empty or differ in length
   */
  public static PairedComparison of(String metric, List<Double> first, List<Double> second, boolean lowerIsBetter) {
    int n = first.size();
    if (n == 0 || second.size() != n) {
      throw new IllegalArgumentException(metric + ": expected the same number of folds on both sides, found "
          + n + " and " + second.size());
    }
    double[] d = new double[n];
    int better = 0;
    for (int i = 0; i < n; i++) {
      d[i] = first.get(i) - second.get(i);
      better += (lowerIsBetter ? d[i] < 0 : d[i] > 0) ? 1 : 0;
    }
    MeanStd difference = MeanStd.of(d);
    double t = n < 2 || (difference.std() == 0 && difference.mean() == 0) ? Double.NaN
        : difference.mean() / (difference.std() / Math.sqrt(n));
    return new PairedComparison(metric, n, mean(first), mean(second), difference.mean(), difference.std(), t, better);
  }

  private static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }
}
