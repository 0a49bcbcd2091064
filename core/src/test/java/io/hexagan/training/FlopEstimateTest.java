package io.hexagan.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hexagan.graph.Architecture;
import io.hexagan.graph.GraphSpec;
import org.junit.jupiter.api.Test;

/** The bench's FLOP estimate counts each pass of G_MI's skip path on every imputation of a stage. */
class FlopEstimateTest {
  private static GraphSpec spec(boolean linear, boolean chained, int d) {
    HexaGanConfig c = HexaGanConfig.defaults();
    return new GraphSpec(d, 2, 200, 50, c.architecture().withLinearSkip(linear).withChainedSkip(chained), c.losses(),
        c.optimizer(), c.ablation(), 1, 0L);
  }

  /**
   * E encodes the labelled rows once for all the conditional updates: what more conditional
   * updates add does not depend on E's input width (here: with and without its rank inputs).
   */
  @Test
  void theConditionalUpdatesDoNotEncodeAgain() {
    int d = 7;
    float[] x = new float[40 * d];
    float[] m = new float[40 * d];
    for (int i = 0; i < x.length; i++) {
      x[i] = (i * 37 % 101) / 101f;
      m[i] = i % 5 == 0 ? 0f : 1f;
    }
    double[] added = new double[2];
    for (int ranks = 0; ranks < 2; ranks++) {
      double[] flops = new double[2];
      for (int u = 0; u < 2; u++) {
        HexaGanConfig c = ConfigJson.overlay(HexaGanConfig.defaults(),
            "{\"optimizer\": {\"conditionalUpdates\": " + (u == 0 ? 5 : 10) + "}}", "test");
        Architecture a = c.architecture().withQuantileInputs(ranks == 0 ? 0 : 16);
        flops[u] = TrainingBenchmark.estimateFlops(new GraphSpec(d, 2, 30, 10, a, c.losses(), c.optimizer(),
            c.ablation(), 1, 0L, null, null, null, Trainer.encoderInputs(a, x, m, d), null));
      }
      added[ranks] = flops[1] - flops[0];
    }
    assertTrue(added[0] > 0, "five more conditional updates add work");
    assertEquals(added[0], added[1], 1e-6 * added[0], "E's inputs change what the conditional updates add");
  }

  @Test
  void eachPassOfTheSkipPathAddsOneProductPerImputedRow() {
    int d = 23;
    GraphSpec one = spec(true, false, d);
    int b = one.batchRows();
    // Per pass: 2·d² per row, on the E + G_MI stage (×3: differentiated), the D_MI stage and the C stage.
    double perPass = 2.0 * d * d * (3 * b + b + b);
    assertEquals(perPass, TrainingBenchmark.estimateFlops(one) - TrainingBenchmark.estimateFlops(spec(false, false, d)), 1e-3);
    assertEquals(perPass, TrainingBenchmark.estimateFlops(spec(true, true, d)) - TrainingBenchmark.estimateFlops(one), 1e-3);
  }
}
