package io.hexagan.eval;

import java.util.List;

/**
 * Mean and sample standard deviation (divisor n − 1) of repeated measurements, e.g. a metric over
 * the folds and repetitions of cross-validation. The standard deviation of one value is {@code
 * NaN}.
 *
 * @param mean the mean
 * @param std the sample standard deviation
 * @param values the values themselves, in the order measured (fold by fold, repetition by
 *     repetition), so that two methods measured on the same folds can be compared fold by fold
 */
public record MeanStd(double mean, double std, List<Double> values) {

  public MeanStd {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("values: expected at least one, found none");
    }
    values = List.copyOf(values);
  }

  /** The number of values. */
  public int count() {
    return values.size();
  }

  /** The mean and sample standard deviation of {@code values}, which must be finite. */
  public static MeanStd of(double... values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("values: expected at least one, found none");
    }
    double sum = 0;
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException("values[" + i + "]: expected a finite number, found " + values[i]);
      }
      sum += values[i];
    }
    double mean = sum / values.length;
    if (values.length == 1) {
      return new MeanStd(mean, Double.NaN, List.of(values[0]));
    }
    double ss = 0;
    for (double v : values) {
      ss += (v - mean) * (v - mean);
    }
    return new MeanStd(mean, Math.sqrt(ss / (values.length - 1)), java.util.Arrays.stream(values).boxed().toList());
  }

  /** {@code "0.0540 ± 0.0031"}, to four decimals. */
  public String format() {
    return String.format(java.util.Locale.ROOT, "%.4f ± %.4f", mean, std);
  }
}
