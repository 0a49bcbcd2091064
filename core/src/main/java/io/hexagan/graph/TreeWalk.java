package io.hexagan.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * The trees of a {@link TreeNodes} laid out for the graph's walk, which reaches the leaves
 * {@link TreeNodes#leafValue} reaches.
 *
 * <p>The nodes are numbered again, tree by tree and breadth first, so that an inner node's two
 * children sit side by side, the greater side first: a walker at node i reading value v moves to
 * {@code i + step[i] + (v ≤ threshold[i] ? 1 : 0)}. A node is one 64-bit word, its threshold's bits
 * above {@code step[i] << b | column[i]} (b the bits a column index takes), so a level costs two
 * gathers (the node's word, the row's value) and a few element-wise ops to unpack it. A leaf's step
 * is 0 and its threshold NaN, which no value is ≤, so a walker that has reached it stays; a NaN
 * value goes to the greater side, as in the reference. Nodes at {@code depth} steps from their root
 * end the walk as leaves do.
 *
 * <p>The grown trees are far from balanced (100 trees per column of {@code credit-2000.csv}: leaves
 * 11.7 levels deep on average, the deepest 33), so a walk of the deepest tree's length would mostly
 * step in place. At each level where the share of leaves lying deeper has halved since the last
 * such level, the walkers still at an inner node are gathered and walk on alone, and their nodes
 * are scattered back once they end.
 */
final class TreeWalk {
  private final int features;
  private final int columnBits;
  private final long[] node;
  private final float[] value;
  private final int[] root;
  private final int[] compactAt;
  private final int levels;

  private TreeWalk(int features, int columnBits, long[] node, float[] value, int[] root, int[] compactAt,
      int levels) {
    this.features = features;
    this.columnBits = columnBits;
    this.node = node;
    this.value = value;
    this.root = root;
    this.compactAt = compactAt;
    this.levels = levels;
  }

  /**
   * The layout of {@code trees} (a {@link TreeNodes} forms trees, each node reached once).
   *
   * @throws IllegalArgumentException if a tree is too large for a step and a column to share 31
   *     bits (trees grown here have at most 10,000 nodes: d up to 2¹⁷ fits)
   */
  static TreeWalk of(TreeNodes trees) {
    int[] oldFeature = trees.feature();
    float[] oldThreshold = trees.threshold();
    int[] left = trees.left();
    int[] right = trees.right();
    float[] oldValue = trees.value();
    int[] roots = trees.roots();
    int depth = trees.depth();
    int nodes = oldFeature.length;
    int[] feature = new int[nodes];
    float[] threshold = new float[nodes];
    int[] child = new int[nodes];
    float[] value = new float[nodes];
    int[] root = new int[roots.length];
    int[] old = new int[nodes];
    int[] level = new int[nodes];
    int[] endsAt = new int[depth + 1];
    int next = 0;
    for (int t = 0; t < roots.length; t++) {
      root[t] = next;
      old[next++] = roots[t];
      for (int i = root[t]; i < next; i++) {
        int o = old[i];
        if (left[o] == o || level[i] == depth) {
          threshold[i] = Float.NaN;
          child[i] = i;
          value[i] = oldValue[o];
          endsAt[level[i]]++;
        } else {
          feature[i] = oldFeature[o];
          threshold[i] = oldThreshold[o];
          child[i] = next;
          level[next] = level[i] + 1;
          old[next++] = right[o];
          level[next] = level[i] + 1;
          old[next++] = left[o];
        }
      }
    }
    int levels = depth;
    while (levels > 0 && endsAt[levels] == 0) {
      levels--;
    }
    int columnBits = 32 - Integer.numberOfLeadingZeros(trees.features() - 1);
    long[] packed = new long[next];
    for (int i = 0; i < next; i++) {
      long step = child[i] - i;
      if (step >= 1L << (31 - columnBits)) {
        throw new IllegalArgumentException("trees: a tree of more than " + step + " nodes over " + trees.features()
            + " columns is too large for the graph's walk");
      }
      packed[i] = (long) Float.floatToRawIntBits(threshold[i]) << 32 | step << columnBits | feature[i];
    }
    return new TreeWalk(trees.features(), columnBits, packed, Arrays.copyOf(value, next), root,
        compactions(endsAt, levels), levels);
  }

  /**
   * The levels after which the walkers still at an inner node are gathered: each where the share
   * of leaves lying deeper has halved since the previous one (each leaf standing for as many walks).
   */
  private static int[] compactions(int[] endsAt, int levels) {
    int walks = Arrays.stream(endsAt).sum();
    List<Integer> at = new ArrayList<>();
    int deeper = walks;
    double lastShare = 1;
    for (int level = 0; level < levels; level++) {
      deeper -= endsAt[level];
      double share = (double) deeper / walks;
      if (share <= lastShare / 2) {
        at.add(level);
        lastShare = share;
      }
    }
    return at.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The levels after which the walkers still walking are gathered (for tests). */
  int[] compactAt() {
    return compactAt.clone();
  }

  /** How many levels the walk takes: the deepest leaf's, at most the trees' depth. */
  int levels() {
    return levels;
  }

  /**
   * The leaf values [k, trees] reached by walkers that start at the roots of the trees {@code
   * tree} [k, trees] (indices into the trees), the walkers of row i reading row {@code rowOf[i]} of
   * {@code x} [n, d]; x must hold fewer than 2³¹ cells. The nodes and leaf values come from {@code
   * arrays}, named {@code name}/nodes and {@code name}/values.
   */
  Operand<TFloat32> leafValues(Ops tf, GraphArrays arrays, String name, Operand<TFloat32> x, Operand<TInt32> rowOf,
      Operand<TInt32> tree) {
    Operand<TInt32> zero = tf.constant(0);
    Operand<TInt32> flat = tf.constant(new int[] {-1});
    Operand<TInt32> walkers = tf.shape(tree);
    Operand<TInt64> nodes = arrays.longs(tf, name + "/nodes", node);
    Operand<TInt32> start = tf.reshape(tf.gather(tf.constant(root), tree, zero), flat);
    Operand<TInt32> offset = tf.reshape(
        tf.broadcastTo(tf.expandDims(tf.math.mul(rowOf, tf.constant(features)), tf.constant(1)), walkers), flat);
    Operand<TInt32> end = walk(tf, nodes, tf.reshape(x, flat), start, offset, 0, 0);
    return tf.reshape(tf.gather(arrays.floats(tf, name + "/values", value), end, zero), walkers);
  }

  /**
   * Walks {@code at} (each walker's node, its row's first cell at {@code offset} in {@code cells})
   * from {@code level} to the next compaction, then the walkers still at an inner node on.
   */
  private Operand<TInt32> walk(Ops tf, Operand<TInt64> nodes, Operand<TFloat32> cells, Operand<TInt32> at,
      Operand<TInt32> offset, int level, int compaction) {
    Operand<TInt32> zero = tf.constant(0);
    int until = compaction < compactAt.length ? compactAt[compaction] : levels;
    for (; level < until; level++) {
      Operand<TInt64> word = tf.gather(nodes, at, zero);
      Operand<TFloat32> threshold = tf.bitcast(
          tf.dtypes.cast(tf.bitwise.rightShift(word, tf.constant(32L)), TInt32.class), TFloat32.class);
      Operand<TInt32> low = tf.dtypes.cast(tf.bitwise.bitwiseAnd(word, tf.constant(0xffffffffL)), TInt32.class);
      Operand<TInt32> column = tf.bitwise.bitwiseAnd(low, tf.constant((1 << columnBits) - 1));
      Operand<TFloat32> v = tf.gather(cells, tf.math.add(offset, column), zero);
      Operand<TInt32> lower = tf.dtypes.cast(tf.math.lessEqual(v, threshold), TInt32.class);
      at = tf.math.add(tf.math.add(at, tf.bitwise.rightShift(low, tf.constant(columnBits))), lower);
    }
    if (level == levels) {
      return at;
    }
    Operand<TInt64> walking = tf.where(tf.math.notEqual(
        tf.bitwise.bitwiseAnd(tf.gather(nodes, at, zero), tf.constant(0xffffffffL << columnBits & 0x7fffffffL)),
        tf.constant(0L)));
    Operand<TInt32> onward = walk(tf, nodes, cells, tf.gatherNd(at, walking), tf.gatherNd(offset, walking), level,
        compaction + 1);
    return tf.tensorScatterNdUpdate(at, walking, onward);
  }
}
