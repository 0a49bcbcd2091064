package io.hexagan.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The graph's walk of the trees, laid out again and with the finished walkers dropped along the
 * way, reaches the leaves the plain-Java walk reaches: ties go to the lower side, NaN to the
 * greater, walks stop at the trees' depth, and walkers read the rows they are given.
 */
class TreeWalkTest {
  private static final int D = 4;
  private static final float[] GRID = {-0.7f, -0.1f, 0f, 0.3f, 0.9f};

  /** Pre-order node arrays grown at random, as {@code ForestNodes} lays trees out. */
  private static final class Grower {
    final SplittableRandom random;
    int[] feature = new int[1 << 16];
    float[] threshold = new float[1 << 16];
    int[] left = new int[1 << 16];
    int[] right = new int[1 << 16];
    float[] value = new float[1 << 16];
    int nodes;
    int depth;

    Grower(long seed) {
      random = new SplittableRandom(seed);
    }

    /** A node at {@code level} and its subtree; each level splits 7 points less often, so leaves lie 1 to 14 deep. */
    int grow(int level) {
      int i = nodes++;
      if (level < 16 && random.nextDouble() < 1 - 0.07 * level) {
        feature[i] = random.nextInt(D);
        threshold[i] = GRID[random.nextInt(GRID.length)];
        left[i] = grow(level + 1);
        right[i] = grow(level + 1);
      } else {
        left[i] = i;
        right[i] = i;
        value[i] = (float) random.nextDouble();
        depth = Math.max(depth, level);
      }
      return i;
    }

    TreeNodes trees(int count, int walkDepth) {
      int[] roots = new int[count];
      for (int t = 0; t < count; t++) {
        roots[t] = grow(0);
      }
      return new TreeNodes(D, Arrays.copyOf(feature, nodes), Arrays.copyOf(threshold, nodes),
          Arrays.copyOf(left, nodes), Arrays.copyOf(right, nodes), Arrays.copyOf(value, nodes), roots,
          walkDepth < 0 ? depth : walkDepth);
    }
  }

