package io.hexagan.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The moving average of the weights: its update rule, and the swap that validation uses. */
class WeightAverageTest {
  private static final int D = 4;
  private static final int ROWS = 30;

  private static GraphSpec spec(double averagingEpochs) {
    return new GraphSpec(D, 2, 20, ROWS - 20, Architecture.defaults(), LossWeights.paper(),
        OptimizerSettings.paper().withAveragingEpochs(averagingEpochs), Ablation.full(), 1, 3L);
  }

  @Test
  void averageMovesByOneNthOfTheStepAndSwapIsItsOwnInverse() {
    GraphSpec spec = spec(0.5);
    int n = (int) Math.round(0.5 * spec.iterationsPerEpoch()); // 0.5 · 20 = 10 iterations
    try (Graph g = new Graph(); Session s = new Session(g)) {
      HexaGanGraph h = HexaGanGraph.build(g, spec);
      Operand<TFloat32> weights = h.networks().get(0).variables().get(0).read(Ops.create(g));
      s.initialize();
      DataFeeds.loadUniform(s, h.dataFeed(), ROWS, D, 20, 5);
      run(s, h.startAverage());
      float[] w0 = DataFeeds.fetch(s, weights);
      run(s, h.trainIteration());
      float[] w1 = DataFeeds.fetch(s, weights);
      assertNotEquals(w0[0], w1[0], "the iteration trains E");
      run(s, h.swapAverage());
      float[] average = DataFeeds.fetch(s, weights);
      for (int i = 0; i < w0.length; i++) {
        double expected = w0[i] - (w0[i] - w1[i]) / (double) n;
        assertEquals(expected, average[i], 1e-6 * Math.max(1, Math.abs(expected)), "weight " + i);
      }
      run(s, h.swapAverage());
      float[] back = DataFeeds.fetch(s, weights);
      for (int i = 0; i < w1.length; i++) {
        assertEquals(Float.floatToIntBits(w1[i]), Float.floatToIntBits(back[i]), "weight " + i + " after two swaps");
      }
    }
  }

  @Test
  void withoutAveragingThereIsNothingToSwap() {
    try (Graph g = new Graph()) {
      HexaGanGraph h = HexaGanGraph.build(g, spec(0));
      assertNull(h.startAverage());
      assertNull(h.swapAverage());
    }
  }


  private static void run(Session s, org.tensorflow.op.Op target) {
    s.runner().addTarget(target).run().close();
  }

}
