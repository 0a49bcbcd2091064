package io.hexagan.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat64;

/**
 * Adam's update against its formula: with a constant gradient g every step moves a variable by
 * {@code lr · √(1 − β2^t) / (1 − β1^t) · m_t / (√v_t + ε)} = lr · sign(g) up to ε, for t = 1, 2, 3,
 * which holds only if the powers β^t advance after each step; the variables of another network
 * stay put.
 */
class AdamTest {

  @Test
  void constantGradientMovesByTheLearningRateEachStep() {
    AdamSettings settings = new AdamSettings(0.01, 0.9, 0.999, 1e-8);
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      SeedStream seeds = new SeedStream(3);
      DenseNetwork<TFloat64> net = DenseNetwork.create(tf, "net", TFloat64.class, new int[] {2, 1},
          Activation.LINEAR, Activation.LINEAR, seeds);
      DenseNetwork<TFloat64> other = DenseNetwork.create(tf, "other", TFloat64.class, new int[] {2, 1},
          Activation.LINEAR, Activation.LINEAR, seeds);
      Adam<TFloat64> adam = Adam.create(tf, net, settings);
      DenseNetwork.Weights<TFloat64> w = net.read(tf);
      // loss = Σ_rows (x W + b) with x = [[1, -2], [3, 1]]: ∂/∂W = [4, -1], ∂/∂b = 2.
      Operand<TFloat64> x = tf.constant(new double[][] {{1, -2}, {3, 1}});
      Operand<TFloat64> loss = tf.reduceSum(net.apply(tf, w, x), tf.constant(new int[] {0, 1}));
      Op step = adam.minimize(tf, tf.math.add(loss, tf.reduceSum(other.apply(tf, other.read(tf), x),
          tf.constant(new int[] {0, 1}))), w);
      Ops reads = tf.withSubScope("reads");
      List<Operand<TFloat64>> values = List.of(net.variables().get(0).read(reads), net.variables().get(1).read(reads),
          other.variables().get(0).read(reads));
      try (Session session = new Session(graph)) {
        session.initialize();
        double[][] start = fetch(session, values);
        for (int t = 1; t <= 3; t++) {
          session.runner().addTarget(step).run().close();
          double[][] now = fetch(session, values);
          double[] sign = {1, -1};
          for (int i = 0; i < 2; i++) {
            assertEquals(start[0][i] - t * 0.01 * sign[i], now[0][i], 1e-8, "weight " + i + " after step " + t);
          }
          assertEquals(start[1][0] - t * 0.01, now[1][0], 1e-8, "bias after step " + t);
          assertEquals(start[2][0], now[2][0], 0, "another network's weight moved");
        }
      }
    }
  }

  private static double[][] fetch(Session session, List<Operand<TFloat64>> values) {
    Session.Runner runner = session.runner();
    values.forEach(runner::fetch);
    try (Result r = runner.run()) {
      double[][] out = new double[values.size()][];
      for (int i = 0; i < values.size(); i++) {
        TFloat64 t = (TFloat64) r.get(i);
        out[i] = new double[(int) t.shape().size()];
        for (int j = 0; j < out[i].length; j++) {
          out[i][j] = t.shape().numDimensions() == 2 ? t.getDouble(j, 0) : t.getDouble(j);
        }
      }
      return out;
    }
  }
}
