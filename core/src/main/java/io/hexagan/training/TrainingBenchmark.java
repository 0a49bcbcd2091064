package io.hexagan.training;

import io.hexagan.graph.Architecture;
import io.hexagan.graph.GraphSpec;
import io.hexagan.graph.ServingGraph;
import io.hexagan.savedmodel.ServingModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.lang.management.ManagementFactory;

/**
 * Measures one training configuration on synthetic data: milliseconds per full training
 * iteration, {@code Session.run} calls and bytes crossing the Java–TensorFlow boundary per
 * iteration, graph size, an estimate of the arithmetic per iteration, and in-graph imputation
 * throughput of the serving graph.
 */
public final class TrainingBenchmark {

  /**
   * One measurement.
   *
   * @param features d
   * @param batch labelled rows per iteration
   * @param batchRows all rows per iteration (labelled and unlabelled)
   * @param intraOpThreads TensorFlow's intra-op threads of the serving session (imputation)
   * @param interOpThreads TensorFlow's inter-op threads
   * @param trainingIntraOpThreads TensorFlow's intra-op threads of the training session
   * @param msPerIteration median wall time of one full training iteration
   * @param msPerIterationP90 90th percentile of the same
   * @param sessionRunsPerIteration {@code Session.run} calls per iteration
   * @param bytesFedPerIteration bytes fed from Java per iteration
   * @param bytesFetchedPerIteration bytes fetched into Java per iteration
   * @param graphOperations ops in the training graph
   * @param estimatedGflopPerIteration dense-layer arithmetic per iteration (see {@link #estimateFlops})
   * @param imputeRowsPerSecond in-graph imputation throughput of the serving graph (median call)
   * @param javaBytesAllocatedPerIteration bytes the Java heap allocated per timed iteration (the
   *     benchmark thread's allocation counter)
   * @param peakHeapBytes the largest Java heap in use while the setting was built, trained and
   *     imputed with
   * @param peakResidentBytes the process's peak resident set over the same span (Java heap,
   *     TensorFlow's native buffers and the rest); −1 where it could not be measured for this
   *     setting alone
   */
  public record Result(int features, int batch, int batchRows, int intraOpThreads, int interOpThreads,
      int trainingIntraOpThreads, double msPerIteration, double msPerIterationP90, double sessionRunsPerIteration,
      long bytesFedPerIteration, long bytesFetchedPerIteration, int graphOperations, double estimatedGflopPerIteration,
      double imputeRowsPerSecond, long javaBytesAllocatedPerIteration, long peakHeapBytes,
      long peakResidentBytes) {}

  /** Rows of the benchmark's synthetic training table, and how many of them are labelled. */
  private static final int ROWS = 2000;
  private static final int LABELED_ROWS = 1600;

  /** Rows per call of the imputation measurements. */
  public static final int IMPUTE_ROWS = 65_536;

  /** Timed calls of {@link #imputeThroughput}. */
  static final int IMPUTE_CALLS = 21;

  private TrainingBenchmark() {}

  /**
   * Measures the default configuration at {@code features} columns and labelled batch {@code
   * batch}: {@code warmup} untimed iterations, then {@code iterations} timed ones.
   */
  public static Result measure(int features, int batch, SessionSettings threads, int warmup,
      int iterations, HexaGanConfig base) {
    SyntheticTable table = SyntheticTable.of(ROWS, LABELED_ROWS, features);
    Setup setup = Setup.of(features, batch, threads, base, table);
    HexaGanConfig config = setup.config();
    GraphSpec spec = setup.spec();
    SessionSettings settings = setup.settings();
    boolean residentReset = MemoryPeaks.reset();
    double[] times = new double[iterations];
    int ops;
    SessionTraffic.Snapshot traffic;
    long allocated;
    com.sun.management.ThreadMXBean allocation = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    try (GraphSession session = GraphSession.open(spec, settings)) {
      session.load(table.x(), table.m(), table.y());
      ops = session.operationCount();
      for (int i = 0; i < warmup; i++) {
        session.trainIteration();
      }
      SessionTraffic.Snapshot before = session.traffic();
      long allocatedBefore = allocation.getThreadAllocatedBytes(thread);
      for (int i = 0; i < iterations; i++) {
        long t0 = System.nanoTime();
        session.trainIteration();
        times[i] = (System.nanoTime() - t0) / 1e6;
      }
      allocated = allocation.getThreadAllocatedBytes(thread) - allocatedBefore;
      traffic = session.traffic().since(before);
    }
    Arrays.sort(times);
    double imputeRate = imputeThroughput(features, config, settings);
    // The timing array itself was allocated before the loop; nothing else is the benchmark's own.
    return new Result(features, batch, spec.batchRows(), settings.intraOpThreads(), settings.interOpThreads(),
        settings.intraOpThreadsForTraining(), times[iterations / 2],
        times[(int) (iterations * 0.9)], (double) traffic.runs() / iterations, traffic.bytesFed() / iterations,
        traffic.bytesFetched() / iterations, ops, estimateFlops(spec) / 1e9, imputeRate, allocated / iterations,
        MemoryPeaks.heapBytes(), residentReset ? MemoryPeaks.residentBytes() : -1);
  }

