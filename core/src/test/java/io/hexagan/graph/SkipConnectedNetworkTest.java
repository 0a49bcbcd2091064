package io.hexagan.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
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
 * G_MI's linear skip path, in float64 with every weight fed: the output against the formula
 * computed here, a cell's own value never reaching its own output, a missing cell contributing
 * nothing, the path adding only to cells E did not see, and the gradients of the output and of the
 * L1 term against finite differences.
 */
class SkipConnectedNetworkTest {
  private static final int D = 4;
  private static final int LATENT = 3;
  private static final int UNITS = 5;
  private static final int ROWS = 2;
  private static final double MARGIN = 0.1;

  /** The graph: placeholders for h, x, m and every weight; the output and Σ|S| offdiagonal. */
  private static final class Fixture implements AutoCloseable {
    final Graph graph = new Graph();
    final Session session = new Session(graph);
    final List<FiniteDifferences.Input> inputs = new ArrayList<>();
    final Operand<TFloat64> output;
    final Operand<TFloat64> outputWithoutRows;
    final Operand<TFloat64> l1;
    final Operand<TFloat64> chainedOutput;
    final Operand<TFloat64> outsideOutput;
    final Operand<TFloat64> outsideChainedOutput;
    final Operand<TFloat64> marginChainedOutput;
    final double[] h;
    final double[] x;
    final double[] m;
    final double[] e;
    final double[] w0;
    final double[] b0;
    final double[] w1;
    final double[] b1;
    final double[] s;
    final double[] c;
    final SkipConnectedNetwork<TFloat64> net;
    final DenseNetwork.Weights<TFloat64> weights;
    final Placeholder<TFloat64> hp;
    final Placeholder<TFloat64> xp;
    final Placeholder<TFloat64> mp;

    Fixture(long seed) {
      SplittableRandom r = new SplittableRandom(seed);
      h = random(r, ROWS * LATENT, 1);
      x = random(r, ROWS * D, 1);
      m = new double[ROWS * D];
      for (int i = 0; i < m.length; i++) {
        m[i] = i % 3 == 1 ? 0 : 1;
      }
      // E saw the observed cells but one, which the input dropout hid (row 1, column 0).
      e = m.clone();
      e[D] = 0;
      w0 = random(r, LATENT * UNITS, 1);
      b0 = random(r, UNITS, 0.5);
      w1 = random(r, UNITS * D, 1);
      b1 = random(r, D, 0.5);
      // S (stored, effective / SCALE) away from 0, where |·| has its kink; the diagonal non-zero
      // too: the network must drop it.
      s = new double[D * D];
      for (int i = 0; i < s.length; i++) {
        s[i] = (r.nextBoolean() ? 1 : -1) * (0.2 + 0.8 * r.nextDouble()) / SkipConnectedNetwork.SCALE;
      }
      c = random(r, D, 0.5);
      Ops tf = Ops.create(graph);
      DenseNetwork<TFloat64> dense = DenseNetwork.create(tf, "g", TFloat64.class, new int[] {LATENT, UNITS, D},
          Activation.RELU, Activation.LINEAR, new SeedStream(1));
      net = SkipConnectedNetwork.create(tf, dense, new float[D], false);
      Placeholder<TFloat64> sp = fed(tf, s, Shape.of(D, D));
      Placeholder<TFloat64> cp = fed(tf, c, Shape.of(D));
      xp = fed(tf, x, Shape.of(ROWS, D));
      hp = fed(tf, h, Shape.of(ROWS, LATENT));
      Placeholder<TFloat64> w0p = fed(tf, w0, Shape.of(LATENT, UNITS));
      Placeholder<TFloat64> b0p = fed(tf, b0, Shape.of(UNITS));
      Placeholder<TFloat64> w1p = fed(tf, w1, Shape.of(UNITS, D));
      Placeholder<TFloat64> b1p = fed(tf, b1, Shape.of(D));
      mp = fed(tf, m, Shape.of(ROWS, D));
      Placeholder<TFloat64> ep = fed(tf, e, Shape.of(ROWS, D));
      weights = new DenseNetwork.Weights<>(List.of(w0p, b0p, w1p, b1p, sp, cp));
      output = net.apply(tf, weights, hp, xp, mp, ep);
      outputWithoutRows = net.apply(tf, weights, hp, null, null, null);
      l1 = net.l1(tf, weights);
      DenseNetwork<TFloat64> twin = DenseNetwork.create(tf, "chained", TFloat64.class, new int[] {LATENT, UNITS, D},
          Activation.RELU, Activation.LINEAR, new SeedStream(1));
      chainedOutput = SkipConnectedNetwork.create(tf, twin, new float[D], true).apply(tf, weights, hp, xp, mp, ep);
      DenseNetwork<TFloat64> outside = DenseNetwork.create(tf, "outside", TFloat64.class, new int[] {LATENT, UNITS, D},
          Activation.RELU, Activation.LINEAR, new SeedStream(1));
      outsideOutput = SkipConnectedNetwork.create(tf, outside, new float[D], false, true, null)
          .apply(tf, weights, hp, xp, mp, ep);
      DenseNetwork<TFloat64> outsideChained = DenseNetwork.create(tf, "outside_chained", TFloat64.class,
          new int[] {LATENT, UNITS, D}, Activation.RELU, Activation.LINEAR, new SeedStream(1));
      outsideChainedOutput = SkipConnectedNetwork.create(tf, outsideChained, new float[D], true, true, null)
          .apply(tf, weights, hp, xp, mp, ep);
      DenseNetwork<TFloat64> margined = DenseNetwork.create(tf, "margined", TFloat64.class,
          new int[] {LATENT, UNITS, D}, Activation.RELU, Activation.LINEAR, new SeedStream(1));
      marginChainedOutput = SkipConnectedNetwork.create(tf, margined, new float[D], true, false, MARGIN, null)
          .apply(tf, weights, hp, xp, mp, ep);
    }

