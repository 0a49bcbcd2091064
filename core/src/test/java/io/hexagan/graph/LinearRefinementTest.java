package io.hexagan.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The chained regressions over an imputation: the graph's ops compute what the plain-Java
 * reference does, cells not to refine leave bit for bit, and a column whose refined cells were
 * not chosen keeps its imputation though its passes feed the others.
 */
class LinearRefinementTest {
  private static final int D = 5;
  private static final int ROWS = 40;

  /** Column 0 from 1 and 2, column 1 from 0 and 3, column 2 from 0; 3 and 4 unregressed; 1 not replaced. */
  private static LinearRefinement refinement(int passes) {
    float[] w = new float[D * D];
    w[1 * D + 0] = 0.5f;
    w[2 * D + 0] = 0.3f;
    w[0 * D + 1] = 0.8f;
    w[3 * D + 1] = -0.4f;
    w[0 * D + 2] = 1.2f;
    float[] b = {0.1f, 0.2f, -0.1f, 0, 0};
    boolean[] regressed = {true, true, true, false, false};
    boolean[] replaced = {true, false, true, false, false};
    return new LinearRefinement(D, passes, w, b, regressed, replaced);
  }

  @Test
  void theGraphComputesTheReferenceAndTouchesOnlyChosenMissingCells() {
    SplittableRandom r = new SplittableRandom(3);
    float[] x = new float[ROWS * D];
    float[] missing = new float[ROWS * D];
    boolean[] isMissing = new boolean[ROWS * D];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextDouble();
      isMissing[i] = r.nextDouble() < 0.3;
      missing[i] = isMissing[i] ? 1 : 0;
    }
    for (int passes : new int[] {1, 4}) {
      LinearRefinement refinement = refinement(passes);
      float[] expected = refinement.apply(x, missing);
      float[] actual = new float[x.length];
      try (Graph g = new Graph(); Session s = new Session(g)) {
        Ops tf = Ops.create(g);
        Operand<TFloat32> in = tf.constant(Shape.of(ROWS, D), DataBuffers.of(x, true, false));
        Operand<TFloat32> out = refinement.build(tf, in,
            tf.constant(Shape.of(ROWS, D), DataBuffers.of(isMissing, true, false)));
        try (TFloat32 t = (TFloat32) s.runner().fetch(out).run().get(0)) {
          t.copyTo(DataBuffers.of(actual, false, false));
        }
      }
      int changed = 0;
      for (int i = 0; i < x.length; i++) {
        int c = i % D;
        assertEquals(expected[i], actual[i], 1e-6, "passes " + passes + ", cell " + i);
        if (!isMissing[i] || c == 1 || c >= 3) {
          assertEquals(Float.floatToIntBits(x[i]), Float.floatToIntBits(actual[i]), "cell " + i + " left as it was");
        } else if (actual[i] != x[i]) {
          changed++;
        }
      }
      assertEquals(true, changed > 5, "refined cells: " + changed);
    }
  }

  /** By hand, one row: column 1 (not replaced) is refined in pass 1 and feeds column 0 in pass 2. */
  @Test
  void anUnchosenColumnsPassesStillFeedTheOthers() {
    float[] x = {0.5f, 0.5f, 0.5f, 0.25f, 0.9f};
    float[] missing = {1, 1, 0, 0, 0};
    float[] out = refinement(2).apply(x, missing);
    // Pass 1: c0 = 0.1 + 0.5·0.5 + 0.3·0.5 = 0.5; c1 = 0.2 + 0.8·0.5 − 0.4·0.25 = 0.5; pass 2 the same.
    assertEquals(0.5f, out[0], 1e-6);
    assertEquals(0.5f, out[1], 0f, "column 1 is not replaced");
    float[] y = {0.5f, 0.9f, 0.5f, 0.25f, 0.9f};
    float[] once = refinement(1).apply(y, missing);
    float[] twice = refinement(2).apply(y, missing);
    // Pass 1 takes c1 from 0.9 to 0.5, so pass 2's c0 reads 0.5 where pass 1's read 0.9.
    assertEquals(0.1f + 0.5f * 0.9f + 0.3f * 0.5f, once[0], 1e-6);
    assertEquals(0.1f + 0.5f * 0.5f + 0.3f * 0.5f, twice[0], 1e-6);
  }

  @Test
  void aReplacedColumnNeedsARegression() {
    assertThrows(IllegalArgumentException.class, () -> new LinearRefinement(2, 1, new float[4], new float[2],
        new boolean[] {false, false}, new boolean[] {true, false}));
    assertThrows(IllegalArgumentException.class, () -> new LinearRefinement(2, 0, new float[4], new float[2],
        new boolean[2], new boolean[2]));
  }
}
