package io.hexagan.training;

/**
 * TensorFlow's threading and device settings. Results are reproducible to the last bit for the
 * same seed, data and thread counts on CPU.
 *
 * @param intraOpThreads threads inside one op (0 = TensorFlow's choice)
 * @param interOpThreads ops run at once (0 = TensorFlow's choice)
 * @param device device of the graph, such as {@code /device:GPU:0}; empty = TensorFlow's placement
 * @param gpuMemoryGrowth whether a GPU's memory is claimed as needed rather than all at start
 */
public record SessionSettings(int intraOpThreads, int interOpThreads, String device, boolean gpuMemoryGrowth) {

  public SessionSettings {
    if (intraOpThreads < 0 || interOpThreads < 0) {
      throw new IllegalArgumentException("threads: expected ≥ 0, found " + intraOpThreads + " and " + interOpThreads);
    }
    device = device == null ? "" : device;
  }

  /**
   * As many threads inside ops as cores, and as many ops at once. On 2 cores a training iteration
   * ran 1.5 times faster with 2 ops at once than with 1 (docs/PERFORMANCE.md); the stages' control
   * dependencies order every variable access, so the bits are those of one op at a time.
   */
  public static SessionSettings defaults() {
    int cores = Runtime.getRuntime().availableProcessors();
    return new SessionSettings(cores, cores, "", true);
  }

  /** {@code intra:inter}, as {@code hexagan bench --threads} takes them. */
  public String threads() {
    return intraOpThreads + ":" + interOpThreads;
  }
}
