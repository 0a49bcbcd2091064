package io.hexagan.training;

import io.hexagan.graph.GraphSpec;
import io.hexagan.graph.HexaGanGraph;
import io.hexagan.graph.VariableSaver;
import java.util.Iterator;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GPUOptions;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.proto.StepStats;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;

/**
 * Runs a {@link HexaGanGraph} in one TensorFlow session: loads the data, runs training and
 * warm-up iterations (one {@code Session.run} each, nothing fed, nothing fetched), reads the loss
 * sums, and serves the inference endpoints. Not thread-safe for training; inference calls may
 * run concurrently.
 */
final class GraphSession implements AutoCloseable {

  /** {@code Session.run} calls per training iteration by design: the whole iteration is one op. */
  static final int RUNS_PER_ITERATION = 1;

  private final SessionTraffic traffic = new SessionTraffic();
  private final Graph graph;
  private final Session session;
  private final HexaGanGraph hexagan;
  private final Session.Runner iterationRunner;
  private final Session.Runner warmupRunner;

  private GraphSession(Graph graph, Session session, HexaGanGraph hexagan) {
    this.graph = graph;
    this.session = session;
    this.hexagan = hexagan;
    this.iterationRunner = session.runner().addTarget(hexagan.trainIteration());
    this.warmupRunner = session.runner().addTarget(hexagan.warmupIteration());
  }

