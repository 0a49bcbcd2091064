package io.hexagan.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The skip path's support ({@link GraphSpec#skipSupport()}): training moves the entries of S inside
 * it and leaves every other entry at exactly zero; without a support every off-diagonal entry moves.
 */
class SkipScreeningGraphTest {
  private static final int D = 4;
  private static final int ROWS = 30;
  private static final int LABELED = 20;

  /** Column 0 may predict 1 and 1 may predict 0; column 3 may predict 2. Nothing else. */
  private static float[] support() {
    float[] s = new float[D * D];
    s[0 * D + 1] = 1;
    s[1 * D + 0] = 1;
    s[3 * D + 2] = 1;
    s[2 * D + 2] = 1; // a diagonal entry: ignored, the diagonal is always held at zero
    return s;
  }

  private static GraphSpec spec(float[] support) {
    return new GraphSpec(D, 2, LABELED, ROWS - LABELED, Architecture.defaults().withLinearSkip(true),
        LossWeights.paper().withMissingNoiseScale(0.01).withInputDropout(0.3).withSkipSparsity(1e-4),
        OptimizerSettings.paper().withRates(1e-2, 1e-3, 1e-3), Ablation.full(), 1, 3L, null,
        new double[] {0.5, 0.5, 0.5, 0.5}, support);
  }

  /** The effective S (stored ones) after five training iterations. */
  private static float[] trainedSkip(GraphSpec spec) {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      HexaGanGraph h = HexaGanGraph.build(g, spec);
      Network<TFloat32> generator = h.networks().stream()
          .filter(n -> n.name().endsWith(ImputationGenerator.NAME)).findFirst().orElseThrow();
      Operand<TFloat32> skip = generator.variables().get(generator.variables().size() - 2).read(Ops.create(g));
      s.initialize();
      load(s, h.dataFeed());
      for (int i = 0; i < 5; i++) {
        s.runner().addTarget(h.trainIteration()).run().close();
      }
      try (Result r = s.runner().fetch(skip).run()) {
        float[] out = new float[D * D];
        ((TFloat32) r.get(0)).copyTo(DataBuffers.of(out, false, false));
        return out;
      }
    }
  }

  @Test
  void trainingMovesOnlyTheEntriesInsideTheSupport() {
    float[] support = support();
    float[] skip = trainedSkip(spec(support));
    for (int k = 0; k < D; k++) {
      for (int j = 0; j < D; j++) {
        int i = k * D + j;
        if (support[i] > 0 && j != k) {
          assertNotEquals(0f, skip[i], "S[" + k + "][" + j + "] is inside the support and moves");
        } else {
          assertEquals(0, Float.floatToIntBits(skip[i]), "S[" + k + "][" + j + "] stays exactly 0, found " + skip[i]);
        }
      }
    }
  }

  @Test
  void withoutASupportEveryOffDiagonalEntryMoves() {
    float[] skip = trainedSkip(spec(null));
    for (int k = 0; k < D; k++) {
      for (int j = 0; j < D; j++) {
        if (j != k) {
          assertNotEquals(0f, skip[k * D + j], "S[" + k + "][" + j + "]");
        }
      }
    }
  }

  @Test
  void rejectsASupportOfTheWrongSize() {
    assertThrows(IllegalArgumentException.class, () -> spec(new float[D * D - 1]));
  }

  private static void load(Session s, HexaGanGraph.DataFeed feed) {
    float[][] x = new float[ROWS][D];
    float[][] m = new float[ROWS][D];
    float[][] y = new float[LABELED][2];
    java.util.Random r = new java.util.Random(5);
    for (int i = 0; i < ROWS; i++) {
      float a = r.nextFloat();
      for (int j = 0; j < D; j++) {
        x[i][j] = j < 2 ? a : r.nextFloat();
        m[i][j] = r.nextFloat() < 0.8 ? 1 : 0;
      }
      if (i < LABELED) {
        y[i][i % 2] = 1;
      }
    }
    DataFeeds.load(s, feed, x, m, y);
  }
}
