package io.hexagan.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hexagan.graph.GraphSpec;
import org.junit.jupiter.api.Test;

/** The bench's FLOP estimate counts each pass of G_MI's skip path on every imputation of a stage. */
class FlopEstimateTest {
  private static GraphSpec spec(boolean linear, boolean chained, int d) {
    HexaGanConfig c = HexaGanConfig.defaults();
    return new GraphSpec(d, 2, 200, 50, c.architecture().withLinearSkip(linear).withChainedSkip(chained), c.losses(),
        c.optimizer(), c.ablation(), 1, 0L);
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
