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
 */
public record TrainingSummary(
    int epochs,
    int keptEpoch,
    boolean stoppedEarly,
    int iterationsPerEpoch,
    int sessionRunsPerIteration,
    int graphOperations,
    long millis,
    List<EpochReport> history) {

  public TrainingSummary {
    history = List.copyOf(history);
  }
}
