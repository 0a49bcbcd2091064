package io.hexagan.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
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
 * A dense network with normalised hidden layers ({@link DenseNetwork#withNormalizedHidden()}), in
 * float64 with every weight fed: the output against the formula computed here, and the gradients
 * with respect to the input and every weight against finite differences.
 */
class NormalizedHiddenTest {
  private static final int IN = 3;
  private static final int UNITS = 5;
  private static final int OUT = 2;
  private static final int ROWS = 4;

  private static double[] random(SplittableRandom r, int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextDouble(-1, 1);
    }
    return v;
  }

  @Test
  void outputFollowsTheFormulaAndGradientsMatchFiniteDifferences() {
    SplittableRandom r = new SplittableRandom(11);
    double[] x = random(r, ROWS * IN);
    double[] w0 = random(r, IN * UNITS);
    double[] b0 = random(r, UNITS);
    double[] w1 = random(r, UNITS * OUT);
    double[] b1 = random(r, OUT);
    double[] weightsOut = random(r, ROWS * OUT);
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      DenseNetwork<TFloat64> plain = DenseNetwork.create(tf, "net", TFloat64.class, new int[] {IN, UNITS, OUT},
          Activation.TANH, Activation.LINEAR, new SeedStream(1));
      DenseNetwork<TFloat64> net = plain.withNormalizedHidden();
      assertTrue(net.normalizedHidden());
      assertFalse(plain.normalizedHidden());
      assertEquals(plain.variables(), net.variables(), "the same variables");
      List<FiniteDifferences.Input> inputs = new ArrayList<>();
      List<Operand<TFloat64>> fed = new ArrayList<>();
      double[][] values = {x, w0, b0, w1, b1};
      Shape[] shapes = {Shape.of(ROWS, IN), Shape.of(IN, UNITS), Shape.of(UNITS), Shape.of(UNITS, OUT), Shape.of(OUT)};
      for (int k = 0; k < values.length; k++) {
        Placeholder<TFloat64> p = tf.placeholder(TFloat64.class, Placeholder.shape(shapes[k]));
        fed.add(p);
        inputs.add(new FiniteDifferences.Input(p, shapes[k], values[k]));
      }
      DenseNetwork.Weights<TFloat64> w = new DenseNetwork.Weights<>(fed.subList(1, fed.size()));
      Operand<TFloat64> out = net.apply(tf, w, fed.get(0));
      // A scalar with a different weight per output, so that no direction of the gradient cancels.
      Operand<TFloat64> scalar = tf.reduceSum(tf.math.mul(out, tf.constant(Shape.of(ROWS, OUT),
          org.tensorflow.ndarray.buffer.DataBuffers.of(weightsOut, true, false))), tf.constant(new int[] {0, 1}));
      List<Operand<?>> grads = new ArrayList<>(tf.gradients(scalar, fed).dy());

      double[] expected = expected(x, w0, b0, w1, b1);
      double[] actual = FiniteDifferences.evaluate(s, List.of(out), inputs).get(0);
      for (int i = 0; i < expected.length; i++) {
        assertEquals(expected[i], actual[i], 1e-12, "output " + i);
      }
      double worst = FiniteDifferences.maxRelativeError(s, scalar, grads, inputs, 1e-6);
      assertTrue(worst < 1e-6, "largest relative error of the gradients: " + worst);
    }
  }

  /** tanh((z − μ) / √(σ² + ε)) W1 + b1 with z = x W0 + b0, per row. */
  private static double[] expected(double[] x, double[] w0, double[] b0, double[] w1, double[] b1) {
    double[] out = new double[ROWS * OUT];
    for (int row = 0; row < ROWS; row++) {
      double[] z = new double[UNITS];
      double mean = 0;
      for (int u = 0; u < UNITS; u++) {
        z[u] = b0[u];
        for (int i = 0; i < IN; i++) {
          z[u] += x[row * IN + i] * w0[i * UNITS + u];
        }
        mean += z[u] / UNITS;
      }
      double variance = 0;
      for (int u = 0; u < UNITS; u++) {
        variance += (z[u] - mean) * (z[u] - mean) / UNITS;
      }
      double scale = 1 / Math.sqrt(variance + DenseNetwork.NORMALIZATION_EPSILON);
      for (int o = 0; o < OUT; o++) {
        double v = b1[o];
        for (int u = 0; u < UNITS; u++) {
          v += Math.tanh((z[u] - mean) * scale) * w1[u * OUT + o];
        }
        out[row * OUT + o] = v;
      }
    }
    return out;
  }

  /**
   * With {@code imputerLayerNorm}, E's and G_MI's first hidden layers ignore a positive scale of
   * their weights and bias (the normalisation divides it out, up to ε); without it they do not.
   */
  @Test
  void imputerLayerNormReachesEAndTheImputationGenerator() {
    for (boolean skip : new boolean[] {false, true}) {
      Architecture base = Architecture.defaults().withLinearSkip(skip);
      double normalised = firstLayerScaleEffect(base.withImputerLayerNorm(true));
      double plain = firstLayerScaleEffect(base);
      assertTrue(normalised < 1e-4, "skip " + skip + ": with the normalisation, scaled weights change E and G_MI by " + normalised);
      assertTrue(plain > 1e-2, "skip " + skip + ": without it, by " + plain);
    }
  }

  /** The largest change of G_MI(E(x̃, m)) when E's and G_MI's first weights and biases are multiplied by 10. */
  private static double firstLayerScaleEffect(Architecture architecture) {
    int d = 3;
    int rows = 4;
    Architecture.Resolved arch = architecture.resolve(d);
    SplittableRandom r = new SplittableRandom(3);
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Encoder<TFloat64> e = Encoder.create(tf, "", TFloat64.class, d, arch, EncoderInputs.NONE, new SeedStream(1));
      ImputationGenerator<TFloat64> gen = ImputationGenerator.create(tf, "", TFloat64.class, d, arch, new SeedStream(2), null);
      Operand<TFloat64> x = tf.constant(Shape.of(rows, d), org.tensorflow.ndarray.buffer.DataBuffers.of(random(r, rows * d), true, false));
      Operand<TFloat64> m = tf.onesLike(x);
      s.initialize();
      List<Operand<TFloat64>> outs = new ArrayList<>();
      for (double scale : new double[] {1, 10}) {
        DenseNetwork.Weights<TFloat64> we = scaledFirstLayer(tf, e.network().read(tf), scale);
        DenseNetwork.Weights<TFloat64> wg = scaledFirstLayer(tf, gen.network().read(tf), scale);
        outs.add(gen.generate(tf, wg, e.encode(tf, we, x, m), x, m, m));
      }
      List<double[]> v = FiniteDifferences.evaluate(s, List.copyOf(outs), List.of());
      double worst = 0;
      for (int i = 0; i < v.get(0).length; i++) {
        worst = Math.max(worst, Math.abs(v.get(0)[i] - v.get(1)[i]));
      }
      return worst;
    }
  }

  private static DenseNetwork.Weights<TFloat64> scaledFirstLayer(Ops tf, DenseNetwork.Weights<TFloat64> w, double scale) {
    List<Operand<TFloat64>> t = new ArrayList<>(w.tensors());
    for (int k = 0; k < 2; k++) {
      t.set(k, tf.math.mul(t.get(k), tf.constant(scale)));
    }
    return new DenseNetwork.Weights<>(t);
  }
}
