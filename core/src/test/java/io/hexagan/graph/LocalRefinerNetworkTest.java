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
 * G_MI's local refiner for images, in float64 with the refiner's weights fed: the output against
 * the convolutions computed here, a pixel's own value never reaching its own output while its
 * neighbours' within the 5×5 window do, a missing pixel contributing nothing, the refiner adding only
 * to pixels E did not see, the plain output the training losses see, the refiner's own loss, and
 * the gradients against finite differences.
 */
class LocalRefinerNetworkTest {
  private static final int SIDE = 8;
  private static final int D = SIDE * SIDE;
  private static final int LATENT = 3;
  private static final int F = 3;
  private static final int ROWS = 2;
  private static final ImageLayout IMAGE = new ImageLayout(SIDE, SIDE, 1, 2, 2, F);

  /** The graph: placeholders for h, x, m, e and the refiner's six tensors; G_MI's own weights read. */
  private static final class Fixture implements AutoCloseable {
    final Graph graph = new Graph();
    final Session session = new Session(graph);
    final List<FiniteDifferences.Input> inputs = new ArrayList<>();
    final double[] w0 = new double[25 * 2 * F];
    final double[] b0 = new double[F];
    final double[] w1 = new double[F * F];
    final double[] b1 = new double[F];
    final double[] w2 = new double[F];
    final double[] b2 = new double[1];
    final double[] h;
    final double[] x;
    final double[] m = new double[ROWS * D];
    final double[] e;
    final Operand<TFloat64> output;
    final Operand<TFloat64> outputWithoutRows;
    final Operand<TFloat64> deconvolutionLogits;
    final Operand<TFloat64> plain;
    final Operand<TFloat64> refinement;

    Fixture(long seed) {
      SplittableRandom r = new SplittableRandom(seed);
      for (double[] w : List.of(w0, b0, w1, b1, w2, b2)) {
        System.arraycopy(FiniteDifferences.random(r, w.length, -1, 1), 0, w, 0, w.length);
      }
      h = FiniteDifferences.random(r, ROWS * LATENT, -1, 1);
      x = FiniteDifferences.random(r, ROWS * D, 0, 1);
      for (int i = 0; i < m.length; i++) {
        m[i] = r.nextDouble() < 0.5 ? 0 : 1;
      }
      // E saw the observed pixels but every third, which the input dropout hid.
      e = m.clone();
      for (int i = 0; i < e.length; i += 3) {
        e[i] = 0;
      }
      Ops tf = Ops.create(graph);
      DeconvolutionalNetwork<TFloat64> deconvolution = DeconvolutionalNetwork.create(tf, "g", TFloat64.class, LATENT,
          SIDE, SIDE, 1, 2, Activation.RELU, Activation.LINEAR, new SeedStream(1));
      LocalRefinerNetwork<TFloat64> net = LocalRefinerNetwork.create(tf, deconvolution, IMAGE, Activation.RELU,
          new SeedStream(2));
      List<Operand<TFloat64>> weights = new ArrayList<>(deconvolution.read(tf).tensors());
      weights.add(fed(tf, w0, Shape.of(5, 5, 2, F)));
      weights.add(fed(tf, b0, Shape.of(F)));
      weights.add(fed(tf, w1, Shape.of(1, 1, F, F)));
      weights.add(fed(tf, b1, Shape.of(F)));
      weights.add(fed(tf, w2, Shape.of(1, 1, F, 1)));
      weights.add(fed(tf, b2, Shape.of(1)));
      Placeholder<TFloat64> xp = fed(tf, x, Shape.of(ROWS, D));
      Placeholder<TFloat64> hp = fed(tf, h, Shape.of(ROWS, LATENT));
      Placeholder<TFloat64> mp = fed(tf, m, Shape.of(ROWS, D));
      Placeholder<TFloat64> ep = fed(tf, e, Shape.of(ROWS, D));
      DenseNetwork.Weights<TFloat64> all = new DenseNetwork.Weights<>(weights);
      output = net.apply(tf, all, hp, xp, mp, ep);
      outputWithoutRows = net.apply(tf, all, hp, null, null, null);
      deconvolutionLogits = deconvolution.apply(tf, new DenseNetwork.Weights<>(weights.subList(0, 6)), hp);
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

    /** The path's term at every pixel, computed here: 5×5 (centre dropped), 1×1, 1×1. */
    double[] localTerm() {
      double[] out = new double[ROWS * D];
      for (int row = 0; row < ROWS; row++) {
        for (int py = 0; py < SIDE; py++) {
          for (int px = 0; px < SIDE; px++) {
            double[] a = new double[F];
            for (int f = 0; f < F; f++) {
              double z = b0[f];
              for (int ky = 0; ky < 5; ky++) {
                for (int kx = 0; kx < 5; kx++) {
                  int y = py + ky - 2;
                  int xx = px + kx - 2;
                  if ((ky == 2 && kx == 2) || y < 0 || y >= SIDE || xx < 0 || xx >= SIDE) {
                    continue;
                  }
                  int i = row * D + y * SIDE + xx;
                  int tap = (ky * 5 + kx) * 2 * F;
                  z += x[i] * m[i] * w0[tap + f] + m[i] * w0[tap + F + f];
                }
              }
              a[f] = Math.max(0, z);
            }
            double s = b2[0];
            for (int g = 0; g < F; g++) {
              double z = b1[g];
              for (int f = 0; f < F; f++) {
                z += a[f] * w1[f * F + g];
              }
              s += Math.max(0, z) * w2[g];
            }
            out[row * D + py * SIDE + px] = s;
          }
        }
      }
      return out;
    }

    @Override
    public void close() {
      session.close();
      graph.close();
    }
  }

