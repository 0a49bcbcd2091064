package io.hexagan.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat64;

/**
 * G_MI's refiner for tables, in float64 with the refiner's weights and the skip matrix fed: the
 * output against the formula computed here, a cell E did not see never reaching any refiner term
 * (so never its own output), the refiner adding only to cells E did not see, the plain output the
 * training losses see, the refiner's own loss, the gradients against finite differences, and the
 * refiner starting as the identity.
 */
class TableRefinerNetworkTest {
  private static final int D = 5;
  private static final int LATENT = 3;
  private static final int U = 4;
  private static final int ROWS = 3;
  private static final int IN = 2 * D + LATENT;

  /** The graph: placeholders for the refiner's six tensors, x, h, m, e and S; G_MI's dense weights read. */
  private static final class Fixture implements AutoCloseable {
    final Graph graph = new Graph();
    final Session session = new Session(graph);
    final List<FiniteDifferences.Input> inputs = new ArrayList<>();
    final double[] w0 = new double[IN * U];
    final double[] b0 = new double[U];
    final double[] w1 = new double[U * U];
    final double[] b1 = new double[U];
    final double[] wOut = new double[U * D];
    final double[] bOut = new double[D];
    final double[] x;
    final double[] h;
    final double[] m = new double[ROWS * D];
    final double[] e;
    final double[] skip;
    final Operand<TFloat64> output;
    final Operand<TFloat64> outputWithoutRows;
    final Operand<TFloat64> baseOutput;
    final Operand<TFloat64> baseOutputWithoutRows;
    final Operand<TFloat64> plain;
    final Operand<TFloat64> refinement;

    Fixture(long seed) {
      SplittableRandom r = new SplittableRandom(seed);
      for (double[] w : List.of(w0, b0, w1, b1, wOut, bOut)) {
        System.arraycopy(FiniteDifferences.random(r, w.length, -1, 1), 0, w, 0, w.length);
      }
      x = FiniteDifferences.random(r, ROWS * D, 0, 1);
      h = FiniteDifferences.random(r, ROWS * LATENT, -1, 1);
      for (int i = 0; i < m.length; i++) {
        m[i] = i % 4 == 3 ? 0 : 1;
      }
      // E saw the observed cells but every third, which the input dropout hid.
      e = m.clone();
      for (int i = 0; i < e.length; i += 3) {
        e[i] = 0;
      }
      // Stored S (the effective one is SCALE times it); its diagonal is masked by the network.
      skip = FiniteDifferences.random(r, D * D, -0.1, 0.1);
      Ops tf = Ops.create(graph);
      DenseNetwork<TFloat64> dense = DenseNetwork.create(tf, "g", TFloat64.class, new int[] {LATENT, 6, D},
          Activation.RELU, Activation.LINEAR, new SeedStream(1));
      SkipConnectedNetwork<TFloat64> base = SkipConnectedNetwork.create(tf, dense, new float[] {0.5f, 0.4f, 0.3f,
          0.6f, 0.5f}, false);
      TableRefinerNetwork<TFloat64> net = TableRefinerNetwork.create(tf, base, LATENT, U, Activation.RELU,
          new SeedStream(2));
      List<Operand<TFloat64>> read = base.read(tf).tensors();
      List<Operand<TFloat64>> own = new ArrayList<>();
      own.add(fed(tf, w0, Shape.of(IN, U)));
      own.add(fed(tf, b0, Shape.of(U)));
      own.add(fed(tf, w1, Shape.of(U, U)));
      own.add(fed(tf, b1, Shape.of(U)));
      own.add(fed(tf, wOut, Shape.of(U, D)));
      own.add(fed(tf, bOut, Shape.of(D)));
      Placeholder<TFloat64> xp = fed(tf, x, Shape.of(ROWS, D));
      Placeholder<TFloat64> hp = fed(tf, h, Shape.of(ROWS, LATENT));
      Placeholder<TFloat64> mp = fed(tf, m, Shape.of(ROWS, D));
      Placeholder<TFloat64> ep = fed(tf, e, Shape.of(ROWS, D));
      Placeholder<TFloat64> sp = fed(tf, skip, Shape.of(D, D));
      List<Operand<TFloat64>> baseWeights = new ArrayList<>(read.subList(0, 4));
      baseWeights.add(sp);
      baseWeights.add(read.get(5));
      List<Operand<TFloat64>> weights = new ArrayList<>(baseWeights);
      weights.addAll(own);
      DenseNetwork.Weights<TFloat64> all = new DenseNetwork.Weights<>(weights);
      DenseNetwork.Weights<TFloat64> plainWeights = new DenseNetwork.Weights<>(baseWeights);
      output = net.apply(tf, all, hp, xp, mp, ep);
      outputWithoutRows = net.apply(tf, all, hp, null, null, null);
      baseOutput = base.apply(tf, plainWeights, hp, xp, mp, ep);
      baseOutputWithoutRows = base.apply(tf, plainWeights, hp, null, null, null);
      Operand<TFloat64> decoderLogits = net.decoderLogits(tf, all, hp, xp, mp, ep);
      plain = tf.math.sigmoid(decoderLogits);
      refinement = net.refinementLoss(tf, all, hp, decoderLogits, xp, mp, tf.math.sub(mp, ep));
      session.initialize();
    }

