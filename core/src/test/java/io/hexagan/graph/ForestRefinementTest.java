package io.hexagan.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * The forests over an imputation: the graph's ops walk the trees as the plain-Java reference does,
 * each forest's mean lands on its column's missing cells only, read from one table and written
 * into another; a batch missing none of the forests' columns comes back as it was.
 */
class ForestRefinementTest {
  private static final int D = 4;
  private static final int ROWS = 50;

  /**
   * Column 0 has two trees: a stump on column 1 at 0.5 (leaves 0.2, 0.8) and a depth-2 tree on
   * column 2 at 0.3, then column 3 at 0.6 on its right (leaves 0.1; 0.4, 0.7). Column 2 has one
   * leaf-only tree predicting 0.55. Columns 1 and 3 have none.
   */
  private static ForestRefinement forest() {
    // Nodes 0–2: the stump; 3–7: the depth-2 tree; 8: the leaf.
    int[] feature = {1, 0, 0, 2, 0, 3, 0, 0, 0};
    float[] threshold = {0.5f, 0, 0, 0.3f, 0, 0.6f, 0, 0, 0};
    int[] left = {1, 1, 2, 4, 4, 6, 6, 7, 8};
    int[] right = {2, 1, 2, 5, 4, 7, 6, 7, 8};
    float[] value = {0, 0.2f, 0.8f, 0, 0.1f, 0, 0.4f, 0.7f, 0.55f};
    return new ForestRefinement(new TreeNodes(D, feature, threshold, left, right, value, new int[] {0, 3, 8}, 2),
        new int[] {0, 0, 2});
  }

  /** The same forests, column 0's mean blended with the read cell at share 0.25, column 2's at 0.5. */
  private static ForestRefinement blended() {
    ForestRefinement f = forest();
    return new ForestRefinement(f.trees(), f.treeColumn(), new float[] {0.25f, 1, 0.5f, 1});
  }

  /**
   * {@link #blended()} followed by a regrown round over the same columns at the same shares: column
   * 0 a stump on column 2 at 0.8 (leaves 0.1, 0.6), column 2 a stump on column 0 at 0.8 (leaves
   * 0.15, 0.95), each reading the cell the first round imputed.
   */
  private static ForestRefinement regrown() {
    int[] feature = {2, 0, 0, 0, 0, 0};
    float[] threshold = {0.8f, 0, 0, 0.8f, 0, 0};
    int[] left = {1, 1, 2, 4, 4, 5};
    int[] right = {2, 1, 2, 5, 4, 5};
    float[] value = {0, 0.1f, 0.6f, 0, 0.15f, 0.95f};
    ForestRefinement second = new ForestRefinement(new TreeNodes(D, feature, threshold, left, right, value,
        new int[] {0, 3}, 1), new int[] {0, 2}, blended().share());
    return blended().withRegrown(second);
  }

  /**
   * Forests that also read the row's class as two one-hot columns after the table's four: column 0
   * a stump on class 0's column (tree column 4) at 0.5, so class 0 gets 0.8 and class 1 0.2; column
   * 2 a stump on class 1's (tree column 5) at 0.4, class 0 0.3 and class 1 0.9; then a regrown
   * round, column 0 a stump on column 2 at 0.5 (leaves 0.1, 0.6) and column 2 one on class 0's
   * column at 0.7 (class 0 0.75, class 1 0.25).
   */
  private static ForestRefinement readingInputs(boolean regrow) {
    int[] feature = {4, 0, 0, 5, 0, 0};
    float[] threshold = {0.5f, 0, 0, 0.4f, 0, 0};
    int[] left = {1, 1, 2, 4, 4, 5};
    int[] right = {2, 1, 2, 5, 4, 5};
    float[] first = {0, 0.2f, 0.8f, 0, 0.3f, 0.9f};
    float[] second = {0, 0.1f, 0.6f, 0, 0.25f, 0.75f};
    float[] share = {1, 1, 1, 1};
    ForestRefinement out = new ForestRefinement(new TreeNodes(D + 2, feature, threshold, left, right, first,
        new int[] {0, 3}, 1), new int[] {0, 2}, share, null, 2);
    if (!regrow) {
      return out;
    }
    return out.withRegrown(new ForestRefinement(new TreeNodes(D + 2, new int[] {2, 0, 0, 4, 0, 0},
        new float[] {0.5f, 0, 0, 0.7f, 0, 0}, left, right, second, new int[] {0, 3}, 1), new int[] {0, 2}, share,
        null, 2));
  }

