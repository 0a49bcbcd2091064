package io.hexagan.graph;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Several noise draws of one batch in one pass: the batch stacked {@code draws} times, each copy
 * with its own noise, and the per-row mean over the copies ({@code imputationDraws}). The training
 * graph's inference and the serving graph share these.
 */
final class Draws {
  private Draws() {}

  /** {@code [draws · rows, cols]}: the batch stacked {@code draws} times (itself for one draw). */
  static Operand<TFloat32> stack(Ops tf, Operand<TFloat32> x, int draws) {
    return draws == 1 ? x : tf.tile(x, tf.constant(new int[] {draws, 1}));
  }

  /** {@code [rows, cols]}: each row's mean over the {@code draws} stacked copies of {@code x}. */
  static Operand<TFloat32> mean(Ops tf, Operand<TFloat32> x, int draws, int cols) {
    if (draws == 1) {
      return x;
    }
    return tf.math.mean(tf.reshape(x, tf.constant(new int[] {draws, -1, cols})), tf.constant(0));
  }
}
