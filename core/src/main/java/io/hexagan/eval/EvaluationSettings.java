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
 * @param bestTestEpoch whether each HexaGAN method ({@link EpochwiseMethod}) also gets a row
 *     {@code <name>@best-test-epoch} whose every figure is the best that figure reached on the test
 *     fold over the method's training epochs, each figure at its own epoch: the protocol of the
 *     HexaGAN authors' code, behind the paper's numbers. It chooses on the test rows, so it is
 *     optimistic: for comparison with the paper only, never a method's score. The per-epoch
 *     imputations draw their noise from the stream the validation draws from, so with this on the
 *     method's own row can differ a little from a run without it (breast, seed 0: RMSE 0.0531
 *     against 0.0533)
 */
public record EvaluationSettings(
    double missingRate, double labelMissingRate, int folds, int repeats, long seed, List<String> positiveClasses,
    boolean bestTestEpoch) {

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

  /** The paper's protocol with one repetition, every method scored at the epoch it chose itself. */
  public static EvaluationSettings paper() {
    return new EvaluationSettings(0.2, 0.2, 5, 1, 0, List.of(), false);
  }

  /** These settings at another missing rate. */
  public EvaluationSettings withMissingRate(double rate) {
    return new EvaluationSettings(rate, labelMissingRate, folds, repeats, seed, positiveClasses, bestTestEpoch);
  }

  /** These settings with the best-test-epoch rows switched on or off. */
  public EvaluationSettings withBestTestEpoch(boolean on) {
    return new EvaluationSettings(missingRate, labelMissingRate, folds, repeats, seed, positiveClasses, on);
  }
}