  /**
   * Traces {@code traced} training iterations of the same setting as {@link #measure}, after
   * {@code warmup} untraced ones.
   */
  public static IterationProfile profile(int features, int batch, SessionSettings threads, int warmup,
      int traced, HexaGanConfig base) {
    if (traced < 1) {
      throw new IllegalArgumentException("traced: expected ≥ 1, found " + traced);
    }
    SyntheticTable table = SyntheticTable.of(ROWS, LABELED_ROWS, features);
    Setup setup = Setup.of(features, batch, threads, base, table);
    try (GraphSession session = GraphSession.open(setup.spec(), setup.settings())) {
      session.load(table.x(), table.m(), table.y());
      for (int i = 0; i < warmup; i++) {
        session.trainIteration();
      }
      List<org.tensorflow.proto.StepStats> traces = new ArrayList<>();
      for (int i = 0; i < traced; i++) {
        traces.add(session.traceIteration());
      }
      return IterationProfile.of(traces);
    }
  }

  /** The config, graph and session settings of one benchmark setting. */
  private record Setup(HexaGanConfig config, GraphSpec spec, SessionSettings settings) {
    static Setup of(int features, int batch, SessionSettings threads, HexaGanConfig base, SyntheticTable table) {
      HexaGanConfig config = base.withOptimizer(base.optimizer().withBatchSize(batch));
      // E's extra inputs as training would find them in this table (their constants cost nothing to
      // compute; the ops that read them are part of the iteration).
      GraphSpec spec = new GraphSpec(features, 2, LABELED_ROWS, ROWS - LABELED_ROWS, config.architecture(),
          config.losses(), config.optimizer(), config.ablation(), 1, config.seed(), null, null, null,
          Trainer.encoderInputs(config.architecture(), table.x(), table.m(), features), null);
      return new Setup(config, spec, threads.onDeviceOf(config.session()));
    }
  }

  /** The benchmark's table: uniform values, 80% of cells observed, two classes, seed 1. */
  private record SyntheticTable(float[] x, float[] m, float[] y) {
    static SyntheticTable of(int rows, int labeled, int features) {
      SplittableRandom r = new SplittableRandom(1);
      float[] x = new float[rows * features];
      float[] m = new float[rows * features];
      float[] y = new float[labeled * 2];
      for (int i = 0; i < x.length; i++) {
        x[i] = (float) r.nextDouble();
        m[i] = r.nextDouble() < 0.8 ? 1f : 0f;
      }
      for (int i = 0; i < labeled; i++) {
        y[i * 2 + r.nextInt(2)] = 1f;
      }
      return new SyntheticTable(x, m, y);
    }
  }

  /**
   * Rows per second through the serving graph's impute signature, {@value #IMPUTE_ROWS} rows per
   * call: {@value #IMPUTE_ROWS} divided by the median time of {@value #IMPUTE_CALLS} calls, after
   * two untimed ones (the median, because one slow call on a shared machine moves a mean of ten
   * by a tenth).
   */
  static double imputeThroughput(int features, HexaGanConfig config, SessionSettings settings) {
    ImputeInput in = ImputeInput.of(features);
    try (ServingModel model = in.model(config, settings)) {
      for (int i = 0; i < 2; i++) {
        model.impute(in.x(), in.m(), IMPUTE_ROWS, null);
      }
      double[] seconds = new double[IMPUTE_CALLS];
      for (int i = 0; i < IMPUTE_CALLS; i++) {
        long t0 = System.nanoTime();
        model.impute(in.x(), in.m(), IMPUTE_ROWS, null);
        seconds[i] = (System.nanoTime() - t0) / 1e9;
      }
      Arrays.sort(seconds);
      return IMPUTE_ROWS / seconds[IMPUTE_CALLS / 2];
    }
  }

  /**
   * Traces {@code traced} calls of the serving graph's impute signature ({@value #IMPUTE_ROWS}
   * rows each, as {@link #imputeThroughput} times them), after one untraced call; one "iteration"
   * of the profile is one call.
   */
  public static IterationProfile profileImputation(int features, SessionSettings threads, int traced,
      HexaGanConfig base) {
    if (traced < 1) {
      throw new IllegalArgumentException("traced: expected ≥ 1, found " + traced);
    }
    ImputeInput in = ImputeInput.of(features);
    SessionSettings settings = threads.onDeviceOf(base.session());
    try (ServingModel model = in.model(base, settings)) {
      model.impute(in.x(), in.m(), IMPUTE_ROWS, null);
      List<org.tensorflow.proto.StepStats> traces = new ArrayList<>();
      for (int i = 0; i < traced; i++) {
        traces.add(model.traceImpute(in.x(), in.m(), IMPUTE_ROWS, null));
      }
      return IterationProfile.of(traces);
    }
  }