  @Test
  void theGraphReadsTheInputsBeyondTheTableAsTheReferenceDoes() {
    float[] extra = graphMatchesReference(readingInputs(false));
    graphMatchesReference(readingInputs(true));
    // By hand: a missing cell is each class's leaf weighted by the row's class probabilities.
    float[] read = new float[2 * D];
    float[] missing = {1, 0, 1, 0, 1, 0, 1, 0};
    float[] probabilities = {0.25f, 0.75f, 1, 0};
    float[] out = readingInputs(false).apply(read, read, missing, read, probabilities);
    assertEquals(0.25 * 0.8 + 0.75 * 0.2, out[0], 1e-6);
    assertEquals(0.25 * 0.3 + 0.75 * 0.9, out[2], 1e-6);
    assertEquals(0.8f, out[D], "a sure class takes its own leaf");
    assertEquals(0.3f, out[D + 2]);
    assertTrue(extra.length == ROWS * 2);
    assertThrows(IllegalArgumentException.class, () -> readingInputs(false).apply(read, read, missing),
        "inputs the trees read must be given");
    assertThrows(IllegalArgumentException.class, () -> readingInputs(false).withRegrown(regrown()),
        "a regrown round reads the same inputs");
  }

  @Test
  void theGraphWalksTheTreesAsTheReferenceDoes() {
    graphMatchesReference(forest());
  }

  @Test
  void theGraphBlendsAsTheReferenceDoes() {
    graphMatchesReference(blended());
  }

  @Test
  void theGraphRunsARegrownRoundAsTheReferenceDoes() {
    graphMatchesReference(regrown());
  }

