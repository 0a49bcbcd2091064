package io.hexagan.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The forest classifier: the graph's probabilities are the plain-Java reference's, each class's
 * score is its trees' mean floored at 0, scores are normalised, and all-zero scores give a uniform
 * row.
 */
class ClassifierForestTest {
  private static final int D = 3;

  /**
   * Class 0: a stump on column 0 at 0.5 (leaves 0.9, 0.1). Class 1: a stump on column 0 at 0.5
   * (leaves 0.1, 0.9) and a leaf of −0.2. Class 2: a stump on column 2 at 0.3 (leaves 0, 0.6).
   */
  private static ClassifierForest forest() {
    int[] feature = {0, 0, 0, 0, 0, 0, 0, 2, 0, 0};
    float[] threshold = {0.5f, 0, 0, 0.5f, 0, 0, 0, 0.3f, 0, 0};
    int[] left = {1, 1, 2, 4, 4, 5, 6, 8, 8, 9};
    int[] right = {2, 1, 2, 5, 4, 5, 6, 9, 8, 9};
    float[] value = {0, 0.9f, 0.1f, 0, 0.1f, 0.9f, -0.2f, 0, 0, 0.6f};
    return new ClassifierForest(new TreeNodes(D, feature, threshold, left, right, value, new int[] {0, 3, 6, 7}, 1), 3,
        new int[] {0, 1, 1, 2});
  }

  @Test
  void theGraphGivesTheReferencesProbabilities() {
    int rows = 40;
    float[] x = new float[rows * D];
    SplittableRandom r = new SplittableRandom(2);
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextDouble();
    }
    float[] expected = forest().apply(x);
    float[] actual = new float[rows * 3];
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      try (TFloat32 t = (TFloat32) s.runner()
          .fetch(forest().build(tf, tf.constant(Shape.of(rows, D), DataBuffers.of(x, true, false)))).run().get(0)) {
        t.copyTo(DataBuffers.of(actual, false, false));
      }
    }
    for (int i = 0; i < actual.length; i++) {
      assertEquals(expected[i], actual[i], 1e-6, "element " + i);
    }
    for (int row = 0; row < rows; row++) {
      assertEquals(1.0, actual[row * 3] + actual[row * 3 + 1] + actual[row * 3 + 2], 1e-5, "row " + row);
    }
  }

  /** By hand: scores floored at 0 and normalised; all zero gives a uniform row. */
  @Test
  void scoresAreMeansFlooredAndNormalised() {
    // c0 0.2 ≤ 0.5: class 0 0.9; class 1 mean(0.1, −0.2) = −0.05 → 0; c2 0.9 > 0.3: class 2 0.6.
    float[] p = forest().apply(new float[] {0.2f, 0, 0.9f});
    assertEquals(0.9f / 1.5f, p[0], 1e-6);
    assertEquals(0f, p[1], 0f);
    assertEquals(0.6f / 1.5f, p[2], 1e-6);
    // c0 0.8: class 0 0.1; class 1 mean(0.9, −0.2) = 0.35; c2 0.1: class 2 0. Sum 0.45.
    float[] q = forest().apply(new float[] {0.8f, 0, 0.1f});
    assertEquals(0.1f / 0.45f, q[0], 1e-6);
    assertEquals(0.35f / 0.45f, q[1], 1e-6);
    assertEquals(0f, q[2], 0f);
    ClassifierForest zero = new ClassifierForest(new TreeNodes(D, new int[] {0}, new float[1], new int[1], new int[1],
        new float[] {-1f}, new int[] {0}, 0), 2, new int[] {1});
    float[] u = zero.apply(new float[] {0.5f, 0.5f, 0.5f});
    assertEquals(0.5f, u[0], 0f);
    assertEquals(0.5f, u[1], 0f);
  }

  @Test
  void treesMustNameClassesInRange() {
    TreeNodes leaf = new TreeNodes(D, new int[] {0}, new float[1], new int[1], new int[1], new float[1], new int[] {0}, 0);
    assertThrows(IllegalArgumentException.class, () -> new ClassifierForest(leaf, 2, new int[] {2}));
    assertThrows(IllegalArgumentException.class, () -> new ClassifierForest(leaf, 1, new int[] {0}));
  }
}
