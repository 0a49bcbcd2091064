package io.hexagan.training;

import static org.junit.jupiter.api.Assertions.assertFalse;
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

  /**
   * Truth 0, 0, 0, 1. The reference calls 0, 0, 1, 1: F1 of class 0 = 2·2/(2·2+0+1) = 0.8, of class
   * 1 = 2·1/(2·1+1+0) = 2/3. Calls 0, 0, 0, 0: class 0 = 2·3/(2·3+1) = 0.857, class 1 = 0: refused.
   * Calls 0, 0, 0, 1: both 1: kept. Three classes, truth 0, 0, 0, 1, 1, 1, 2, 2, 2: the reference
   * calls 0, 1, 1, 1, 0, 0, 2, 2, 2 (F1 1/3, 1/3, 1; mean 0.556), the other 0, 0, 0, 1, 1, 1, 2, 2, 0
   * (6/7, 1, 4/5; mean 0.886): a higher mean that hides class 2's loss, refused.
   */
  @Test
  void aForestWorseOnAnyClassIsRefused() {
    int[] truth = {0, 0, 0, 1};
    float[] reference = {0.9f, 0.1f, 0.8f, 0.2f, 0.4f, 0.6f, 0.3f, 0.7f};
    float[] allZero = {0.9f, 0.1f, 0.8f, 0.2f, 0.6f, 0.4f, 0.6f, 0.4f};
    float[] right = {0.9f, 0.1f, 0.8f, 0.2f, 0.6f, 0.4f, 0.3f, 0.7f};
    assertFalse(ClassifierForestFit.noClassWorse(allZero, reference, truth, 2));
    assertTrue(ClassifierForestFit.noClassWorse(right, reference, truth, 2));
    assertTrue(ClassifierForestFit.noClassWorse(reference, reference, truth, 2));

    int[] three = {0, 0, 0, 1, 1, 1, 2, 2, 2};
    float[] confused = calls(0, 1, 1, 1, 0, 0, 2, 2, 2);
    float[] losesClass2 = calls(0, 0, 0, 1, 1, 1, 2, 2, 0);
    assertFalse(ClassifierForestFit.noClassWorse(losesClass2, confused, three, 3));
    assertTrue(ClassifierForestFit.noClassWorse(confused, calls(0, 1, 1, 1, 0, 0, 2, 2, 0), three, 3));
  }

  /** Probabilities of three classes, 0.8 on each row's given class. */
  private static float[] calls(int... classes) {
    float[] p = new float[classes.length * 3];
    Arrays.fill(p, 0.1f);
    for (int r = 0; r < classes.length; r++) {
      p[r * 3 + classes[r]] = 0.8f;
    }
    return p;
  }

  @Test
  void aNoiseLabelIsRefused() {
    assertNull(fit(false));
  }
}