  /** Rows in [−1, 1], half of them grid values (ties with every threshold), a NaN now and then. */
  private static float[] rows(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[n * D];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextDouble() < 0.05 ? Float.NaN
          : random.nextBoolean() ? GRID[random.nextInt(GRID.length)] : (float) (2 * random.nextDouble() - 1);
    }
    return x;
  }

  /** The graph's leaf values [walker rows, trees]: walker row i reads row rowOf[i], tree tree[i][j]. */
  private static float[] walk(TreeNodes trees, float[] x, int[] rowOf, int[] tree) {
    int walkers = rowOf.length;
    int width = tree.length / walkers;
    float[] out = new float[tree.length];
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      try (TFloat32 t = (TFloat32) s.runner().fetch(trees.leafValues(tf, GraphArrays.CONSTANTS, "trees",
          tf.constant(Shape.of(x.length / D, D), DataBuffers.of(x, true, false)), tf.constant(rowOf),
          tf.constant(Shape.of(walkers, width), DataBuffers.of(tree, true, false)))).run().get(0)) {
        t.copyTo(DataBuffers.of(out, false, false));
      }
    }
    return out;
  }

  @Test
  void reachesTheLeavesOfThePlainWalkThroughEveryCompaction() {
    TreeNodes trees = new Grower(3).trees(40, -1);
    TreeWalk layout = TreeWalk.of(trees);
    assertEquals(trees.depth(), layout.levels());
    assertTrue(layout.compactAt().length >= 3, "walkers gathered after levels " + Arrays.toString(layout.compactAt()));
    int n = 60;
    float[] x = rows(n, 4);
    SplittableRandom random = new SplittableRandom(5);
    int walkers = 300;
    int width = 7;
    int[] rowOf = new int[walkers];
    int[] tree = new int[walkers * width];
    for (int i = 0; i < walkers; i++) {
      rowOf[i] = random.nextInt(n);
      for (int j = 0; j < width; j++) {
        tree[i * width + j] = random.nextInt(trees.trees());
      }
    }
    float[] actual = walk(trees, x, rowOf, tree);
    for (int i = 0; i < walkers; i++) {
      for (int j = 0; j < width; j++) {
        assertEquals(trees.leafValue(x, rowOf[i] * D, tree[i * width + j]), actual[i * width + j], 0f,
            "walker " + i + ", tree " + tree[i * width + j]);
      }
    }
  }

  @Test
  void stopsAtTheTreesDepthAsThePlainWalkDoes() {
    TreeNodes deep = new Grower(6).trees(10, -1);
    TreeNodes cut = new TreeNodes(D, deep.feature(), deep.threshold(), deep.left(), deep.right(), deep.value(),
        deep.roots(), 3);
    assertEquals(3, TreeWalk.of(cut).levels());
    int n = 40;
    float[] x = rows(n, 7);
    int[] rowOf = new int[n];
    int[] tree = new int[n * cut.trees()];
    for (int i = 0; i < n; i++) {
      rowOf[i] = i;
      for (int t = 0; t < cut.trees(); t++) {
        tree[i * cut.trees() + t] = t;
      }
    }
    float[] actual = walk(cut, x, rowOf, tree);
    int innerEnds = 0;
    for (int i = 0; i < n; i++) {
      for (int t = 0; t < cut.trees(); t++) {
        float expected = cut.leafValue(x, i * D, t);
        innerEnds += expected == 0f ? 1 : 0;
        assertEquals(expected, actual[i * cut.trees() + t], 0f, "row " + i + ", tree " + t);
      }
    }
    assertTrue(innerEnds > 0, "some walks end at an inner node (value 0) after 3 steps");
  }

  /**
   * A chain of depth 7 whose greater side is a leaf at every level: leaves at depths 1–6 and two
   * at 7. Leaves deeper than level L: 8 − L of 8, so the walkers are gathered after 4 levels (half)
   * and after 6 (a quarter).
   */
  @Test
  void gathersTheWalkersWhereTheShareOfDeeperLeavesHalves() {
    int inner = 7;
    int nodes = 2 * inner + 1;
    int[] feature = new int[nodes];
    float[] threshold = new float[nodes];
    int[] left = new int[nodes];
    int[] right = new int[nodes];
    for (int i = 0; i < nodes; i++) {
      left[i] = i;
      right[i] = i;
    }
    for (int k = 0; k < inner; k++) {
      left[2 * k] = 2 * k + 2;
      right[2 * k] = 2 * k + 1;
      threshold[2 * k] = 0.5f;
    }
    TreeNodes chain = new TreeNodes(D, feature, threshold, left, right, new float[nodes], new int[] {0}, inner);
    assertArrayEquals(new int[] {4, 6}, TreeWalk.of(chain).compactAt());
    assertEquals(7, TreeWalk.of(chain).levels());
    TreeNodes overstated = new TreeNodes(D, feature, threshold, left, right, new float[nodes], new int[] {0}, 12);
    assertEquals(7, TreeWalk.of(overstated).levels(), "no walk goes beyond the deepest leaf");
  }

  /** A node's step to its children shares 31 bits with its column: over 2³⁰ columns one bit is left. */
  @Test
  void refusesTreesTooLargeForTheirColumnsBits() {
    int wide = 1 << 30;
    float[] none = new float[3];
    TreeNodes stump = new TreeNodes(wide, new int[3], none, new int[] {1, 1, 2}, new int[] {2, 1, 2}, none,
        new int[] {0}, 1);
    assertEquals(1, TreeWalk.of(stump).levels());
    // Depth 2, full: laid out again, the root's greater child steps 2 to its own children.
    float[] seven = new float[7];
    TreeNodes deeper = new TreeNodes(wide, new int[7], seven, new int[] {1, 2, 2, 3, 5, 5, 6},
        new int[] {4, 3, 2, 3, 6, 5, 6}, seven, new int[] {0}, 2);
    assertEquals(2, TreeWalk.of(new TreeNodes(D, deeper.feature(), seven, deeper.left(), deeper.right(), seven,
        deeper.roots(), 2)).levels());
    assertThrows(IllegalArgumentException.class, () -> TreeWalk.of(deeper));
  }

  @Test
  void nodesMustFormTrees() {
    float[] none = new float[3];
    // Node 0 splits to 1 and 2; a second tree rooted at 1 would share it.
    assertThrows(IllegalArgumentException.class, () -> new TreeNodes(D, new int[3], none, new int[] {1, 1, 2},
        new int[] {2, 1, 2}, none, new int[] {0, 1}, 1));
    // Both children the same node.
    assertThrows(IllegalArgumentException.class, () -> new TreeNodes(D, new int[3], none, new int[] {1, 1, 2},
        new int[] {1, 1, 2}, none, new int[] {0}, 1));
    // Node 2 splits back to node 1, node 0's child.
    assertThrows(IllegalArgumentException.class, () -> new TreeNodes(D, new int[3], none, new int[] {1, 1, 1},
        new int[] {2, 1, 0}, none, new int[] {0}, 1));
    new TreeNodes(D, new int[3], none, new int[] {1, 1, 2}, new int[] {2, 1, 2}, none, new int[] {0}, 1);
  }
}