    /** The dense logits a W + b of every cell, computed here. */
    double[] denseLogits() {
      double[] out = new double[ROWS * D];
      for (int row = 0; row < ROWS; row++) {
        double[] a = new double[UNITS];
        for (int u = 0; u < UNITS; u++) {
          double z = b0[u];
          for (int k = 0; k < LATENT; k++) {
            z += h[row * LATENT + k] * w0[k * UNITS + u];
          }
          a[u] = Math.max(0, z);
        }
        for (int j = 0; j < D; j++) {
          double logit = b1[j];
          for (int u = 0; u < UNITS; u++) {
            logit += a[u] * w1[u * D + j];
          }
          out[row * D + j] = logit;
        }
      }
      return out;
    }

    /** σ(logits + (1 − e) ⊙ (v − c) S) with S's diagonal dropped, for inputs v already masked. */
    double[] pass(double[] logits, double[] v, double[] weight) {
      return pass(logits, v, weight, 0);
    }

    /** {@link #pass(double[], double[], double[])} through {@code clip((1 + 2a) σ − a, 0, 1)}. */
    double[] pass(double[] logits, double[] v, double[] weight, double a) {
      double[] out = new double[ROWS * D];
      for (int row = 0; row < ROWS; row++) {
        for (int j = 0; j < D; j++) {
          double z = logits[row * D + j];
          for (int k = 0; k < D; k++) {
            if (k != j && e[row * D + j] == 0) {
              z += (v[row * D + k] - c[k]) * weight[row * D + k] * SkipConnectedNetwork.SCALE * s[k * D + j];
            }
          }
          out[row * D + j] = Math.min(Math.max((1 + 2 * a) / (1 + Math.exp(-z)) - a, 0), 1);
        }
      }
      return out;
    }

    /** min(max(σ(logits) + (1 − e) ⊙ (v − c) S, 0), 1) with S's diagonal dropped: the path outside the sigmoid. */
    double[] passOutside(double[] logits, double[] v, double[] weight) {
      double[] out = new double[ROWS * D];
      for (int row = 0; row < ROWS; row++) {
        for (int j = 0; j < D; j++) {
          double y = 1 / (1 + Math.exp(-logits[row * D + j]));
          for (int k = 0; k < D; k++) {
            if (k != j && e[row * D + j] == 0) {
              y += (v[row * D + k] - c[k]) * weight[row * D + k] * SkipConnectedNetwork.SCALE * s[k * D + j];
            }
          }
          out[row * D + j] = Math.min(Math.max(y, 0), 1);
        }
      }
      return out;
    }

    private Placeholder<TFloat64> fed(Ops tf, double[] value, Shape shape) {
      Placeholder<TFloat64> p = tf.placeholder(TFloat64.class, Placeholder.shape(shape));
      inputs.add(new FiniteDifferences.Input(p, shape, value));
      return p;
    }

    /** The second pass's input: observed cells as they are, every other cell the first pass's value. */
    double[] observedOr(double[] first) {
      double[] filled = new double[ROWS * D];
      for (int i = 0; i < filled.length; i++) {
        filled[i] = m[i] == 1 ? x[i] : first[i];
      }
      return filled;
    }

    double[] run(Operand<TFloat64> fetch) {
      return FiniteDifferences.evaluate(session, List.of(fetch), inputs).get(0);
    }

