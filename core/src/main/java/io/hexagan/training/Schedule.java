package io.hexagan.training;

/**
 * How long training runs and how it chooses the weights it keeps.
 *
 * @param warmupEpochs epochs in which the two critics minimise only their gradient penalties
 *     before the main loop (the authors' code: 60)
 * @param maxEpochs the epoch budget of the main loop
 * @param patience stop when the validation score has not improved for this many epochs (0 = never
 *     stop early)
 * @param validationCells share of observed cells hidden from training to score imputation (0 =
 *     none); drawn from at most {@link #MAX_VALIDATION_ROWS} rows
 * @param validationLabels share of labelled rows whose label is hidden to score the classifier (0
 *     = none); used only when at least {@link #MIN_VALIDATION_LABELS} labels would be hidden
 * @param criterion which validation figure chooses the epoch to keep
 */
public record Schedule(
    int warmupEpochs,
    int maxEpochs,
    int patience,
    double validationCells,
    double validationLabels,
    StoppingCriterion criterion) {

  /** Most rows that hold validation cells. */
  public static final int MAX_VALIDATION_ROWS = 5000;
  /** Fewest hidden labels worth an F1. */
  public static final int MIN_VALIDATION_LABELS = 30;

  public Schedule {
    if (warmupEpochs < 0 || warmupEpochs > 100_000) {
      throw new IllegalArgumentException("warmupEpochs: expected 0 to 100000, found " + warmupEpochs);
    }
    if (maxEpochs < 1 || maxEpochs > 1_000_000) {
      throw new IllegalArgumentException("maxEpochs: expected 1 to 1000000, found " + maxEpochs);
    }
    if (patience < 0) {
      throw new IllegalArgumentException("patience: expected ≥ 0, found " + patience);
    }
    if (!(validationCells >= 0 && validationCells < 0.5)) {
      throw new IllegalArgumentException("validationCells: expected a share in [0, 0.5), found " + validationCells);
    }
    if (!(validationLabels >= 0 && validationLabels < 0.5)) {
      throw new IllegalArgumentException("validationLabels: expected a share in [0, 0.5), found " + validationLabels);
    }
    if (criterion == null) {
      throw new IllegalArgumentException("criterion: expected a value, found null");
    }
  }

  /** This schedule with another epoch budget. */
  public Schedule withMaxEpochs(int epochs) {
    return new Schedule(warmupEpochs, epochs, patience, validationCells, validationLabels, criterion);
  }

  /** This schedule with another warm-up. */
  public Schedule withWarmupEpochs(int epochs) {
    return new Schedule(epochs, maxEpochs, patience, validationCells, validationLabels, criterion);
  }

  /** This schedule with another patience. */
  public Schedule withPatience(int epochs) {
    return new Schedule(warmupEpochs, maxEpochs, epochs, validationCells, validationLabels, criterion);
  }

  /** This schedule without validation: the last epoch is kept. */
  public Schedule withoutValidation() {
    return new Schedule(warmupEpochs, maxEpochs, 0, 0, 0, criterion);
  }
}
