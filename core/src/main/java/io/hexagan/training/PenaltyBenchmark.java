package io.hexagan.training;

import io.hexagan.graph.Architecture;
import io.hexagan.graph.GradientPenalties;
import io.hexagan.graph.GraphSpec;
import io.hexagan.graph.ImputationCritic;
import io.hexagan.graph.LossWeights;
import io.hexagan.graph.SecondOrderGradients;
import io.hexagan.graph.SeedStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * What D_MI's element-wise gradient penalty L_GP_MI costs, on synthetic data of the config's
 * shape (for MNIST: 784 features, 10 classes).
 *
 * <p>Two measurements. (1) The penalty alone, its value and its gradient with respect to D_MI's
 * weights (the second-order pass the optimizer runs), for each formulation: one backward block per
 * output ({@link GradientPenalties#elementwise} without the Gram shortcut, exact, cost linear in
 * the number of blocks), the Gram formulation (exact, one block per unit of D_MI's last hidden
 * layer), and a random sample of outputs (an unbiased estimate). (2) A full training iteration with
 * the configured penalty against the same iteration without it (λ1 = 0 leaves it out of the
 * graph): the penalty's share of an iteration. (3) The authors' alternative on MNIST, weight
 * clipping of D_MI, which replaces the penalty's cost by that of clipping the weights.
 */
public final class PenaltyBenchmark {

  /**
   * One formulation.
   *
   * @param name what was measured
   * @param blocks backward blocks (copies of the batch through D_MI)
   * @param exact whether the value is the full penalty (not a sample's estimate)
   * @param msPerEvaluation median ms of the penalty and its gradient with respect to D_MI's weights
   */
  public record Formulation(String name, int blocks, boolean exact, double msPerEvaluation) {}

  /**
   * The penalty's share of a training iteration.
   *
   * @param msWithPenalty median ms of one training iteration with the configured penalty
   * @param msWithoutPenalty median ms of the same iteration with λ1 = 0 (penalty left out)
   */
  public record Share(double msWithPenalty, double msWithoutPenalty) {
    /** (with − without) / with. */
    public double share() {
      return (msWithPenalty - msWithoutPenalty) / msWithPenalty;
    }
  }

  private PenaltyBenchmark() {}

  /**
   * Times the penalty of {@code config}'s D_MI for a batch of {@code config}'s batch size:
   * output blocks of each count in {@code blockCounts} (the exact per-output formulation runs
   * {@code features + 1} blocks; its time is linear in the count), the Gram formulation, and samples
   * of each size in {@code samples}.
   */
  public static List<Formulation> formulations(HexaGanConfig config, int features, int classes, int[] blockCounts,
      int[] samples, int iterations, SessionSettings settings) {
    SecondOrderGradients.register();
    int rows = config.optimizer().batchSize();
    int outputs = features + 1;
    Architecture.Resolved arch = config.architecture().resolve(features);
    List<Formulation> out = new ArrayList<>();
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      ImputationCritic<TFloat32> critic = ImputationCritic.create(tf, "", TFloat32.class, features, classes, true, true,
          arch, new SeedStream(config.seed()));
      var w = critic.network().read(tf);
      Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(rows, features)));
      Placeholder<TFloat32> y = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(rows, classes)));
      Placeholder<TFloat32> m = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(rows, outputs)));
      List<String> names = new ArrayList<>();
      List<Integer> blocks = new ArrayList<>();
      List<Boolean> exact = new ArrayList<>();
      List<List<Operand<?>>> fetches = new ArrayList<>();
      for (int k : blockCounts) {
        Operand<TInt32> first = tf.range(tf.constant(0), tf.constant(k), tf.constant(1));
        Operand<TInt32> picked = tf.reshape(first, tf.constant(new int[] {k}));
        Operand<TFloat32> p = GradientPenalties.byOutputBlocks(tf, critic.network(), w, x, y, m, rows, outputs,
            k == outputs ? null : picked);
        names.add("output blocks");
        blocks.add(k);
        exact.add(k == outputs);
        fetches.add(withGradient(tf, p, w.tensors()));
      }
      int u = critic.network().hiddenWidth();
      names.add("hidden-layer Gram");
      blocks.add(u);
      exact.add(true);
      fetches.add(withGradient(tf, GradientPenalties.byHiddenGram(tf, critic.network(), w, x, y, m, rows, outputs,
          null), w.tensors()));
      for (int k : samples) {
        Operand<TInt32> all = tf.range(tf.constant(0), tf.constant(outputs), tf.constant(1));
        Operand<TInt32> sampled = tf.slice(tf.random.randomShuffle(all), tf.constant(new int[] {0}),
            tf.constant(new int[] {k}));
        names.add("sample of " + k + " outputs");
        blocks.add(Math.min(k, u));
        exact.add(false);
        fetches.add(withGradient(tf, GradientPenalties.elementwise(tf, critic.network(), w, x, y, m, rows, outputs,
            sampled), w.tensors()));
      }
      SplittableRandom r = new SplittableRandom(1);
      float[] xv = new float[rows * features];
      float[] yv = new float[rows * classes];
      float[] mv = new float[rows * outputs];
      for (int i = 0; i < xv.length; i++) {
        xv[i] = (float) r.nextDouble();
      }
      for (int i = 0; i < mv.length; i++) {
        mv[i] = r.nextDouble() < 0.5 ? 1 : 0;
      }
      for (int i = 0; i < rows; i++) {
        yv[i * classes + r.nextInt(classes)] = 1;
      }
      try (Session s = new Session(g, GraphSession.sessionConfig(settings));
          TFloat32 xt = TFloat32.tensorOf(x.shape(), DataBuffers.of(xv, true, false));
          TFloat32 yt = TFloat32.tensorOf(y.shape(), DataBuffers.of(yv, true, false));
          TFloat32 mt = TFloat32.tensorOf(m.shape(), DataBuffers.of(mv, true, false))) {
        s.initialize();
        for (int f = 0; f < fetches.size(); f++) {
          double[] times = new double[iterations];
          for (int i = -1; i < iterations; i++) {
            Session.Runner runner = s.runner().feed(x, xt).feed(y, yt).feed(m, mt);
            fetches.get(f).forEach(runner::fetch);
            long t0 = System.nanoTime();
            runner.run().close();
            if (i >= 0) {
              times[i] = (System.nanoTime() - t0) / 1e6;
            }
          }
          Arrays.sort(times);
          out.add(new Formulation(names.get(f), blocks.get(f), exact.get(f), times[iterations / 2]));
        }
      }
    }
    return out;
  }

  /**
   * Median ms of the authors' alternative to the penalty on MNIST: clipping every weight of
   * {@code config}'s D_MI to [−{@code bound}, {@code bound}] after its update (one read, clip and
   * assign per variable). It adds no term to the loss, so an iteration with clipping costs the
   * iteration without the penalty plus this.
   */
  public static double clipping(HexaGanConfig config, int features, int classes, float bound, int iterations,
      SessionSettings settings) {
    Architecture.Resolved arch = config.architecture().resolve(features);
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      ImputationCritic<TFloat32> critic = ImputationCritic.create(tf, "", TFloat32.class, features, classes, true, true,
          arch, new SeedStream(config.seed()));
      List<Op> clips = new ArrayList<>();
      for (var v : critic.network().variables()) {
        clips.add(tf.assignVariableOp(v.handle(),
            tf.clipByValue(v.read(tf), tf.constant(-bound), tf.constant(bound))));
      }
      try (Session s = new Session(g, GraphSession.sessionConfig(settings))) {
        s.initialize();
        double[] times = new double[iterations];
        for (int i = -1; i < iterations; i++) {
          Session.Runner runner = s.runner();
          clips.forEach(runner::addTarget);
          long t0 = System.nanoTime();
          runner.run().close();
          if (i >= 0) {
            times[i] = (System.nanoTime() - t0) / 1e6;
          }
        }
        Arrays.sort(times);
        return times[iterations / 2];
      }
    }
  }

  /**
   * Median ms of a full training iteration with {@code config}'s penalty and without it (λ1 = 0),
   * on {@code rows} synthetic labelled rows, half their cells missing.
   */
  public static Share share(HexaGanConfig config, int features, int classes, int rows, int iterations,
      SessionSettings settings) {
    LossWeights l = config.losses();
    LossWeights none = new LossWeights(0, l.reconstruction(), l.conditionalPenalty(), l.conditionalImputation(),
        l.conditionalCrossEntropy(), l.pseudoLabel(), l.classifierWeightDecay(), l.missingNoiseScale(), l.meanFill(),
        l.pseudoLabels(), l.penalizeLabelOutput(), l.inputDropout(), l.penaltyOutputSample(), l.hiddenReconstruction(),
        l.skipSparsity(), l.hintRate(), l.skipScreening(), l.imputerWeightDecay(), l.classifierSparsity(),
        l.varianceWeighting());
    double with = iteration(config, features, classes, rows, iterations, settings);
    double without = iteration(config.withLosses(none), features, classes, rows, iterations, settings);
    return new Share(with, without);
  }

  private static double iteration(HexaGanConfig config, int features, int classes, int rows, int iterations,
      SessionSettings settings) {
    GraphSpec spec = new GraphSpec(features, classes, rows, 0, config.architecture(), config.losses(),
        config.optimizer(), config.ablation(), 1, config.seed());
    SplittableRandom r = new SplittableRandom(1);
    float[] x = new float[rows * features];
    float[] m = new float[rows * features];
    float[] y = new float[rows * classes];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextDouble();
      m[i] = r.nextDouble() < 0.5 ? 1f : 0f;
    }
    for (int i = 0; i < rows; i++) {
      y[i * classes + r.nextInt(classes)] = 1f;
    }
    double[] times = new double[iterations];
    try (GraphSession session = GraphSession.open(spec, settings)) {
      session.load(x, m, y);
      session.trainIteration();
      session.trainIteration();
      for (int i = 0; i < iterations; i++) {
        long t0 = System.nanoTime();
        session.trainIteration();
        times[i] = (System.nanoTime() - t0) / 1e6;
      }
    }
    Arrays.sort(times);
    return times[iterations / 2];
  }

  /** The penalty and its gradients with respect to {@code weights}. */
  private static List<Operand<?>> withGradient(Ops tf, Operand<TFloat32> penalty, List<Operand<TFloat32>> weights) {
    List<Operand<?>> f = new ArrayList<>();
    f.add(penalty);
    f.addAll(tf.gradients(penalty, weights).dy());
    return f;
  }
}