    @Override
    public void close() {
      session.close();
      graph.close();
    }
  }

  /** Uniform in [−scale, scale). */
  private static double[] random(SplittableRandom r, int n, double scale) {
    return FiniteDifferences.random(r, n, -scale, scale);
  }

  @Test
  void outputIsTheSigmoidOfTheDenseLogitsPlusTheOffDiagonalSkip() {
    try (Fixture f = new Fixture(3)) {
      double[] out = f.run(f.output);
      for (int row = 0; row < ROWS; row++) {
        double[] a = new double[UNITS];
        for (int u = 0; u < UNITS; u++) {
          double z = f.b0[u];
          for (int k = 0; k < LATENT; k++) {
            z += f.h[row * LATENT + k] * f.w0[k * UNITS + u];
          }
          a[u] = Math.max(0, z);
        }
        for (int j = 0; j < D; j++) {
          double logit = f.b1[j];
          for (int u = 0; u < UNITS; u++) {
            logit += a[u] * f.w1[u * D + j];
          }
          for (int k = 0; k < D; k++) {
            if (k != j && f.e[row * D + j] == 0) {
              logit += (f.x[row * D + k] - f.c[k]) * f.m[row * D + k] * SkipConnectedNetwork.SCALE * f.s[k * D + j];
            }
          }
          assertEquals(1 / (1 + Math.exp(-logit)), out[row * D + j], 1e-12, "row " + row + ", column " + j);
        }
      }
      double l1 = 0;
      for (int k = 0; k < D; k++) {
        for (int j = 0; j < D; j++) {
          l1 += k == j ? 0 : SkipConnectedNetwork.SCALE * Math.abs(f.s[k * D + j]);
        }
      }
      assertEquals(l1, f.run(f.l1)[0], 1e-12);
    }
  }

  @Test
  void chainedTheSecondPassFillsTheMissingCellsWithTheFirstPassesEstimates() {
    try (Fixture f = new Fixture(4)) {
      double[] logits = f.denseLogits();
      double[] first = f.pass(logits, f.x, f.e);
      double[] filled = f.observedOr(first);
      double[] ones = new double[ROWS * D];
      Arrays.fill(ones, 1);
      double[] expected = f.pass(logits, filled, ones);
      assertArrayEquals(expected, f.run(f.chainedOutput), 1e-12);
      assertArrayEquals(f.pass(logits, f.x, f.m), f.run(f.output), 1e-12, "one pass");
    }
  }

  @Test
  void outsideTheSigmoidThePathAddsToTheOutputClippedToTheUnitInterval() {
    try (Fixture f = new Fixture(4)) {
      double[] logits = f.denseLogits();
      double[] one = f.passOutside(logits, f.x, f.m);
      assertArrayEquals(one, f.run(f.outsideOutput), 1e-12, "one pass");
      double[] first = f.passOutside(logits, f.x, f.e);
      double[] filled = f.observedOr(first);
      double[] ones = new double[ROWS * D];
      Arrays.fill(ones, 1);
      assertArrayEquals(f.passOutside(logits, filled, ones), f.run(f.outsideChainedOutput), 1e-12, "chained");
      boolean clipped = false;
      boolean inside = false;
      for (int i = 0; i < one.length; i++) {
        clipped |= f.e[i] == 0 && (one[i] == 0 || one[i] == 1);
        inside |= f.e[i] == 0 && one[i] > 0 && one[i] < 1;
      }
      assertTrue(clipped && inside, "the fixture reaches both the clip and the inside of [0,1]");
      assertArrayEquals(f.pass(logits, f.x, f.m), f.run(f.output), 1e-12, "the default path stays inside");
    }
  }

  @Test
  void withAMarginEveryPassIsTheStretchedSigmoidClippedToTheUnitInterval() {
    try (Fixture f = new Fixture(4)) {
      double[] logits = f.denseLogits();
      double[] first = f.pass(logits, f.x, f.e, MARGIN);
      double[] ones = new double[ROWS * D];
      Arrays.fill(ones, 1);
      assertArrayEquals(f.pass(logits, f.observedOr(first), ones, MARGIN), f.run(f.marginChainedOutput), 1e-12);
    }
  }

