package io.hexagan.graph;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * {@code keep ⊙ x + (1 − keep) ⊙ other}: the values of {@code x} where {@code keep} is 1 and of
 * {@code other} where it is 0. The paper's {@code x̂ = m ⊙ x + (1 − m) ⊙ x̄} (eq. 1), its noisy
 * input {@code m ⊙ x + (1 − m) ⊙ z}, and the fills of the baselines' networks are all this one
 * expression; {@code other} broadcasts over rows when it is one row.
 */
final class MaskBlend {

  private MaskBlend() {
  }

  static Operand<TFloat32> of(Ops tf, Operand<TFloat32> keep, Operand<TFloat32> x, Operand<TFloat32> other) {
    return tf.math.add(tf.math.mul(keep, x), tf.math.mul(tf.math.sub(tf.onesLike(keep), keep), other));
  }
}