  @Test
  void outputIsTheSigmoidOfTheDeconvolutionPlusTheBlindLocalTermWhereEncoderDidNotLook() {
    try (Fixture f = new Fixture(3)) {
      double[] logits = f.run(f.deconvolutionLogits);
      double[] local = f.localTerm();
      double[] out = f.run(f.output);
      for (int i = 0; i < out.length; i++) {
        double z = logits[i] + (1 - f.e[i]) * local[i];
        assertEquals(1 / (1 + Math.exp(-z)), out[i], 1e-12, "pixel " + i);
      }
      double[] plain = f.run(f.outputWithoutRows);
      for (int i = 0; i < plain.length; i++) {
        assertEquals(1 / (1 + Math.exp(-logits[i])), plain[i], 1e-12, "pixel " + i + " without observed pixels");
      }
    }
  }

  @Test
  void aPixelNeverReachesItsOwnOutputButReachesItsNeighbours() {
    try (Fixture f = new Fixture(5)) {
      // An observed pixel in the middle of row 0's image, which E did not see (hidden by dropout).
      int centre = 3 * SIDE + 3;
      f.m[centre] = 1;
      f.e[centre] = 0;
      int neighbour = centre + 2; // two columns right: inside the 5×5 window
      int far = centre + 3 * SIDE; // three rows down: outside it
      f.e[neighbour] = 0;
      f.e[far] = 0;
      double[] before = f.run(f.output);
      f.x[centre] += 0.4;
      double[] after = f.run(f.output);
      assertEquals(before[centre], after[centre], 0.0, "its own output");
      assertNotEquals(before[neighbour], after[neighbour], "a neighbour E did not see");
      assertEquals(before[far], after[far], 0.0, "a pixel outside the window");
      assertArrayEquals(Arrays.copyOfRange(before, D, 2 * D), Arrays.copyOfRange(after, D, 2 * D), 0.0,
          "another image");
      f.x[centre] -= 0.4;
      f.m[centre] = 0;
      double[] missing = f.run(f.output);
      f.x[centre] += 0.4;
      assertArrayEquals(missing, f.run(f.output), 0.0, "a missing pixel's value");
    }
  }

  @Test
  void thePathAddsOnlyToPixelsEncoderDidNotSee() {
    try (Fixture f = new Fixture(9)) {
      double[] before = f.run(f.output);
      f.b2[0] += 0.5;
      FiniteDifferences.assertChangedOnlyWhereUnseen(before, f.run(f.output), f.e, "pixel");
    }
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (Fixture f = new Fixture(11)) {
      Ops tf = Ops.create(f.graph);
      // Inputs in creation order: the refiner's six tensors, x, h (then m and e, not differentiated).
      Operand<TFloat64> scalar = FiniteDifferences.randomWeightedSum(tf, f.output, ROWS, D, 13);
      List<Operand<?>> gradients = FiniteDifferences.gradients(tf, scalar, f.inputs, 8);
      // Step 1e-5: the sum runs over 128 outputs, so round-off at 1e-6 reaches 1e-6 of small gradients.
      double worst = FiniteDifferences.maxRelativeError(f.session, scalar, gradients, f.inputs, 1e-5);
      assertTrue(worst < 1e-6, "largest relative error " + worst);
    }
  }