    private Placeholder<TFloat64> fed(Ops tf, double[] value, Shape shape) {
      Placeholder<TFloat64> p = tf.placeholder(TFloat64.class, Placeholder.shape(shape));
      inputs.add(new FiniteDifferences.Input(p, shape, value));
      return p;
    }

    double[] run(Operand<TFloat64> fetch) {
      return FiniteDifferences.evaluate(session, List.of(fetch), inputs).get(0);
    }

    /** s(x ⊙ e, e, h) at every cell, computed here. */
    double[] refinerTerm() {
      double[] out = new double[ROWS * D];
      for (int row = 0; row < ROWS; row++) {
        double[] in = new double[IN];
        for (int j = 0; j < D; j++) {
          in[j] = x[row * D + j] * e[row * D + j];
          in[D + j] = e[row * D + j];
        }
        System.arraycopy(h, row * LATENT, in, 2 * D, LATENT);
        double[] a = relu(in, w0, b0);
        double[] b = relu(a, w1, b1);
        for (int j = 0; j < D; j++) {
          double s = bOut[j];
          for (int k = 0; k < U; k++) {
            s += b[k] * wOut[k * D + j];
          }
          out[row * D + j] = s;
        }
      }
      return out;
    }

    private static double[] relu(double[] in, double[] w, double[] b) {
      double[] out = new double[b.length];
      for (int k = 0; k < b.length; k++) {
        double z = b[k];
        for (int j = 0; j < in.length; j++) {
          z += in[j] * w[j * b.length + k];
        }
        out[k] = Math.max(0, z);
      }
      return out;
    }

    @Override
    public void close() {
      session.close();
      graph.close();
    }
  }

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  private static double logit(double p) {
    return Math.log(p / (1 - p));
  }

  @Test
  void outputIsTheSigmoidOfGMiLogitsPlusTheRefinerWhereEncoderDidNotLook() {
    try (Fixture f = new Fixture(3)) {
      double[] base = f.run(f.baseOutput);
      double[] term = f.refinerTerm();
      double[] out = f.run(f.output);
      for (int i = 0; i < out.length; i++) {
        assertEquals(sigmoid(logit(base[i]) + (1 - f.e[i]) * term[i]), out[i], 1e-12, "cell " + i);
      }
      assertArrayEquals(f.run(f.baseOutputWithoutRows), f.run(f.outputWithoutRows), 1e-15,
          "rows without observed cells (decoded from G_CG)");
      assertArrayEquals(base, f.run(f.plain), 1e-15, "what the training losses see");
    }
  }

  @Test
  void aCellEncoderDidNotSeeReachesNoRefinerTerm() {
    try (Fixture f = new Fixture(5)) {
      // Cell 0 of row 0: observed, hidden by the dropout (e = 0); the refiner term of every cell
      // (its own too) ignores it; the skip path's zero diagonal keeps it from its own logit.
      assertEquals(1, f.m[0]);
      assertEquals(0, f.e[0]);
      double[] before = f.run(f.output);
      double[] termBefore = f.refinerTerm();
      f.x[0] += 0.3;
      double[] after = f.run(f.output);
      assertArrayEquals(termBefore, f.refinerTerm(), 0.0);
      assertEquals(before[0], after[0], 0.0, "its own output");
      // A cell E saw does reach the refiner's terms of the others.
      f.x[0] -= 0.3;
      int seen = 1;
      assertEquals(1, f.e[seen]);
      f.x[seen] += 0.3;
      double[] moved = f.run(f.output);
      assertNotEquals(before[3], moved[3], "cell 3 of row 0, not seen by E");
      assertEquals(before[seen], moved[seen], 0.0, "its own output, seen by E");
    }
  }

