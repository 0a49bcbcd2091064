package io.hexagan.training;

/** A loss became NaN or infinite: training stops and says which loss and at which iteration. */
public final class TrainingDivergedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String loss;
  private final long iteration;

  public TrainingDivergedException(String loss, long iteration, int epoch) {
    super("training diverged: loss " + loss + " was NaN or infinite at iteration " + iteration
        + " (epoch " + epoch + "); lower the learning rates or check the input for extreme values");
    this.loss = loss;
    this.iteration = iteration;
  }

  /** The loss that diverged first. */
  public String loss() {
    return loss;
  }

  /** The 0-based iteration (warm-up included) at which it diverged. */
  public long iteration() {
    return iteration;
  }
}
