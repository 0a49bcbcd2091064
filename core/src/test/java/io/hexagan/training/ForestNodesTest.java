package io.hexagan.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hexagan.graph.ForestRefinement;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Deep forests grown by the grower, laid out as flat nodes: the plain-Java walk predicts what the
 * forests themselves predict, and the serving graph's walk what the plain-Java walk does, on every
 * missing cell of three forested columns.
 */
class ForestNodesTest {
  private static final int N = 400;
  private static final int D = 8;

  @Test
  void theLaidOutForestsPredictAsGrownInJavaAndInTheGraph() {
    double[][] rows = SyntheticTables.relatedAmongNoise(N, D - 4, 0.05, 21).complete();
    float[] table = new float[N * D];
    double[][] columns = new double[D][N];
    for (int r = 0; r < N; r++) {
      for (int c = 0; c < D; c++) {
        table[r * D + c] = (float) rows[r][c];
        columns[c][r] = table[r * D + c];
      }
    }
    FeatureBins[] bins = new FeatureBins[D];
    byte[][] codes = new byte[D][];
    for (int c = 0; c < D; c++) {
      bins[c] = FeatureBins.of(columns[c]);
      codes[c] = bins[c].codes(columns[c]);
    }
    int[] all = IntStream.range(0, N).toArray();
    ForestSettings settings = new ForestSettings(15, 3, 2, N);
    int[] forested = {0, 2, 3};
    RegressionForest[] forests = new RegressionForest[D];
    ForestNodes nodes = new ForestNodes(D);
    for (int c : forested) {
      forests[c] = RegressionForest.grow(columns, codes, bins, c, all, settings, 100 + c);
      nodes.add(forests[c], c);
    }
    ForestRefinement forest = nodes.build();
    assertTrue(forest.trees().depth() >= 8, "deep trees: " + forest.trees().depth());
    SplittableRandom r = new SplittableRandom(4);
    float[] missing = new float[N * D];
    boolean[] isMissing = new boolean[N * D];
    for (int i = 0; i < missing.length; i++) {
      isMissing[i] = r.nextDouble() < 0.2;
      missing[i] = isMissing[i] ? 1 : 0;
    }
    float[] expected = forest.apply(table, table, missing);
    for (int i = 0; i < N * D; i++) {
      int c = i % D;
      if (isMissing[i] && forests[c] != null) {
        assertEquals(forests[c].predict(columns, i / D), expected[i], 1e-5, "cell " + i);
      } else {
        assertEquals(table[i], expected[i], 0f, "cell " + i);
      }
    }
    float[] actual = new float[N * D];
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> in = tf.constant(Shape.of(N, D), DataBuffers.of(table, true, false));
      Operand<TFloat32> out = forest.build(tf, in, in, tf.constant(Shape.of(N, D), DataBuffers.of(isMissing, true, false)), null);
      try (TFloat32 t = (TFloat32) s.runner().fetch(out).run().get(0)) {
        t.copyTo(DataBuffers.of(actual, false, false));
      }
    }
    for (int i = 0; i < N * D; i++) {
      assertEquals(expected[i], actual[i], 1e-6, "cell " + i);
    }
  }
}