  @Test
  void theRefinerAddsOnlyToCellsEncoderDidNotSee() {
    try (Fixture f = new Fixture(9)) {
      double[] before = f.run(f.output);
      Arrays.setAll(f.bOut, j -> f.bOut[j] + 0.5);
      FiniteDifferences.assertChangedOnlyWhereUnseen(before, f.run(f.output), f.e, "cell");
    }
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (Fixture f = new Fixture(11)) {
      Ops tf = Ops.create(f.graph);
      // Inputs in creation order: the refiner's six tensors, x, h (then m, e and S, not differentiated).
      Operand<TFloat64> scalar = FiniteDifferences.randomWeightedSum(tf, f.output, ROWS, D, 13);
      List<Operand<?>> gradients = FiniteDifferences.gradients(tf, scalar, f.inputs, 8);
      double worst = FiniteDifferences.maxRelativeError(f.session, scalar, gradients, f.inputs, 1e-5);
      assertTrue(worst < 1e-6, "largest relative error " + worst);
    }
  }

  @Test
  void theRefinersLossIsItsSquaredErrorOnTheHiddenCellsAndOnlyTheRefinerLearnsFromIt() {
    try (Fixture f = new Fixture(17)) {
      double[] base = f.run(f.baseOutput);
      double[] term = f.refinerTerm();
      double sum = 0;
      double count = 0;
      for (int i = 0; i < base.length; i++) {
        double hidden = f.m[i] - f.e[i];
        double refined = sigmoid(logit(base[i]) + term[i]);
        sum += hidden * (refined - f.x[i]) * (refined - f.x[i]);
        count += hidden;
      }
      assertTrue(count > 0);
      assertEquals(sum / count, f.run(f.refinement)[0], 1e-12);
      Ops tf = Ops.create(f.graph);
      // The refiner's six tensors (x also moves G_MI's logits, whose gradient the loss stops, so
      // finite differences in x would not match); G_MI's own weights and h reach the loss only
      // through stopped gradients.
      List<Operand<?>> gradients = FiniteDifferences.gradients(tf, f.refinement, f.inputs, 6);
      List<double[]> g = FiniteDifferences.evaluate(f.session, gradients, f.inputs);
      assertTrue(Arrays.stream(g.get(4)).anyMatch(v -> v != 0), "the refiner's output layer learns");
      double worst = FiniteDifferences.maxRelativeError(f.session, f.refinement, gradients, f.inputs, 1e-5);
      assertTrue(worst < 1e-6, "largest relative error " + worst);
    }
  }

  @Test
  void theRefinerStartsAsTheIdentityAndNeedsADenseGmi() {
    try (Graph graph = new Graph(); Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      DenseNetwork<TFloat64> dense = DenseNetwork.create(tf, "g", TFloat64.class, new int[] {LATENT, 6, D},
          Activation.RELU, Activation.LINEAR, new SeedStream(1));
      TableRefinerNetwork<TFloat64> net = TableRefinerNetwork.create(tf, dense, LATENT, U, Activation.RELU,
          new SeedStream(2));
      assertEquals(dense.variables().size() + 6, net.variables().size());
      assertEquals(LATENT + 3 * D, net.inputWidth());
      Operand<TFloat64> h = tf.constant(new double[][] {{0.1, -0.2, 0.3}, {0.5, 0.0, -0.4}});
      Operand<TFloat64> x = tf.constant(new double[][] {{0.1, 0.2, 0.3, 0.4, 0.5}, {0.9, 0.8, 0.7, 0.6, 0.5}});
      Operand<TFloat64> m = tf.constant(new double[][] {{1, 0, 1, 0, 1}, {0, 1, 1, 1, 0}});
      Operand<TFloat64> refined = net.apply(tf, net.read(tf), h, x, m, m);
      Operand<TFloat64> plain = tf.math.sigmoid(dense.apply(tf, dense.read(tf), h));
      session.initialize();
      double[] a = FiniteDifferences.evaluate(session, List.of(refined), List.of()).get(0);
      double[] b = FiniteDifferences.evaluate(session, List.of(plain), List.of()).get(0);
      assertArrayEquals(b, a, 0.0);
      assertThrows(IllegalArgumentException.class,
          () -> TableRefinerNetwork.create(tf, dense, LATENT, 0, Activation.RELU, new SeedStream(2)));
    }
  }
}