  /** The inputs beyond the table drawn for the forest, if it reads any (null: none). */
  private static float[] graphMatchesReference(ForestRefinement forest) {
    SplittableRandom r = new SplittableRandom(5);
    float[] extra = forest.inputs() == 0 ? null : new float[ROWS * forest.inputs()];
    for (int i = 0; extra != null && i < extra.length; i++) {
      extra[i] = (float) r.nextDouble();
    }
    float[] read = new float[ROWS * D];
    float[] write = new float[ROWS * D];
    float[] missing = new float[ROWS * D];
    boolean[] isMissing = new boolean[ROWS * D];
    for (int i = 0; i < read.length; i++) {
      read[i] = (float) r.nextDouble();
      write[i] = (float) r.nextDouble();
      isMissing[i] = r.nextDouble() < 0.4;
      missing[i] = isMissing[i] ? 1 : 0;
    }
    read[0 * D + 1] = 0.5f; // exactly at a threshold: goes left
    if (extra != null) {
      extra[0] = 0.5f; // exactly at a threshold: goes left
    }
    float[] expected = forest.apply(read, write, missing, read, extra);
    float[] actual = new float[read.length];
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> out = forest.build(tf, tf.constant(Shape.of(ROWS, D), DataBuffers.of(read, true, false)),
          tf.constant(Shape.of(ROWS, D), DataBuffers.of(write, true, false)),
          tf.constant(Shape.of(ROWS, D), DataBuffers.of(isMissing, true, false)),
          extra == null ? null : tf.constant(Shape.of(ROWS, forest.inputs()), DataBuffers.of(extra, true, false)));
      try (TFloat32 t = (TFloat32) s.runner().fetch(out).run().get(0)) {
        t.copyTo(DataBuffers.of(actual, false, false));
      }
    }
    int changed = 0;
    for (int i = 0; i < read.length; i++) {
      int c = i % D;
      assertEquals(expected[i], actual[i], 1e-6, "cell " + i);
      if (!isMissing[i] || c == 1 || c == 3) {
        assertEquals(Float.floatToIntBits(write[i]), Float.floatToIntBits(actual[i]), "cell " + i + " left as it was");
      } else {
        changed++;
        if (c == 2 && forest.regrown() == null && forest.inputs() == 0) {
          float share = forest.share()[2];
          assertEquals(read[i] + share * (0.55f - read[i]), actual[i], 1e-6, "a leaf-only tree predicts its leaf");
        }
      }
    }
    assertTrue(changed > 10, "imputed cells: " + changed);
    return extra;
  }

  /** Rows missing none of the forests' columns: nothing to walk, the written table comes back. */
  @Test
  void noMissingCellLeavesTheTableAsItWas() {
    float[] write = {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f};
    boolean[] none = new boolean[8];
    none[1] = true; // column 1 has no forest
    float[] actual = new float[8];
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> table = tf.constant(Shape.of(2, D), DataBuffers.of(write, true, false));
      Operand<TFloat32> out = forest().build(tf, table, table,
          tf.constant(Shape.of(2, D), DataBuffers.of(none, true, false)), null);
      try (TFloat32 t = (TFloat32) s.runner().fetch(out).run().get(0)) {
        t.copyTo(DataBuffers.of(actual, false, false));
      }
    }
    for (int i = 0; i < write.length; i++) {
      assertEquals(Float.floatToIntBits(write[i]), Float.floatToIntBits(actual[i]), "cell " + i);
    }
  }

  /** By hand: each of column 0's trees, and their mean. */
  @Test
  void aForestPredictsTheMeanOfItsTrees() {
    float[] missing = {1, 0, 0, 0};
    // c1 0.5 ≤ 0.5: stump 0.2; c2 0.9 > 0.3, c3 0.6 ≤ 0.6: 0.4. Mean 0.3.
    assertEquals(0.3f, forest().apply(new float[] {0, 0.5f, 0.9f, 0.6f}, new float[] {0.9f, 0, 0, 0}, missing)[0], 1e-6);
    // c1 0.7: stump 0.8; c2 0.1 ≤ 0.3: 0.1. Mean 0.45.
    assertEquals(0.45f, forest().apply(new float[] {0, 0.7f, 0.1f, 0.9f}, new float[] {0.9f, 0, 0, 0}, missing)[0], 1e-6);
    // An observed cell keeps the written table's value.
    assertEquals(0.9f, forest().apply(new float[] {0, 0.7f, 0.1f, 0.9f}, new float[] {0.9f, 0, 0, 0},
        new float[4])[0], 0f);
  }

  /** By hand: column 0's mean 0.3 blended at share 0.25 with the read cell's 0.9 is 0.75. */
  @Test
  void aBlendMixesTheForestsMeanWithTheReadCell() {
    float[] out = blended().apply(new float[] {0.9f, 0.5f, 0.9f, 0.6f}, new float[] {0.1f, 0, 0.2f, 0},
        new float[] {1, 0, 0, 0});
    assertEquals(0.75f, out[0], 1e-6);
    assertEquals(0.2f, out[2], 0f, "a cell not missing keeps the written value");
    assertTrue(blended().blended()[0] && blended().blended()[2]);
    assertTrue(!forest().blended()[0] && !blended().blended()[1], "share 1, or no forest: not blended");
  }

  /**
   * By hand: the first round makes column 0 0.75 and column 2 0.725 (as in {@link
   * #aBlendMixesTheForestsMeanWithTheReadCell}; 0.9 + 0.5 · (0.55 − 0.9)); the regrown round reads
   * those (0.725 ≤ 0.8: leaf 0.1; 0.75 ≤ 0.8: leaf 0.15) and blends with the read cells again: 0.9
   * + 0.25 · (0.1 − 0.9) = 0.7 and 0.9 + 0.5 · (0.15 − 0.9) = 0.525. Reading the original cells
   * would give 0.825 and 0.925; blending with the first round's, 0.5875 and 0.4375.
   */
  @Test
  void aRegrownRoundReadsThePreviousRoundAndBlendsWithTheReadCell() {
    float[] out = regrown().apply(new float[] {0.9f, 0.5f, 0.9f, 0.6f}, new float[] {0.1f, 0, 0.2f, 0},
        new float[] {1, 0, 1, 0});
    assertEquals(0.7f, out[0], 1e-6);
    assertEquals(0.525f, out[2], 1e-6);
    assertEquals(0f, out[1], 0f, "a column without forests keeps the written value");
    assertEquals(2, regrown().rounds());
    assertEquals(1, blended().rounds());
  }

  /** A regrown round must impute the same columns with the same shares as the round before. */
  @Test
  void aRegrownRoundMatchesTheColumnsAndShares() {
    ForestRefinement second = regrown().regrown();
    assertThrows(IllegalArgumentException.class, () -> forest().withRegrown(second), "other shares");
    ForestRefinement onlyColumn0 = new ForestRefinement(second.trees(), new int[] {0, 0}, second.share());
    assertThrows(IllegalArgumentException.class, () -> blended().withRegrown(onlyColumn0), "other columns");
  }

  @Test
  void nodesMustNameColumnsAndChildrenInRange() {
    assertThrows(IllegalArgumentException.class, () -> new TreeNodes(D, new int[] {4}, new float[1],
        new int[1], new int[1], new float[1], new int[] {0}, 0));
    assertThrows(IllegalArgumentException.class, () -> new TreeNodes(D, new int[] {0}, new float[1],
        new int[] {1}, new int[1], new float[1], new int[] {0}, 0));
    TreeNodes leaf = new TreeNodes(D, new int[] {0}, new float[1], new int[1], new int[1], new float[1], new int[] {0}, 0);
    assertThrows(IllegalArgumentException.class, () -> new ForestRefinement(leaf, new int[] {D}));
    assertThrows(IllegalArgumentException.class, () -> new ForestRefinement(leaf, new int[] {0, 1}));
    assertThrows(IllegalArgumentException.class, () -> new ForestRefinement(leaf, new int[] {0}, new float[] {1, 1, 0, 1}));
    assertThrows(IllegalArgumentException.class, () -> new ForestRefinement(leaf, new int[] {0}, new float[] {1}));
  }
}
