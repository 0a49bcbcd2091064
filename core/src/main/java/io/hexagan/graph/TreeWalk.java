package io.hexagan.graph;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gather;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Walks regression trees stored as flat node arrays (a split node sends a value ≤ its threshold to
 * {@code left}, others to {@code right}; a leaf's children are itself), in the graph and in plain
 * Java alike.
 */
final class TreeWalk {
  private TreeWalk() {}

  /**
   * The nodes reached from {@code node} [k, trees] after {@code levels} steps, each row of {@code x}
   * [k, d] walking its own row of trees: one gather per array per level.
   */
  static Operand<TInt32> walk(Ops tf, Operand<TFloat32> x, Operand<TInt32> node, int levels, int[] feature,
      float[] threshold, int[] left, int[] right) {
    Operand<TInt32> zero = tf.constant(0);
    Operand<TInt32> splitColumns = tf.constant(feature);
    Operand<TFloat32> thresholds = tf.constant(threshold);
    Operand<TInt32> lefts = tf.constant(left);
    Operand<TInt32> rights = tf.constant(right);
    for (int level = 0; level < levels; level++) {
      Operand<TFloat32> v = tf.gather(x, tf.gather(splitColumns, node, zero), tf.constant(1), Gather.batchDims(1L));
      node = tf.select(tf.math.lessEqual(v, tf.gather(thresholds, node, zero)), tf.gather(lefts, node, zero),
          tf.gather(rights, node, zero));
    }
    return node;
  }

  /** The leaf row {@code offset / d} of {@code x} reaches from {@code root}, within {@code levels} steps. */
  static int walk(float[] x, int offset, int root, int levels, int[] feature, float[] threshold, int[] left,
      int[] right) {
    int node = root;
    for (int step = 0; step < levels && left[node] != node; step++) {
      node = x[offset + feature[node]] <= threshold[node] ? left[node] : right[node];
    }
    return node;
  }
}
