package io.hexagan.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;

/**
 * L_GP_MI of a convolutional D_MI: its gradient with respect to every weight of D_MI against
 * finite differences (second order through Conv2D's backward pass), and the exact Gram
 * formulation against the per-output-block one, for dense and convolutional critics.
 */
class ConvolutionalPenaltyTest {
  private static final int SIDE = 8;
  private static final int D = SIDE * SIDE;
  private static final int ROWS = 3;
  private static final int CLASSES = 2;
  private static final int HIDDEN = 3;

  @BeforeAll
  static void register() {
    SecondOrderGradients.register();
  }

  private record Fixture(Ops tf, LinearOutputNetwork<TFloat64> critic, DenseNetwork.Weights<TFloat64> weights,
      Placeholder<TFloat64> x, Placeholder<TFloat64> y, Placeholder<TFloat64> mask, int outputs) {}

  private static Fixture convolutional(Graph g, Activation act, int outputs) {
    Ops tf = Ops.create(g);
    ConvolutionalNetwork<TFloat64> critic = ConvolutionalNetwork.create(tf, "critic", TFloat64.class, SIDE, SIDE, 1,
        2, CLASSES, new int[] {HIDDEN, outputs}, act, Activation.LINEAR, new SeedStream(5));
    return fixture(tf, critic, outputs);
  }

  private static Fixture dense(Graph g, int outputs) {
    Ops tf = Ops.create(g);
    DenseNetwork<TFloat64> critic = DenseNetwork.create(tf, "critic", TFloat64.class,
        new int[] {D + CLASSES, 6, HIDDEN, outputs}, Activation.TANH, Activation.LINEAR, new SeedStream(9));
    return fixture(tf, critic, outputs);
  }

  private static Fixture fixture(Ops tf, LinearOutputNetwork<TFloat64> critic, int outputs) {
    return new Fixture(tf, critic, critic.read(tf),
        tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(ROWS, D))),
        tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(ROWS, CLASSES))),
        tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(ROWS, outputs))), outputs);
  }

  private static List<FiniteDifferences.Input> inputs(Fixture f, SplittableRandom r) {
    List<FiniteDifferences.Input> in = new ArrayList<>();
    List<ResourceVariable<TFloat64>> vars = f.critic().variables();
    for (int k = 0; k < vars.size(); k++) {
      Shape shape = vars.get(k).shape();
      in.add(new FiniteDifferences.Input(f.weights().tensors().get(k), shape,
          FiniteDifferences.random(r, (int) shape.size(), -0.6, 0.6)));
    }
    double[] mask = new double[ROWS * f.outputs()];
    for (int i = 0; i < mask.length; i++) {
      mask[i] = r.nextDouble() < 0.5 ? 1 : 0;
    }
    double[] labels = new double[ROWS * CLASSES];
    for (int i = 0; i < ROWS; i++) {
      labels[i * CLASSES + r.nextInt(CLASSES)] = 1;
    }
    in.add(new FiniteDifferences.Input(f.x(), Shape.of(ROWS, D), FiniteDifferences.random(r, ROWS * D, 0, 1)));
    in.add(new FiniteDifferences.Input(f.y(), Shape.of(ROWS, CLASSES), labels));
    in.add(new FiniteDifferences.Input(f.mask(), Shape.of(ROWS, f.outputs()), mask));
    return in;
  }

  @Test
  void convolutionalPenaltyGradientMatchesFiniteDifferences() {
    try (Graph g = new Graph()) {
      Fixture f = convolutional(g, Activation.TANH, D + 1);
      Operand<TFloat64> penalty = GradientPenalties.elementwise(f.tf(), f.critic(), f.weights(), f.x(), f.y(),
          f.mask(), ROWS, D + 1);
      List<Operand<?>> grads = f.tf().gradients(penalty, f.weights().tensors()).dy().stream()
          .<Operand<?>>map(o -> o).toList();
      List<FiniteDifferences.Input> in = inputs(f, new SplittableRandom(41));
      try (Session s = new Session(g)) {
        assertTrue(FiniteDifferences.value(s, penalty, in) > 0, "a positive penalty");
        double err = FiniteDifferences.maxRelativeError(s, penalty, grads, in, 1e-6);
        assertTrue(err < 1e-5, "relative error " + err);
      }
    }
  }

  @Test
  void gramFormulationEqualsOutputBlocksForConvolutionalAndDenseCritics() {
    for (boolean conv : new boolean[] {true, false}) {
      try (Graph g = new Graph()) {
        Fixture f = conv ? convolutional(g, Activation.RELU, D + 1) : dense(g, D + 1);
        Ops tf = f.tf();
        Operand<TInt32> picked = tf.constant(new int[] {7, 0, 64, 30, 12});
        List<Operand<TFloat64>> pairs = List.of(
            GradientPenalties.byHiddenGram(tf, f.critic(), f.weights(), f.x(), f.y(), f.mask(), ROWS, D + 1, null),
            GradientPenalties.byOutputBlocks(tf, f.critic(), f.weights(), f.x(), f.y(), f.mask(), ROWS, D + 1, null),
            GradientPenalties.byHiddenGram(tf, f.critic(), f.weights(), f.x(), f.y(), f.mask(), ROWS, D + 1, picked),
            GradientPenalties.byOutputBlocks(tf, f.critic(), f.weights(), f.x(), f.y(), f.mask(), ROWS, D + 1, picked));
        List<Operand<?>> fetches = new ArrayList<>(pairs);
        // The gradients with respect to the weights agree too.
        fetches.addAll(tf.gradients(pairs.get(0), f.weights().tensors()).dy());
        fetches.addAll(tf.gradients(pairs.get(1), f.weights().tensors()).dy());
        List<FiniteDifferences.Input> in = inputs(f, new SplittableRandom(conv ? 43 : 47));
        try (Session s = new Session(g)) {
          List<double[]> v = FiniteDifferences.evaluate(s, fetches, in);
          assertTrue(v.get(1)[0] > 0);
          assertEquals(v.get(1)[0], v.get(0)[0], 1e-10 * v.get(1)[0], "all outputs, conv " + conv);
          assertEquals(v.get(3)[0], v.get(2)[0], 1e-10 * v.get(3)[0], "sampled outputs, conv " + conv);
          int n = f.weights().tensors().size();
          for (int k = 0; k < n; k++) {
            double[] a = v.get(4 + k);
            double[] b = v.get(4 + n + k);
            for (int j = 0; j < a.length; j++) {
              assertEquals(b[j], a[j], 1e-9 * (1 + Math.abs(b[j])), "weight " + k + "[" + j + "], conv " + conv);
            }
          }
        }
      }
    }
  }

  @Test
  void elementwiseUsesTheGramFormulationWhenTheHiddenLayerIsNarrower() {
    try (Graph g = new Graph()) {
      Fixture f = convolutional(g, Activation.RELU, D + 1);
      GradientPenalties.elementwise(f.tf(), f.critic(), f.weights(), f.x(), f.y(), f.mask(), ROWS, D + 1);
      boolean gram = false;
      for (java.util.Iterator<org.tensorflow.GraphOperation> it = g.operations(); it.hasNext(); ) {
        gram |= it.next().type().startsWith("BatchMatMul");
      }
      assertTrue(gram, "a batched Gram matrix in the graph");
    }
  }
}
