package io.hexagan.training;

import java.util.List;

/**
 * How a model was trained.
 *
 * @param epochs main-loop epochs run
 * @param keptEpoch the epoch whose weights the model holds (the best validation epoch, or the last)
 * @param stoppedEarly whether patience ran out before the epoch budget
 * @param iterationsPerEpoch training iterations per epoch
 * @param sessionRunsPerIteration {@code Session.run} calls per training iteration
 * @param graphOperations operations in the training graph
 * @param millis total training wall time
 * @param history every epoch, warm-up first
 * @param refinedColumns the columns whose missing cells the chained regressions or forests impute ({@link
 *     HexaGanConfig#refinement()}); empty without them (and in a model written before them)
 * @param classifierForest whether a forest classifier ({@link RefinementSettings#classifierTrees()})
 *     serves the probabilities instead of C (false in a model written before it)
 */
public record TrainingSummary(
    int epochs,
    int keptEpoch,
    boolean stoppedEarly,
    int iterationsPerEpoch,
    int sessionRunsPerIteration,
    int graphOperations,
    long millis,
    List<EpochReport> history,
    List<String> refinedColumns,
    boolean classifierForest) {

  public TrainingSummary {
    history = List.copyOf(history);
    refinedColumns = refinedColumns == null ? List.of() : List.copyOf(refinedColumns);
  }

  /** This with {@link #refinedColumns()} replaced. */
  public TrainingSummary withRefinedColumns(List<String> columns) {
    return new TrainingSummary(epochs, keptEpoch, stoppedEarly, iterationsPerEpoch, sessionRunsPerIteration,
        graphOperations, millis, history, columns, classifierForest);
  }

  /** This with {@link #classifierForest()} replaced. */
  public TrainingSummary withClassifierForest(boolean forest) {
    return new TrainingSummary(epochs, keptEpoch, stoppedEarly, iterationsPerEpoch, sessionRunsPerIteration,
        graphOperations, millis, history, refinedColumns, forest);
  }
}
