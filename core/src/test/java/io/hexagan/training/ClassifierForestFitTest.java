package io.hexagan.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hexagan.graph.ClassifierForest;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Fitting the forest classifier: against a C that knows nothing (probability ½ for both classes)
 * it is kept on a label the columns determine (an exclusive or of two of them), and refused on a
 * label that is noise.
 */
class ClassifierForestFitTest {
  private static final int N = 800;
  private static final int D = 4;

  private static ClassifierForest fit(boolean determined) {
    SplittableRandom r = new SplittableRandom(6);
    float[] x = new float[N * D];
    int[] labels = new int[N];
    for (int i = 0; i < N; i++) {
      for (int c = 0; c < D; c++) {
        x[i * D + c] = (float) r.nextDouble();
      }
      boolean a = x[i * D] > 0.5f;
      boolean b = x[i * D + 1] > 0.5f;
      labels[i] = determined ? (a ^ b ? 1 : 0) : r.nextInt(2);
      if (i % 7 == 3) {
        labels[i] = -1; // unlabelled
      }
    }
    int[] validation = IntStream.range(0, N).filter(i -> i % 10 == 0 && labels[i] >= 0).toArray();
    float[] knowsNothing = new float[validation.length * 2];
    Arrays.fill(knowsNothing, 0.5f);
    RefinementSettings settings = HexaGanConfig.DEFAULT_REFINEMENT.withClassifierTrees(50);
    return ClassifierForestFit.fit(x, D, labels, 2, validation, knowsNothing, new int[] {0, 1, 2, 3}, settings, 3);
  }

  @Test
  void aDeterminedLabelIsKept() {
    ClassifierForest forest = fit(true);
    assertNotNull(forest);
    // (0.2, 0.8): one above, one below → class 1.
    float[] p = forest.apply(new float[] {0.2f, 0.8f, 0.5f, 0.5f});
    assertTrue(p[1] > 0.8, "P(1) " + p[1]);
  }

  /** Class 0: F1 2·1/(1+2) = 2/3; class 1: F1 2·1/(2+1) = 2/3. */
  @Test
  void macroF1ByHand() {
    float[] p = {0.9f, 0.1f, 0.2f, 0.8f, 0.4f, 0.6f};
    assertEquals(2.0 / 3, ClassifierForestFit.macroF1(p, new int[] {0, 1, 0}, 2), 1e-12);
  }

  @Test
  void aNoiseLabelIsRefused() {
    assertNull(fit(false));
  }
}
