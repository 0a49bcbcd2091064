package io.hexagan.training;

/** Receives progress while a model trains (for progress bars and loss curves). */
@FunctionalInterface
public interface TrainingListener {
  /** A listener that ignores everything. */
  TrainingListener NONE = report -> {};

  /** Called after every epoch, warm-up epochs included. */
  void onEpoch(EpochReport report);

  /**
   * Called after {@link #onEpoch} for every main (not warm-up) epoch, with the networks of that
   * epoch: for figures of training in progress. The probe is valid only during this call.
   */
  default void afterEpoch(EpochReport report, EpochProbe probe) {}

  /** Called once before the first epoch with the planned number of warm-up and main epochs. */
  default void onStart(int warmupEpochs, int maxEpochs, int iterationsPerEpoch) {}

  /**
   * Called once after the last epoch, before the refinement and the forest classifier are fitted
   * (a progress bar of epochs ends here, not in the middle of their log lines).
   */
  default void onEpochsDone() {}
}
