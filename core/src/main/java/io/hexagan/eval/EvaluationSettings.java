package io.hexagan.eval;

import java.util.List;

/**
 * The paper's protocol (section 4) as options: cells and labels masked completely at random,
 * stratified k-fold cross-validation repeated with fixed seeds.
 *
 * @param missingRate share of feature cells masked (paper: 0.2)
 * @param labelMissingRate share of training labels masked (paper: 0.2)
 * @param folds k of the stratified k-fold (paper: 5)
 * @param repeats repetitions with other masks and folds (paper: 10)
 * @param seed seed of repetition 0; repetition r uses {@code seed + r}
 * @param positiveClasses class names whose union is the positive class of F1; empty = the
 *     minority class
 */
public record EvaluationSettings(
    double missingRate, double labelMissingRate, int folds, int repeats, long seed, List<String> positiveClasses) {

  public EvaluationSettings {
    if (!(missingRate >= 0 && missingRate < 1)) {
      throw new IllegalArgumentException("missingRate: expected a share in [0, 1), found " + missingRate);
    }
    if (!(labelMissingRate >= 0 && labelMissingRate < 1)) {
      throw new IllegalArgumentException("labelMissingRate: expected a share in [0, 1), found " + labelMissingRate);
    }
    if (folds < 2 || folds > 100) {
      throw new IllegalArgumentException("folds: expected 2 to 100, found " + folds);
    }
    if (repeats < 1 || repeats > 1000) {
      throw new IllegalArgumentException("repeats: expected 1 to 1000, found " + repeats);
    }
    positiveClasses = positiveClasses == null ? List.of() : List.copyOf(positiveClasses);
  }

  /** The paper's protocol with one repetition. */
  public static EvaluationSettings paper() {
    return new EvaluationSettings(0.2, 0.2, 5, 1, 0, List.of());
  }

  /** These settings at another missing rate. */
  public EvaluationSettings withMissingRate(double rate) {
    return new EvaluationSettings(rate, labelMissingRate, folds, repeats, seed, positiveClasses);
  }
}
