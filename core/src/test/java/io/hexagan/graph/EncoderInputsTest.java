package io.hexagan.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

/**
 * E's extra inputs computed once over the observed cells and narrowed to a view (the serving
 * graph's way) equal, bit for bit, those computed from the view itself (training's way).
 */
class EncoderInputsTest {
  private static final int ROWS = 40;
  private static final int D = 3;

  static final QuantileRanks RANKS = new QuantileRanks(D, 2, new float[] {0f, 0.5f, 0f, 0.2f, 0f, 0.5f},
      new float[] {0.5f, 0.5f, 0.2f, 0.8f, QuantileRanks.MIN_WIDTH, 0.5f});

  @Test
  void inputsOfTheObservedCellsNarrowedToAViewEqualThoseOfTheView() {
    // Column 0 takes the levels 0, 0.5 and 1; the ranks cover all three columns.
    assertNarrowedEqualsDirect(new EncoderInputs(
        new LevelIndicators(new int[] {0, 0, 0}, new float[] {0f, 0.5f, 1f}, new float[] {0.5f, 0.5f, 0.5f}), RANKS));
  }

  @Test
  void ranksAloneNarrowedToAViewEqualThoseOfTheView() {
    // The defaults' case: keepSeen multiplies by the view's flags without gathering columns.
    assertNarrowedEqualsDirect(new EncoderInputs(LevelIndicators.NONE, RANKS));
  }

  private static void assertNarrowedEqualsDirect(EncoderInputs inputs) {
    SplittableRandom r = new SplittableRandom(5);
    double[] x = new double[ROWS * D];
    double[] m = new double[ROWS * D];
    double[] seen = new double[ROWS * D];
    double[] noise = new double[ROWS * D];
    for (int i = 0; i < x.length; i++) {
      x[i] = i % D == 0 ? r.nextInt(3) / 2.0 : r.nextDouble();
      m[i] = r.nextDouble() < 0.8 ? 1 : 0;
      seen[i] = m[i] * (r.nextDouble() < 0.7 ? 1 : 0);
      noise[i] = 0.01 * r.nextDouble();
      x[i] *= m[i];
    }
    Shape shape = Shape.of(ROWS, D);
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat64> xs = tf.placeholder(TFloat64.class, Placeholder.shape(shape));
      Placeholder<TFloat64> ms = tf.placeholder(TFloat64.class, Placeholder.shape(shape));
      Placeholder<TFloat64> views = tf.placeholder(TFloat64.class, Placeholder.shape(shape));
      Placeholder<TFloat64> zs = tf.placeholder(TFloat64.class, Placeholder.shape(shape));
      Operand<TFloat64> view = tf.select(tf.math.greater(views, tf.constant(0.0)), xs, zs);
      List<Operand<TFloat64>> parts = inputs.apply(tf, view, views, TFloat64.class);
      Operand<TFloat64> direct = parts.size() == 1 ? parts.get(0) : tf.concat(parts, tf.constant(1));
      Operand<TFloat64> narrowed = inputs.keepSeen(tf, inputs.ofObserved(tf, xs, ms, TFloat64.class), views);
      List<double[]> v = FiniteDifferences.evaluate(s, List.of(direct, narrowed), List.of(
          new FiniteDifferences.Input(xs, shape, x), new FiniteDifferences.Input(ms, shape, m),
          new FiniteDifferences.Input(views, shape, seen), new FiniteDifferences.Input(zs, shape, noise)));
      assertEquals(ROWS * inputs.count(), v.get(0).length);
      assertArrayEquals(v.get(0), v.get(1), 0.0);
    }
  }
}
