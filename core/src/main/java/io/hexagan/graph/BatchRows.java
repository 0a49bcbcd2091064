package io.hexagan.graph;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt32;

/** Row indices of a training batch, drawn inside the graph from seeded random ops. */
public final class BatchRows {
  private BatchRows() {}

  /**
   * {@code batch} distinct rows of {@code [0, rows)}, uniformly: the first {@code batch} entries of
   * a fresh permutation, as GAIN's reference code draws its batches.
   */
  public static Operand<TInt32> withoutReplacement(Ops tf, int rows, int batch, SeedStream seeds) {
    if (batch < 1 || batch > rows) {
      throw new IllegalArgumentException("batch: expected 1 to " + rows + " rows, found " + batch);
    }
    Operand<TInt32> all = tf.range(tf.constant(0), tf.constant(rows), tf.constant(1));
    Operand<TInt32> shuffled = tf.random.randomShuffle(all, seeds.shuffle());
    return tf.slice(shuffled, tf.constant(new int[] {0}), tf.constant(new int[] {batch}));
  }

  /** {@code batch} rows of {@code [0, rows)} drawn uniformly with replacement. */
  public static Operand<TInt32> withReplacement(Ops tf, int rows, int batch, SeedStream seeds) {
    if (rows < 1 || batch < 1) {
      throw new IllegalArgumentException("rows and batch: expected ≥ 1, found " + rows + " and " + batch);
    }
    return tf.random.randomUniformInt(tf.constant(new int[] {batch}), tf.constant(0), tf.constant(rows),
        seeds.uniformInt());
  }
}