  /** Synthetic rows for the imputation measurements: values uniform in [0, 1), 80% observed. */
  private record ImputeInput(int features, float[] x, float[] m) {

    static ImputeInput of(int features) {
      float[] x = new float[IMPUTE_ROWS * features];
      float[] m = new float[IMPUTE_ROWS * features];
      SplittableRandom r = new SplittableRandom(2);
      for (int i = 0; i < x.length; i++) {
        x[i] = (float) r.nextDouble();
        m[i] = r.nextDouble() < 0.8 ? 1f : 0f;
      }
      return new ImputeInput(features, x, m);
    }

    /** A serving graph of {@code config}'s networks, freshly initialised, on identity scaling. */
    ServingModel model(HexaGanConfig config, SessionSettings settings) {
      double[] min = new double[features];
      double[] span = new double[features];
      Arrays.fill(span, 1.0);
      ServingGraph.Spec spec = new ServingGraph.Spec(features, 2, config.architecture().resolve(features), true, true,
          config.losses().missingNoiseScale(), 1, min, span, 1L, null, 0,
          Trainer.encoderInputs(config.architecture(), x, m, features), null, null, null);
      return ServingModel.initialized(spec, GraphSession.sessionConfig(settings));
    }
  }

  /**
   * Floating-point operations of the dense layers in one training iteration, counted as 2 per
   * multiply-add: every forward pass of every stage, ×3 for a pass that is also differentiated
   * (forward, and backward to inputs and weights), and ×5 for the critic passes under a gradient
   * penalty (their backward pass is differentiated again). Element-wise ops are left out. An
   * estimate of the arithmetic, to compare with the measured time as d grows; an ensemble's K
   * members do K times as much. NaN for convolutional networks, which this count does not model.
   */
  public static double estimateFlops(GraphSpec spec) {
    int d = spec.features();
    int nc = spec.classes();
    Architecture.Resolved a = spec.architecture().resolve(d);
    if (a.convolutional()) {
      return Double.NaN;
    }
    int bl = spec.labeledBatch();
    int b = spec.batchRows();
    int k = spec.optimizer().conditionalUpdates();
    double enc = mlp(a, 2 * d + spec.encoderInputs().count(), a.latentDim());
    double gen = mlp(a, a.latentDim(), d);
    double critic = macs(a.criticWidths(d + nc, d + 1));
    double criticHidden = critic - 2.0 * a.criticUnits() * (d + 1);
    double cgen = mlp(a, a.conditionalNoiseDim() + nc, a.latentDim());
    double ccritic = macs(a.criticWidths(a.latentDim() + nc, 1));
    double cls = mlp(a, d, nc);
    // G_MI's linear skip path, on rows with observed cells (not on rows decoded from h_c); chained,
    // one d × d product per pass
    double skip = a.linearSkip() ? (a.chainedSkip() ? 2 : 1) * 2.0 * d * d : 0;
    int penalized = spec.losses().penaltyOutputSample() > 0 ? Math.min(spec.losses().penaltyOutputSample(), d) : d;
    double flops = 0;
    // conditional updates: G_CG stage (G_CG, D_CG, G_MI, D_MI, C on B_l rows), D_CG stage (G_CG, D_CG
    // on the generated pairs, D_CG under the penalty on the real ones, whose scores its loss reads);
    // E encodes the labelled rows once for all of them (it does not change during them)
    flops += bl * enc;
    flops += k * bl * (3 * (cgen + ccritic + gen + critic + cls));
    flops += k * bl * (cgen + 3 * ccritic + 5 * ccritic);
    // E + G_MI stage
    flops += b * (3 * (enc + gen + skip + critic) + cls);
    // D_MI stage: imputation, real and generated rows, and the tiled penalty
    flops += b * (enc + gen + skip + cls) + bl * (cgen + gen) + 3 * (b + bl) * critic
        + 5.0 * penalized * b * (criticHidden + 2.0 * a.criticUnits());
    // C stage: imputation, labelled rows, the top-up pool (n_c × B_l rows), unlabelled rows
    flops += b * (enc + gen + skip) + 3 * b * cls + (double) nc * bl * (cgen + gen + 3 * cls) + 3 * (b - bl) * critic;
    return a.members() * flops;
  }

  /** 2 × multiply-adds per row of a dense network from {@code in} to {@code out}. */
  private static double mlp(Architecture.Resolved a, int in, int out) {
    return macs(a.widths(in, out));
  }

  /** 2 × multiply-adds per row of a dense network of layer widths {@code w}. */
  private static double macs(int[] w) {
    double macs = 0;
    for (int i = 0; i + 1 < w.length; i++) {
      macs += (double) w[i] * w[i + 1];
    }
    return 2 * macs;
  }
}
