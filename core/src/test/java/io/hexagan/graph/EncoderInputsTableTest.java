package io.hexagan.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Session;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The training graph computes E's extra inputs (the quantile ranks of the defaults) once, when the
 * data are loaded, and its iterations gather them with each batch's rows instead of searching the
 * quantiles again in every stage.
 */
class EncoderInputsTableTest {
  private static final int D = 3;
  private static final int ROWS = 30;
  private static final int LABELED = 20;
  private static final QuantileRanks RANKS = EncoderInputsTest.RANKS;

  @Test
  void theRanksOfTheLoadedTableAreComputedAtLoadingAndNotInTheIterations() {
    GraphSpec spec = new GraphSpec(D, 2, LABELED, ROWS - LABELED, Architecture.defaults(), LossWeights.paper(),
        OptimizerSettings.paper(), Ablation.full(), 1, 3L, null, null, null,
        new EncoderInputs(LevelIndicators.NONE, RANKS), null);
    DataFeeds.Table data = DataFeeds.uniform(ROWS, D, LABELED, 9);
    float[][] x = data.x();
    float[][] m = data.m();
    try (Graph g = new Graph(); Session s = new Session(g)) {
      HexaGanGraph h = HexaGanGraph.build(g, spec);
      int inIterations = 0;
      int elsewhere = 0;
      for (Iterator<GraphOperation> it = g.operations(); it.hasNext(); ) {
        GraphOperation op = it.next();
        if (op.type().equals("UpperBound")) {
          boolean iteration = op.name().startsWith("iteration/") || op.name().startsWith("warmup/");
          inIterations += iteration ? 1 : 0;
          elsewhere += iteration ? 0 : 1;
        }
      }
      assertEquals(0, inIterations, "quantile searches inside the training iterations");
      assertTrue(elsewhere > 0, "the search at loading");

      s.initialize();
      DataFeeds.load(s, h.dataFeed(), x, m, data.y());
      Ops tf = Ops.create(g);
      float[] table = DataFeeds.fetch(s, h.encoderInputsTable().read(tf));
      float[] expected = DataFeeds.fetch(s,
          RANKS.apply(tf, tf.constant(StdArrays.ndCopyOf(x)), tf.constant(StdArrays.ndCopyOf(m)), TFloat32.class));
      assertEquals(ROWS * D, table.length);
      assertArrayEquals(expected, table, 0f, "the table holds the loaded rows' ranks, 0 where missing");
      for (int i = 0; i < ROWS * D; i++) {
        if (m[i / D][i % D] == 0) {
          assertEquals(0f, table[i], "missing cell " + i);
        }
      }
      s.runner().addTarget(h.trainIteration()).run().close();
    }
  }
}