  /**
   * The plain sigmoid only approaches a column's least and greatest value; with a margin a, G_MI
   * reaches them at finite logits (σ(z) ≤ a / (1 + 2a) gives 0 exactly), and the middle stays.
   */
  @Test
  void withAMarginTheEndsOfTheRangeAreReachedAtFiniteLogits() {
    try (Graph graph = new Graph(); Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      double[] bias = {-4, 4, 0, 1};
      List<Operand<TFloat64>> outputs = new ArrayList<>();
      for (double a : new double[] {0, 0.05}) {
        DenseNetwork<TFloat64> dense = DenseNetwork.create(tf, "g" + outputs.size(), TFloat64.class,
            new int[] {LATENT, UNITS, D}, Activation.RELU, Activation.LINEAR, new SeedStream(1));
        SkipConnectedNetwork<TFloat64> net = SkipConnectedNetwork.create(tf, dense, new float[D], true, false, a, null);
        DenseNetwork.Weights<TFloat64> w = new DenseNetwork.Weights<>(List.of(
            tf.constant(new double[LATENT][UNITS]), tf.constant(new double[UNITS]), tf.constant(new double[UNITS][D]),
            tf.constant(bias), tf.constant(new double[D][D]), tf.constant(new double[D])));
        outputs.add(net.apply(tf, w, tf.constant(new double[ROWS][LATENT]), null, null, null));
      }
      double[] plain = FiniteDifferences.evaluate(session, List.<Operand<?>>of(outputs.get(0)), List.of()).get(0);
      double[] margined = FiniteDifferences.evaluate(session, List.<Operand<?>>of(outputs.get(1)), List.of()).get(0);
      for (int row = 0; row < ROWS; row++) {
        assertEquals(1 / (1 + Math.exp(4)), plain[row * D], 1e-15, "σ(−4)");
        assertTrue(plain[row * D] > 0 && plain[row * D + 1] < 1, "the plain sigmoid stays inside");
        assertEquals(0.0, margined[row * D], 0.0, "1.1 σ(−4) − 0.05 < 0: the least value");
        assertEquals(1.0, margined[row * D + 1], 0.0, "the greatest value");
        assertEquals(0.5, margined[row * D + 2], 1e-15, "the middle stays");
        assertEquals(1.1 / (1 + Math.exp(-1)) - 0.05, margined[row * D + 3], 1e-15);
      }
    }
  }

