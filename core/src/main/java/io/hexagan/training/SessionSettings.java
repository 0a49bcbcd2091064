package io.hexagan.training;

/**
 * TensorFlow's threading and device settings. Results are reproducible to the last bit for the
 * same seed, data and thread counts on CPU.
 *
 * @param intraOpThreads threads inside one op (0 = TensorFlow's choice): the serving sessions'
 *     (imputation, classification, generation), whose graph is a chain of large ops
 * @param interOpThreads ops run at once (0 = TensorFlow's choice)
 * @param trainingIntraOpThreads threads inside one op in the training session, whose iteration
 *     runs many small independent ops side by side; 0 (and a config written before this setting):
 *     {@code intraOpThreads}
 * @param device device of the graph, such as {@code /device:GPU:0}; empty = TensorFlow's placement
 * @param gpuMemoryGrowth whether a GPU's memory is claimed as needed rather than all at start
 */
public record SessionSettings(int intraOpThreads, int interOpThreads, int trainingIntraOpThreads, String device,
    boolean gpuMemoryGrowth) {

  public SessionSettings {
    if (intraOpThreads < 0 || interOpThreads < 0 || trainingIntraOpThreads < 0) {
      throw new IllegalArgumentException("threads: expected ≥ 0, found " + intraOpThreads + ", " + interOpThreads
          + " and " + trainingIntraOpThreads);
    }
    device = device == null ? "" : device;
  }

  /** The same threads inside ops for training and serving. */
  public SessionSettings(int intraOpThreads, int interOpThreads, String device, boolean gpuMemoryGrowth) {
    this(intraOpThreads, interOpThreads, intraOpThreads, device, gpuMemoryGrowth);
  }

  /**
   * As many ops at once as cores; inside an op, as many threads as cores for serving and half as
   * many (at least 1) for training. On 2 cores a training iteration ran 1.5 times faster with 2 ops
   * at once than with 1 (docs/PERFORMANCE.md, stop 27), and since its stages run side by side
   * (stop 32) faster again with one thread inside each op than with two (medians 5.37 against 6.05
   * ms at d = 23, 47.4 against 64.3 ms at d = 500, alternating rounds), while imputation, one chain
   * of large products, needs both threads inside its ops. The stages' reads order every variable
   * access, so the bits are those of one op at a time. TensorFlow gives every session of a process
   * the first session's pool of threads inside ops unless the environment sets {@code
   * TF_OVERRIDE_GLOBAL_THREADPOOL=1} ({@code bin/hexagan} does): a JVM that trains and then imputes
   * needs it for the serving sessions to get their own.
   */
  public static SessionSettings defaults() {
    int cores = Runtime.getRuntime().availableProcessors();
    return new SessionSettings(cores, cores, Math.max(1, cores / 2), "", true);
  }

  /** The threads inside one op of the training session. */
  public int intraOpThreadsForTraining() {
    return trainingIntraOpThreads == 0 ? intraOpThreads : trainingIntraOpThreads;
  }

  /**
   * Settings with the threads of {@code text}, {@code intra:inter} (training as serving) or {@code
   * intra:inter:training-intra}, as {@code hexagan bench --threads} takes them; no device, memory
   * growth on.
   */
  public static SessionSettings parseThreads(String text) {
    String[] p = text.split(":", -1);
    if ((p.length == 2 || p.length == 3) && java.util.Arrays.stream(p).allMatch(v -> v.matches("\\d{1,4}"))) {
      int intra = Integer.parseInt(p[0]);
      return new SessionSettings(intra, Integer.parseInt(p[1]), p.length == 3 ? Integer.parseInt(p[2]) : intra, "",
          true);
    }
    throw new IllegalArgumentException("threads: expected intra:inter or intra:inter:training-intra, such as 2:2:1,"
        + " found " + text);
  }

  /** These settings' threads with {@code base}'s device and memory growth. */
  public SessionSettings onDeviceOf(SessionSettings base) {
    return new SessionSettings(intraOpThreads, interOpThreads, trainingIntraOpThreads, base.device(),
        base.gpuMemoryGrowth());
  }

  /** {@code intra:inter:training-intra}, as {@link #parseThreads} reads them. */
  public String threads() {
    return intraOpThreads + ":" + interOpThreads + ":" + intraOpThreadsForTraining();
  }
}
