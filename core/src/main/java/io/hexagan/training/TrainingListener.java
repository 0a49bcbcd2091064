package io.hexagan.training;

/** Receives progress while a model trains (for progress bars and loss curves). */
@FunctionalInterface
public interface TrainingListener {
  /** A listener that ignores everything. */
  TrainingListener NONE = report -> {};

  /** Called after every epoch, warm-up epochs included. */
  void onEpoch(EpochReport report);

  /** Called once before the first epoch with the planned number of warm-up and main epochs. */
  default void onStart(int warmupEpochs, int maxEpochs, int iterationsPerEpoch) {}
}
