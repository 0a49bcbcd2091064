package io.hexagan.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** The graph's losses against plain-Java versions of eq. 3, 4 and 5 (float64, 1e-12). */
class LossesTest {
  private static final int R = 7;
  private static final int C = 4;

  private final SplittableRandom random = new SplittableRandom(21);
  private final double[] scores = FiniteDifferences.random(random, R * C, -2, 2);
  private final double[] real = new double[R * C];
  private final double[] x = FiniteDifferences.random(random, R * C, 0, 1);
  private final double[] xBar = FiniteDifferences.random(random, R * C, 0, 1);

  LossesTest() {
    for (int i = 0; i < real.length; i++) {
      real[i] = random.nextDouble() < 0.6 ? 1 : 0;
    }
    for (int r = 0; r < R; r++) {
      real[r * C + 3] = 1; // column 3 has no fake entry: its fake side contributes 0
    }
  }

  /** Per column, mean of scores over the fake (or real) entries, 0 when none. */
  private double[] columnMeans(boolean fake) {
    double[] all = new double[R * C];
    java.util.Arrays.fill(all, 1);
    return columnMeans(fake, all);
  }

  /** Per column, mean of scores over the fake (or real) entries that are counted, 0 when none. */
  private double[] columnMeans(boolean fake, double[] counted) {
    double[] out = new double[C];
    for (int c = 0; c < C; c++) {
      double sum = 0;
      int n = 0;
      for (int r = 0; r < R; r++) {
        boolean isReal = real[r * C + c] == 1;
        if (isReal != fake && counted[r * C + c] == 1) {
          sum += scores[r * C + c];
          n++;
        }
      }
      out[c] = n == 0 ? 0 : sum / n;
    }
    return out;
  }

  @Test
  void lossesMatchPlainJava() {
    double[] fakeMean = columnMeans(true);
    double[] realMean = columnMeans(false);
    double critic = 0;
    double generator = 0;
    for (int c = 0; c < C; c++) {
      critic += (fakeMean[c] - realMean[c]) / C;
      generator -= fakeMean[c] / C;
    }
    double sq = 0;
    double observed = 0;
    for (int i = 0; i < x.length; i++) {
      sq += real[i] * (x[i] - xBar[i]) * (x[i] - xBar[i]);
      observed += real[i];
    }
    double recon = sq / observed;
    double[] columnWeight = {0.5, 2, 1.25, 0.25};
    double weightedSq = 0;
    for (int i = 0; i < x.length; i++) {
      weightedSq += columnWeight[i % C] * real[i] * (x[i] - xBar[i]) * (x[i] - xBar[i]);
    }
    double weightedRecon = weightedSq / observed;

    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat64> s = tf.placeholder(TFloat64.class);
      Placeholder<TFloat64> m = tf.placeholder(TFloat64.class);
      Placeholder<TFloat64> xs = tf.placeholder(TFloat64.class);
      Placeholder<TFloat64> xb = tf.placeholder(TFloat64.class);
      List<Operand<?>> fetches = List.of(Losses.elementwiseCritic(tf, s, m), Losses.elementwiseGenerator(tf, s, m),
          Losses.reconstruction(tf, xs, xb, m), Losses.reconstruction(tf, xs, xb, m, tf.constant(columnWeight)));
      Shape shape = Shape.of(R, C);
      List<FiniteDifferences.Input> in = List.of(new FiniteDifferences.Input(s, shape, scores),
          new FiniteDifferences.Input(m, shape, real), new FiniteDifferences.Input(xs, shape, x),
          new FiniteDifferences.Input(xb, shape, xBar));
      try (Session session = new Session(g)) {
        List<double[]> v = FiniteDifferences.evaluate(session, fetches, in);
        assertEquals(critic, v.get(0)[0], 1e-12, "L_DMI");
        assertEquals(generator, v.get(1)[0], 1e-12, "L_GMI");
        assertEquals(recon, v.get(2)[0], 1e-12, "L_recon");
        assertEquals(weightedRecon, v.get(3)[0], 1e-12, "L_recon with column weights");
      }
    }
  }

  @Test
  void aHintLeavesTheHintedEntriesOutOfTheElementWiseLosses() {
    // Every entry of column 0 hinted: the column contributes 0 to both losses; the rest 70% counted.
    double[] counted = new double[R * C];
    SplittableRandom r = new SplittableRandom(5);
    for (int i = 0; i < counted.length; i++) {
      counted[i] = i % C == 0 ? 0 : r.nextDouble() < 0.7 ? 1 : 0;
    }
    double[] fakeMean = columnMeans(true, counted);
    double[] realMean = columnMeans(false, counted);
    assertEquals(0, fakeMean[0]);
    assertEquals(0, realMean[0]);
    double critic = 0;
    double generator = 0;
    for (int c = 0; c < C; c++) {
      critic += (fakeMean[c] - realMean[c]) / C;
      generator -= fakeMean[c] / C;
    }
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat64> s = tf.placeholder(TFloat64.class);
      Placeholder<TFloat64> m = tf.placeholder(TFloat64.class);
      Placeholder<TFloat64> k = tf.placeholder(TFloat64.class);
      List<Operand<?>> fetches = List.of(Losses.elementwiseCritic(tf, s, m, k),
          Losses.elementwiseGenerator(tf, s, m, k));
      Shape shape = Shape.of(R, C);
      List<FiniteDifferences.Input> in = List.of(new FiniteDifferences.Input(s, shape, scores),
          new FiniteDifferences.Input(m, shape, real), new FiniteDifferences.Input(k, shape, counted));
      try (Session session = new Session(g)) {
        List<double[]> v = FiniteDifferences.evaluate(session, fetches, in);
        assertEquals(critic, v.get(0)[0], 1e-12, "L_DMI over the unhinted entries");
        assertEquals(generator, v.get(1)[0], 1e-12, "L_GMI over the unhinted entries");
      }
    }
  }
}