  @Test
  void inTrainingTheGameSeesThePlainOutputAndOnlyTheRefinerLearnsFromItsLoss() {
    try (Fixture f = new Fixture(17)) {
      double[] logits = f.run(f.deconvolutionLogits);
      double[] plain = f.run(f.plain);
      for (int i = 0; i < plain.length; i++) {
        assertEquals(1 / (1 + Math.exp(-logits[i])), plain[i], 1e-12, "pixel " + i);
      }
      // The loss: mean squared error of σ(g + s) over the hidden pixels (observed, e = 0).
      double[] local = f.localTerm();
      double sum = 0;
      double count = 0;
      for (int i = 0; i < logits.length; i++) {
        double hidden = f.m[i] - f.e[i];
        double refined = 1 / (1 + Math.exp(-(logits[i] + local[i])));
        sum += hidden * (refined - f.x[i]) * (refined - f.x[i]);
        count += hidden;
      }
      assertTrue(count > 0);
      assertEquals(sum / count, f.run(f.refinement)[0], 1e-12);
      Ops tf = Ops.create(f.graph);
      // Inputs in creation order: the refiner's six tensors, then x. (h, which carries E's gradient,
      // has none: g's logits enter the loss through a stopped gradient.)
      List<Operand<?>> gradients = FiniteDifferences.gradients(tf, f.refinement, f.inputs, 7);
      List<double[]> g = FiniteDifferences.evaluate(f.session, gradients, f.inputs);
      assertTrue(Arrays.stream(g.get(4)).anyMatch(v -> v != 0), "the refiner's last kernel learns");
      double worst = FiniteDifferences.maxRelativeError(f.session, f.refinement, gradients, f.inputs, 1e-5);
      assertTrue(worst < 1e-6, "largest relative error " + worst);
    }
  }

  @Test
  void theLastConvolutionStartsAtZeroSoTrainingStartsAsPlainHexaGan() {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      DeconvolutionalNetwork<TFloat64> deconvolution = DeconvolutionalNetwork.create(tf, "g", TFloat64.class, LATENT,
          SIDE, SIDE, 1, 2, Activation.RELU, Activation.LINEAR, new SeedStream(1));
      LocalRefinerNetwork<TFloat64> net = LocalRefinerNetwork.create(tf, deconvolution, IMAGE, Activation.RELU,
          new SeedStream(2));
      assertEquals(LATENT + 3 * D, net.inputWidth());
      assertEquals(deconvolution.variables().size() + 6, net.variables().size());
      assertEquals(deconvolution.parameterCount() + 25 * 2 * F + F + F * F + F + F + 1, net.parameterCount());
      Operand<TFloat64> h = tf.constant(new double[][] {{0.1, -0.2, 0.3}});
      Operand<TFloat64> x = tf.constant(new double[][] {FiniteDifferences.random(new SplittableRandom(1), D, 0, 1)});
      Operand<TFloat64> m = tf.math.round(x);
      Operand<TFloat64> e = tf.zerosLike(x);
      Operand<TFloat64> with = net.apply(tf, net.read(tf), h, x, m, e);
      Operand<TFloat64> without = tf.math.sigmoid(deconvolution.apply(tf, deconvolution.read(tf), h));
      try (Session s = new Session(graph)) {
        s.initialize();
        assertArrayEquals(FiniteDifferences.evaluate(s, List.of(without), List.of()).get(0),
            FiniteDifferences.evaluate(s, List.of(with), List.of()).get(0), 0.0);
      }
      assertThrows(IllegalArgumentException.class, () -> LocalRefinerNetwork.create(tf, deconvolution,
          IMAGE.withRefinerFilters(0), Activation.RELU, new SeedStream(3)));
    }
  }
}
