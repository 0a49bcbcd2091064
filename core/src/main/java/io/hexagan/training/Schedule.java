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
 *     none), from every row; each epoch's validation scores those of at most {@link
 *     #MAX_VALIDATION_ROWS} rows, the refinement's choice all of them
 * @param validationLabels share of labelled rows whose label is hidden to score the classifier (0
 *     = none); used only when at least {@link #MIN_VALIDATION_LABELS} labels would be hidden
 * @param criterion which validation figure chooses the epoch to keep
 * @param plateauEpochs multiply every learning rate by {@code plateauFactor} after this many
 *     epochs without a better validation score since the last improvement or the last such drop (0
 *     = never; needs validation)
 * @param plateauFactor what a plateau multiplies the learning rates by, in (0, 1); not read while
 *     {@code plateauEpochs} is 0
 */
public record Schedule(
    int warmupEpochs,
    int maxEpochs,
    int patience,
    double validationCells,
    double validationLabels,
    StoppingCriterion criterion,
    int plateauEpochs,
    double plateauFactor) {

  /** Most rows whose validation cells the validation after each epoch scores. */
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
    if (plateauEpochs < 0) {
      throw new IllegalArgumentException("plateauEpochs: expected ≥ 0 (0 = off), found " + plateauEpochs);
    }
    // Off, the factor is not read (a model saved before the option carries 0).
    if (plateauEpochs > 0 && !(plateauFactor > 0 && plateauFactor < 1)) {
      throw new IllegalArgumentException("plateauFactor: expected a number in (0, 1), found " + plateauFactor);
    }
  }

  /** The schedule of {@code warmupEpochs} … {@code criterion} with no learning-rate drops. */
  public Schedule(int warmupEpochs, int maxEpochs, int patience, double validationCells, double validationLabels,
      StoppingCriterion criterion) {
    this(warmupEpochs, maxEpochs, patience, validationCells, validationLabels, criterion, 0, DEFAULT_PLATEAU_FACTOR);
  }

  /** {@link #plateauFactor()} where a config does not choose one. */
  public static final double DEFAULT_PLATEAU_FACTOR = 0.5;

  /** This schedule with another epoch budget. */
  public Schedule withMaxEpochs(int epochs) {
    return new Schedule(warmupEpochs, epochs, patience, validationCells, validationLabels, criterion, plateauEpochs,
        plateauFactor);
  }

  /** This schedule with another warm-up. */
  public Schedule withWarmupEpochs(int epochs) {
    return new Schedule(epochs, maxEpochs, patience, validationCells, validationLabels, criterion, plateauEpochs,
        plateauFactor);
  }

  /** This schedule with another patience. */
  public Schedule withPatience(int epochs) {
    return new Schedule(warmupEpochs, maxEpochs, epochs, validationCells, validationLabels, criterion, plateauEpochs,
        plateauFactor);
  }

  /** This schedule with learning-rate drops after {@code epochs} without improvement, by {@code factor}. */
  public Schedule withPlateau(int epochs, double factor) {
    return new Schedule(warmupEpochs, maxEpochs, patience, validationCells, validationLabels, criterion, epochs, factor);
  }

  /** This schedule without validation: the last epoch is kept, and no plateau lowers the rates. */
  public Schedule withoutValidation() {
    return new Schedule(warmupEpochs, maxEpochs, 0, 0, 0, criterion, 0, plateauFactor);
  }
}