  @Test
  void theMarginNeedsTheSkipPathAndNoRefinerAndAtMostAHalf() {
    assertEquals(0.0, Architecture.defaults().withOutputMargin(0.05).outputMargin(), "no path, no margin");
    Architecture skip = Architecture.defaults().withLinearSkip(true);
    assertEquals(0.05, skip.withOutputMargin(0.05).outputMargin());
    assertEquals(0.05, skip.withOutputMargin(0.05).resolve(4).outputMargin());
    for (double bad : new double[] {-0.01, 0.51, Double.NaN}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> skip.withOutputMargin(bad));
      assertTrue(e.getMessage().startsWith("outputMargin: expected 0 to 0.5"), e.getMessage());
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> skip.withRefinerUnits(8).withOutputMargin(0.05));
    assertTrue(e.getMessage().contains("refinerUnits 8"), e.getMessage());
  }

  @Test
  void outsideTheSigmoidAHiddenCellNeverReachesItsOwnOutput() {
    try (Fixture f = new Fixture(6)) {
      int hidden = D + 1;
      f.e[hidden] = 0;
      double[] before = f.run(f.outsideChainedOutput);
      f.x[hidden] += 0.5;
      assertEquals(before[hidden], f.run(f.outsideChainedOutput)[hidden], 0.0, "its own output");
      f.x[hidden] -= 0.5;
      f.x[D + 3] += 0.7; // missing
      assertArrayEquals(before, f.run(f.outsideChainedOutput), 0.0, "a missing cell's value");
    }
  }

  @Test
  void chainedAHiddenCellStillNeverReachesItsOwnOutput() {
    try (Fixture f = new Fixture(6)) {
      int hidden = D + 1; // row 1, column 1: observed; hidden from E here, as by the dropout
      assertEquals(1.0, f.m[hidden]);
      f.e[hidden] = 0;
      double[] before = f.run(f.chainedOutput);
      f.x[hidden] += 0.5;
      double[] after = f.run(f.chainedOutput);
      assertEquals(before[hidden], after[hidden], 0.0, "its own output");
      int missing = D + 3; // row 1, column 3: missing, so E did not see it either
      assertEquals(0.0, f.m[missing]);
      assertNotEquals(before[missing], after[missing], "a missing cell of the same row");
      f.x[hidden] -= 0.5;
      f.x[missing] += 0.7;
      assertArrayEquals(before, f.run(f.chainedOutput), 0.0, "a missing cell's value");
    }
  }

  @Test
  void aCellNeverReachesItsOwnOutputAndAMissingCellReachesNone() {
    try (Fixture f = new Fixture(5)) {
      double[] before = f.run(f.output);
      int observed = 0; // row 0, column 0: observed (m = 1)
      int missing = 1; // row 0, column 1: missing (m = 0)
      assertEquals(1.0, f.m[observed]);
      assertEquals(0.0, f.m[missing]);
      f.x[observed] += 0.3;
      double[] after = f.run(f.output);
      assertEquals(before[observed], after[observed], 0.0, "its own output");
      assertNotEquals(before[missing], after[missing], "a cell E did not see, same row");
      assertArrayEquals(java.util.Arrays.copyOfRange(before, D, 2 * D),
          java.util.Arrays.copyOfRange(after, D, 2 * D), 0.0, "another row");
      f.x[observed] -= 0.3;
      f.x[missing] += 0.7;
      assertArrayEquals(before, f.run(f.output), 0.0, "a missing cell's value");
    }
  }

  @Test
  void thePathAddsOnlyToCellsEncoderDidNotSee() {
    try (Fixture f = new Fixture(9)) {
      double[] before = f.run(f.output);
      for (int i = 0; i < f.s.length; i++) {
        f.s[i] *= -2;
      }
      FiniteDifferences.assertChangedOnlyWhereUnseen(before, f.run(f.output), f.e, "cell");
    }
  }

  @Test
  void rowsWithoutObservedCellsGetNoSkipContribution() {
    try (Fixture f = new Fixture(7)) {
      java.util.Arrays.fill(f.m, 0);
      java.util.Arrays.fill(f.e, 0);
      assertArrayEquals(f.run(f.outputWithoutRows), f.run(f.output), 1e-15);
    }
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (Fixture f = new Fixture(11)) {
      Ops tf = Ops.create(f.graph);
      // A weighted sum of the outputs plus the L1 term, as the imputer's loss combines them.
      double[] r = random(new SplittableRandom(13), ROWS * D, 1);
      Operand<TFloat64> scalar = tf.math.add(FiniteDifferences.weightedSum(tf, f.output, reshape(r)),
          tf.math.add(tf.math.mul(tf.constant(0.3), f.l1),
              tf.reduceSum(tf.math.mul(f.chainedOutput, tf.constant(0.7)), tf.constant(new int[] {0, 1}))));
      scalar = tf.math.add(scalar, tf.math.add(
          tf.reduceSum(tf.math.mul(f.outsideOutput, tf.constant(-0.4)), tf.constant(new int[] {0, 1})),
          tf.reduceSum(tf.math.mul(f.outsideChainedOutput, tf.constant(0.9)), tf.constant(new int[] {0, 1}))));
      scalar = tf.math.add(scalar,
          tf.reduceSum(tf.math.mul(f.marginChainedOutput, tf.constant(0.6)), tf.constant(new int[] {0, 1})));
      // Inputs in creation order: S, c, x, h, w0, b0, w1, b1, m, e; differentiate the first eight.
      List<Operand<?>> gradients = FiniteDifferences.gradients(tf, scalar, f.inputs, 8);
      double worst = FiniteDifferences.maxRelativeError(f.session, scalar, gradients, f.inputs, 1e-6);
      assertTrue(worst < 1e-6, "largest relative error " + worst);
    }
  }

  @Test
  void outsideTheSigmoidNeedsTheSkipPathAndNoRefiner() {
    assertEquals(false, Architecture.defaults().withSkipOutsideSigmoid(true).skipOutsideSigmoid(), "no path, nothing outside");
    Architecture skip = Architecture.defaults().withLinearSkip(true);
    assertTrue(skip.withSkipOutsideSigmoid(true).skipOutsideSigmoid());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> skip.withRefinerUnits(8).withSkipOutsideSigmoid(true));
    assertTrue(e.getMessage().contains("refinerUnits 8"), e.getMessage());
  }

  @Test
  void theCentreMustHaveOneValuePerColumn() {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      DenseNetwork<TFloat64> dense = DenseNetwork.create(tf, "g", TFloat64.class, new int[] {LATENT, UNITS, D},
          Activation.RELU, Activation.LINEAR, new SeedStream(1));
      assertThrows(IllegalArgumentException.class, () -> SkipConnectedNetwork.create(tf, dense, new float[D + 1], false));
      assertEquals(LATENT + 3 * D, SkipConnectedNetwork.create(tf, dense, new float[D], false).inputWidth());
    }
  }

  private static double[][] reshape(double[] v) {
    double[][] out = new double[ROWS][D];
    for (int i = 0; i < ROWS; i++) {
      System.arraycopy(v, i * D, out[i], 0, D);
    }
    return out;
  }
}