  /** Builds the graph for {@code spec} and opens an initialised session on it. */
  static GraphSession open(GraphSpec spec, SessionSettings settings) {
    Graph graph = new Graph();
    try {
      HexaGanGraph hexagan = HexaGanGraph.build(graph, spec, settings.device());
      Session session = new Session(graph, false, trainingSessionConfig(settings));
      session.initialize();
      return new GraphSession(graph, session, hexagan);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  /** The serving sessions' configuration (imputation, classification, generation). */
  static ConfigProto sessionConfig(SessionSettings settings) {
    return sessionConfig(settings, settings.intraOpThreads());
  }

  /** The training session's configuration: its own threads inside an op. */
  static ConfigProto trainingSessionConfig(SessionSettings settings) {
    return sessionConfig(settings, settings.intraOpThreadsForTraining());
  }

  private static ConfigProto sessionConfig(SessionSettings settings, int intraOpThreads) {
    return ConfigProto.newBuilder()
        .setIntraOpParallelismThreads(intraOpThreads)
        .setInterOpParallelismThreads(settings.interOpThreads())
        .setAllowSoftPlacement(true)
        .setGpuOptions(GPUOptions.newBuilder().setAllowGrowth(settings.gpuMemoryGrowth()))
        .build();
  }

  HexaGanGraph graph() {
    return hexagan;
  }

  /**
   * Runs one training iteration under TensorFlow's full trace (outside the traffic counts) and
   * returns its step statistics.
   */
  StepStats traceIteration() {
    RunOptions options = RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build();
    try (Result r = session.runner().addTarget(hexagan.trainIteration()).setOptions(options).runAndFetchMetadata()) {
      return r.getMetadata().orElseThrow(() -> new IllegalStateException("traced run returned no metadata"))
          .getStepStats();
    }
  }

  /** Number of operations in the graph. */
  int operationCount() {
    int n = 0;
    for (Iterator<?> it = graph.operations(); it.hasNext(); it.next()) {
      n++;
    }
    return n;
  }

  /**
   * Loads the training data: {@code values} and {@code mask} row-major [rows, d] (labelled rows
   * first), {@code labels} one-hot [labelled rows, n_c].
   */
  void load(float[] values, float[] mask, float[] labels) {
    HexaGanGraph.DataFeed feed = hexagan.dataFeed();
    try (TFloat32 x = TFloat32.tensorOf(feed.values().shape(), DataBuffers.of(values, true, false));
        TFloat32 m = TFloat32.tensorOf(feed.mask().shape(), DataBuffers.of(mask, true, false));
        TFloat32 y = TFloat32.tensorOf(feed.labels().shape(), DataBuffers.of(labels, true, false));
        Result ignored = run(session.runner().feed(feed.values(), x).feed(feed.mask(), m)
            .feed(feed.labels(), y).addTarget(feed.load()), x.numBytes() + m.numBytes() + y.numBytes())) {
      // loaded
    }
  }

  /** Saves every checkpoint variable (weights, optimizer slots, best snapshot, step) under {@code prefix}. */
  void save(String prefix) {
    session.save(prefix);
  }

  /**
   * Restores the checkpoint variables saved by {@link #save}. A checkpoint written by a build
   * before the learning rates' scale existed (stop 30) lacks it: the rest is restored and the scale
   * stays at its initial 1, the value that run trained with.
   *
   * @return whether the checkpoint held every variable
   */
  boolean restore(String prefix) {
    try {
      session.restore(prefix);
      return true;
    } catch (TensorFlowException e) {
      if (e.getMessage() == null || !e.getMessage().contains(HexaGanGraph.RATE_SCALE + " not found in checkpoint")) {
        throw e;
      }
    }
    try (TString file = TString.scalarOf(prefix)) {
      session.runner()
          .feed(graph.operation(VariableSaver.SCOPE + "/" + VariableSaver.FILENAME).output(0), file)
          .addTarget(VariableSaver.SCOPE + "/" + VariableSaver.RESTORE_REQUIRED)
          .run()
          .close();
    }
    return false;
  }

  void trainIteration() {
    run(iterationRunner, 0).close();
  }

  void warmupIteration() {
    run(warmupRunner, 0).close();
  }

  void resetLosses() {
    run(session.runner().addTarget(hexagan.resetLosses()), 0).close();
  }

  void snapshot() {
    run(session.runner().addTarget(hexagan.snapshot()), 0).close();
  }

  void restoreSnapshot() {
    run(session.runner().addTarget(hexagan.restoreSnapshot()), 0).close();
  }

  /** Starts the weight averages at the current weights (no-op without averaging). */
  void startAverage() {
    if (hexagan.startAverage() != null) {
      run(session.runner().addTarget(hexagan.startAverage()), 0).close();
    }
  }

  /** Exchanges the weights with their averages (no-op without averaging); twice restores them. */
  void swapAverage() {
    if (hexagan.swapAverage() != null) {
      run(session.runner().addTarget(hexagan.swapAverage()), 0).close();
    }
  }

  /** Sets the factor every learning rate is multiplied by (1 unless a plateau lowered it). */
  void setRateScale(float scale) {
    HexaGanGraph.RateScaleFeed feed = hexagan.rateScaleFeed();
    try (TFloat32 v = TFloat32.scalarOf(scale);
        Result ignored = run(session.runner().feed(feed.scale(), v).addTarget(feed.assign()), v.numBytes())) {
      // set
    }
  }

  /** The factor every learning rate is multiplied by now. */
  float rateScale() {
    try (Result r = run(session.runner().fetch(hexagan.rateScale()), 0)) {
      return ((TFloat32) r.get(0)).getFloat();
    }
  }

  /** Loss sums since the last reset, first non-finite iteration per loss, and the step. */
  record LossState(float[] sums, long[] firstNonFinite, long step) {}

  LossState lossState() {
    int k = hexagan.lossNames().size();
    try (Result r = run(session.runner().fetch(hexagan.lossSums()).fetch(hexagan.firstNonFinite())
        .fetch(hexagan.step()), 0)) {
      float[] sums = new float[k];
      long[] bad = new long[k];
      ((TFloat32) r.get(0)).copyTo(DataBuffers.of(sums, false, false));
      ((TInt64) r.get(1)).copyTo(DataBuffers.of(bad, false, false));
      long step = ((TInt64) r.get(2)).getLong();
      return new LossState(sums, bad, step);
    }
  }

  /** Imputes {@code rows} rows in the scaled space; returns x̂ row-major. */
  float[] impute(float[] values, float[] mask, int rows) {
    return inBlocks(values, mask, rows, hexagan.spec().features(), hexagan.inference().imputed());
  }

  /** Class probabilities of {@code rows} rows, row-major [rows, n_c]. */
  float[] classify(float[] values, float[] mask, int rows) {
    return inBlocks(values, mask, rows, hexagan.spec().classes(), hexagan.inference().probabilities());
  }

  /** {@code output} (width {@code width} per row) of {@code rows} rows, a block of rows per run. */
  private float[] inBlocks(float[] values, float[] mask, int rows, int width, org.tensorflow.Operand<TFloat32> output) {
    HexaGanGraph.Inference inf = hexagan.inference();
    int d = hexagan.spec().features();
    int block = InferenceBlocks.rows(rows, d, hexagan.spec().imputationDraws(),
        hexagan.spec().architecture().members());
    float[] out = new float[rows * width];
    for (int from = 0; from < rows; from += block) {
      int n = Math.min(block, rows - from);
      float[] v = block == rows ? values : java.util.Arrays.copyOfRange(values, from * d, (from + n) * d);
      float[] mk = block == rows ? mask : java.util.Arrays.copyOfRange(mask, from * d, (from + n) * d);
      try (TFloat32 x = TFloat32.tensorOf(Shape.of(n, d), DataBuffers.of(v, true, false));
          TFloat32 m = TFloat32.tensorOf(Shape.of(n, d), DataBuffers.of(mk, true, false));
          Result r = run(session.runner().feed(inf.values(), x).feed(inf.mask(), m).fetch(output),
              x.numBytes() + m.numBytes())) {
        ((TFloat32) r.get(0)).copyTo(DataBuffers.of(out, false, false).offset((long) from * width));
      }
    }
    return out;
  }

  /**
   * Fetches {@code outputs} of the inference endpoints for {@code rows} rows of values and mask
   * (scaled space), each row-major.
   */
  java.util.List<float[]> infer(float[] values, float[] mask, int rows, java.util.List<org.tensorflow.Operand<TFloat32>> outputs) {
    HexaGanGraph.Inference inf = hexagan.inference();
    int d = hexagan.spec().features();
    try (TFloat32 x = TFloat32.tensorOf(Shape.of(rows, d), DataBuffers.of(values, true, false));
        TFloat32 m = TFloat32.tensorOf(Shape.of(rows, d), DataBuffers.of(mask, true, false))) {
      Session.Runner runner = session.runner().feed(inf.values(), x).feed(inf.mask(), m);
      outputs.forEach(runner::fetch);
      try (Result r = runner.run()) {
        return copies(r, outputs.size());
      }
    }
  }

  /** h_c and G_MI(h_c) of one generated row per class id, each row-major. */
  java.util.List<float[]> generateWithHidden(int[] classIds) {
    HexaGanGraph.Inference inf = hexagan.inference();
    try (TInt32 ids = TInt32.vectorOf(classIds);
        Result r = session.runner().feed(inf.classIds(), ids).fetch(inf.conditionalHidden()).fetch(inf.generated())
            .run()) {
      return copies(r, 2);
    }
  }

  private static java.util.List<float[]> copies(Result r, int count) {
    java.util.List<float[]> out = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) {
      TFloat32 t = (TFloat32) r.get(i);
      float[] v = new float[(int) t.shape().size()];
      t.copyTo(DataBuffers.of(v, false, false));
      out.add(v);
    }
    return out;
  }

  /** Generated rows in the scaled space, one per class id, row-major. */
  float[] generate(int[] classIds) {
    HexaGanGraph.Inference inf = hexagan.inference();
    int d = hexagan.spec().features();
    try (TInt32 ids = TInt32.vectorOf(classIds);
        Result r = run(session.runner().feed(inf.classIds(), ids).fetch(inf.generated()), ids.numBytes())) {
      float[] out = new float[classIds.length * d];
      ((TFloat32) r.get(0)).copyTo(DataBuffers.of(out, false, false));
      return out;
    }
  }

  private Result run(Session.Runner runner, long fedBytes) {
    return traffic.count(fedBytes, runner.run());
  }

  /** Everything that crossed into and out of TensorFlow through this session so far. */
  SessionTraffic.Snapshot traffic() {
    return traffic.snapshot();
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
