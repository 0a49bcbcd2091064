package io.hexagan.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat64;

/** The two gradient penalties: second-order gradients against finite differences, and the batched L_GP_MI against its per-output definition. */
class GradientPenaltiesTest {
  private static final int ROWS = 5;
  private static final int D = 4;
  private static final int CLASSES = 2;

  @BeforeAll
  static void register() {
    SecondOrderGradients.register();
  }

  /** A float64 critic with fed inputs and fed weights. */
  private record Fixture(Graph graph, Ops tf, DenseNetwork<TFloat64> critic, DenseNetwork.Weights<TFloat64> weights,
      Placeholder<TFloat64> x, Placeholder<TFloat64> y, Placeholder<TFloat64> mask) {}

  private static Fixture critic(Graph g, Activation act, int outputs, int inputs) {
    Ops tf = Ops.create(g);
    DenseNetwork<TFloat64> critic = DenseNetwork.create(tf, "critic", TFloat64.class,
        new int[] {inputs, 6, 5, outputs}, act, Activation.LINEAR, new SeedStream(3));
    DenseNetwork.Weights<TFloat64> w = critic.read(tf);
    Placeholder<TFloat64> x = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(ROWS, D)));
    Placeholder<TFloat64> y = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(ROWS, CLASSES)));
    Placeholder<TFloat64> m = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(ROWS, outputs)));
    return new Fixture(g, tf, critic, w, x, y, m);
  }

  private static List<FiniteDifferences.Input> inputs(Fixture f, int outputs, SplittableRandom r) {
    List<FiniteDifferences.Input> in = new ArrayList<>();
    for (int k = 0; k < f.weights().tensors().size(); k++) {
      DenseNetwork.Layer<TFloat64> layer = f.critic().layers().get(k / 2);
      Shape shape = k % 2 == 0 ? Shape.of(layer.inputs(), layer.outputs()) : Shape.of(layer.outputs());
      in.add(new FiniteDifferences.Input(f.weights().tensors().get(k), shape,
          FiniteDifferences.random(r, (int) shape.size(), -0.8, 0.8)));
    }
    double[] mask = new double[ROWS * outputs];
    for (int i = 0; i < mask.length; i++) {
      mask[i] = r.nextDouble() < 0.7 ? 1 : 0;
    }
    mask[0] = 1;
    double[] labels = new double[ROWS * CLASSES];
    for (int i = 0; i < ROWS; i++) {
      labels[i * CLASSES + r.nextInt(CLASSES)] = 1;
    }
    in.add(new FiniteDifferences.Input(f.x(), Shape.of(ROWS, D), FiniteDifferences.random(r, ROWS * D, 0, 1)));
    in.add(new FiniteDifferences.Input(f.y(), Shape.of(ROWS, CLASSES), labels));
    in.add(new FiniteDifferences.Input(f.mask(), Shape.of(ROWS, outputs), mask));
    return in;
  }

  @ParameterizedTest
  @EnumSource(value = Activation.class, names = {"RELU", "LEAKY_RELU", "TANH"})
  void elementwisePenaltyGradientMatchesFiniteDifferences(Activation act) {
    try (Graph g = new Graph()) {
      Fixture f = critic(g, act, D + 1, D + CLASSES);
      Operand<TFloat64> penalty = GradientPenalties.elementwise(f.tf(), f.critic(), f.weights(), f.x(), f.y(),
          f.mask(), ROWS, D + 1);
      List<Operand<?>> grads = f.tf().gradients(penalty, f.weights().tensors()).dy().stream()
          .<Operand<?>>map(o -> o).toList();
      List<FiniteDifferences.Input> in = inputs(f, D + 1, new SplittableRandom(11));
      try (Session s = new Session(g)) {
        double err = FiniteDifferences.maxRelativeError(s, penalty, grads, in, 1e-6);
        assertTrue(err < 1e-5, act + ": relative error " + err);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = Activation.class, names = {"RELU", "TANH"})
  void conditionalPenaltyGradientMatchesFiniteDifferences(Activation act) {
    try (Graph g = new Graph()) {
      Fixture f = critic(g, act, 1, D + CLASSES);
      Operand<TFloat64> penalty = GradientPenalties.conditional(f.tf(), f.critic(), f.weights(), f.x(), f.y());
      List<Operand<?>> grads = f.tf().gradients(penalty, f.weights().tensors()).dy().stream()
          .<Operand<?>>map(o -> o).toList();
      List<FiniteDifferences.Input> in = inputs(f, 1, new SplittableRandom(13));
      try (Session s = new Session(g)) {
        double err = FiniteDifferences.maxRelativeError(s, penalty, grads, in, 1e-6);
        assertTrue(err < 1e-5, act + ": relative error " + err);
      }
    }
  }

  /**
   * D_CG's loss on real pairs reads the scores of the penalty's own forward pass: they equal
   * D_CG(h, y), and the loss λ·L_GP_CG − mean D_CG(h, y) built on them has the gradient central
   * differences give (the scores carry first-order gradients beside the penalty's second order).
   */
  @ParameterizedTest
  @EnumSource(value = Activation.class, names = {"RELU", "TANH"})
  void conditionalPenaltyScoresAreTheCriticsAndCarryTheirGradient(Activation act) {
    try (Graph g = new Graph()) {
      Fixture f = critic(g, act, 1, D + CLASSES);
      Ops tf = f.tf();
      GradientPenalties.Penalized<TFloat64> p =
          GradientPenalties.conditionalWithScores(tf, f.critic(), f.weights(), f.x(), f.y());
      Operand<TFloat64> direct = f.critic().apply(tf, f.weights(), tf.concat(List.of(f.x(), f.y()), tf.constant(1)));
      Operand<TFloat64> loss = tf.math.sub(tf.math.mul(tf.constant(10.0), p.penalty()),
          tf.math.mean(tf.reshape(p.scores(), tf.constant(new int[] {ROWS})), tf.constant(0)));
      List<Operand<?>> grads = tf.gradients(loss, f.weights().tensors()).dy().stream()
          .<Operand<?>>map(o -> o).toList();
      List<FiniteDifferences.Input> in = inputs(f, 1, new SplittableRandom(13));
      try (Session s = new Session(g)) {
        List<double[]> scores = FiniteDifferences.evaluate(s, List.of(p.scores(), direct), in);
        for (int r = 0; r < ROWS; r++) {
          assertEquals(scores.get(1)[r], scores.get(0)[r], 1e-12, act + ": row " + r);
        }
        assertTrue(Math.abs(scores.get(0)[0]) > 1e-6, act + ": a non-trivial score");
        // h = 1e-5: with 1e-6 the rounding of the differenced loss reached 2.4e-5 relative on a small
        // entry for one of four seeds tried (ReLU, seed 19; 6e-7 with 1e-5, 2e-8 with 1e-4, falling
        // with h as rounding does, not rising as a kink would); with 1e-5 all eight cases read ≤ 6e-7.
        double err = FiniteDifferences.maxRelativeError(s, loss, grads, in, 1e-5);
        assertTrue(err < 1e-5, act + ": relative error " + err);
      }
    }
  }

  /** L_GP_MI by its definition: one backward pass per output i, masked to rows observing i. */
  private static Operand<TFloat64> perOutputPenalty(Fixture f, int outputs) {
    Ops tf = f.tf();
    Operand<TFloat64> input = tf.concat(List.of(f.x(), f.y()), tf.constant(1));
    Operand<TFloat64> scores = f.critic().apply(tf, f.weights(), input);
    List<Operand<TFloat64>> perOutput = new ArrayList<>();
    for (int i = 0; i < outputs; i++) {
      Operand<TFloat64> out = tf.slice(scores, tf.constant(new int[] {0, i}), tf.constant(new int[] {ROWS, 1}));
      Operand<TFloat64> grad = GradientPenalties.inputGradient(tf, out, f.x());
      Operand<TFloat64> sq = tf.reduceSum(tf.math.square(grad), tf.constant(1));
      Operand<TFloat64> m = tf.reshape(tf.slice(f.mask(), tf.constant(new int[] {0, i}), tf.constant(new int[] {ROWS, 1})),
          tf.constant(new int[] {ROWS}));
      perOutput.add(tf.math.div(tf.reduceSum(tf.math.mul(m, sq), tf.constant(0)),
          tf.math.maximum(tf.reduceSum(m, tf.constant(0)), tf.constant(1.0))));
    }
    return tf.math.div(tf.math.addN(perOutput), tf.constant((double) outputs));
  }

  @ParameterizedTest
  @EnumSource(value = Activation.class, names = {"RELU", "TANH"})
  void batchedPenaltyEqualsPerOutputDefinition(Activation act) {
    for (int outputs : new int[] {D, D + 1}) {
      try (Graph g = new Graph()) {
        Fixture f = critic(g, act, D + 1, D + CLASSES);
        Placeholder<TFloat64> mask = f.mask();
        // Only the first `outputs` outputs are penalised: feed a mask of that width.
        Fixture narrowed = new Fixture(g, f.tf(), f.critic(), f.weights(), f.x(), f.y(),
            f.tf().placeholder(TFloat64.class, Placeholder.shape(Shape.of(ROWS, outputs))));
        Operand<TFloat64> batched = GradientPenalties.elementwise(f.tf(), f.critic(), f.weights(), f.x(), f.y(),
            narrowed.mask(), ROWS, outputs);
        Operand<TFloat64> reference = perOutputPenalty(narrowed, outputs);
        List<FiniteDifferences.Input> in = new ArrayList<>(inputs(narrowed, outputs, new SplittableRandom(17 + outputs)));
        try (Session s = new Session(g)) {
          List<double[]> v = FiniteDifferences.evaluate(s, List.of(batched, reference), in);
          assertTrue(v.get(1)[0] > 0, "a positive penalty");
          assertEquals(v.get(1)[0], v.get(0)[0], 1e-12 * Math.abs(v.get(1)[0]), act + " with " + outputs + " outputs");
        }
        assertTrue(mask != null);
      }
    }
  }

  @Test
  void sampledPenaltyIsTheMeanOverTheSampledOutputsAndItsGradientMatchesFiniteDifferences() {
    try (Graph g = new Graph()) {
      Fixture f = critic(g, Activation.TANH, D + 1, D + CLASSES);
      Operand<org.tensorflow.types.TInt32> picked = f.tf().constant(new int[] {3, 0, 4});
      Operand<TFloat64> sampled = GradientPenalties.elementwise(f.tf(), f.critic(), f.weights(), f.x(), f.y(),
          f.mask(), ROWS, D + 1, picked);
      // Reference: the per-output terms of outputs 3, 0 and 4 from the full definition.
      Ops tf = f.tf();
      List<Operand<TFloat64>> single = new ArrayList<>();
      for (int i : new int[] {3, 0, 4}) {
        Operand<TFloat64> maskI = tf.math.mul(f.mask(), tf.constant(oneHotColumn(i)));
        single.add(GradientPenalties.elementwise(tf, f.critic(), f.weights(), f.x(), f.y(), maskI, ROWS, D + 1));
      }
      // Each masked full penalty is (term_i) / (D + 1): the mean over outputs of a mask with one column.
      Operand<TFloat64> reference = tf.math.div(tf.math.mul(tf.math.addN(single), tf.constant((double) (D + 1))),
          tf.constant(3.0));
      List<Operand<?>> grads = tf.gradients(sampled, f.weights().tensors()).dy().stream()
          .<Operand<?>>map(o -> o).toList();
      List<FiniteDifferences.Input> in = inputs(f, D + 1, new SplittableRandom(29));
      try (Session s = new Session(g)) {
        List<double[]> v = FiniteDifferences.evaluate(s, List.of(sampled, reference), in);
        assertEquals(v.get(1)[0], v.get(0)[0], 1e-12 * Math.abs(v.get(1)[0]));
        double err = FiniteDifferences.maxRelativeError(s, sampled, grads, in, 1e-6);
        assertTrue(err < 1e-5, "relative error " + err);
      }
    }
  }

  private static double[][] oneHotColumn(int i) {
    double[][] m = new double[ROWS][D + 1];
    for (double[] row : m) {
      row[i] = 1;
    }
    return m;
  }

  @Test
  void rowsWhoseElementIsMissingAreNotPenalised() {
    try (Graph g = new Graph()) {
      Fixture f = critic(g, Activation.TANH, D, D + CLASSES);
      Operand<TFloat64> penalty = GradientPenalties.elementwise(f.tf(), f.critic(), f.weights(), f.x(), f.y(),
          f.mask(), ROWS, D);
      List<FiniteDifferences.Input> in = inputs(f, D, new SplittableRandom(5));
      FiniteDifferences.Input maskInput = in.get(in.size() - 1);
      try (Session s = new Session(g)) {
        java.util.Arrays.fill(maskInput.value(), 0);
        assertEquals(0.0, FiniteDifferences.value(s, penalty, in), 0.0, "nothing observed, nothing penalised");
        maskInput.value()[0] = 1;
        double one = FiniteDifferences.value(s, penalty, in);
        double[] x = in.get(in.size() - 3).value();
        x[D] += 0.3; // row 1 changes; only row 0 output 0 is penalised
        assertEquals(one, FiniteDifferences.value(s, penalty, in), 1e-15);
      }
    }
  }
}
