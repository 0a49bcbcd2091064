package io.hexagan.graph;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * The binary cross-entropy of a logit, {@code −[z log σ(x) + (1 − z) log(1 − σ(x))]}, in the stable
 * form {@code max(x, 0) − x z + log(1 + e^{−|x|})} (TensorFlow's {@code
 * sigmoid_cross_entropy_with_logits}): finite for every finite logit, with no {@code log} of a
 * sigmoid that rounds to 0 or 1.
 */
public final class SigmoidCrossEntropy {
  private SigmoidCrossEntropy() {}

  /**
   * Element-wise cross-entropy.
   *
   * @param logits x, any shape
   * @param targets z in [0, 1], the shape of {@code logits}
   */
  public static <T extends TFloating> Operand<T> of(Ops tf, Operand<T> logits, Operand<T> targets) {
    Operand<T> positive = tf.math.maximum(logits, tf.zerosLike(logits));
    Operand<T> softTail = tf.math.log1p(tf.math.exp(tf.math.neg(tf.math.abs(logits))));
    return tf.math.add(tf.math.sub(positive, tf.math.mul(logits, targets)), softTail);
  }

  /** {@code −log σ(x)}: the cross-entropy against the target 1. */
  public static <T extends TFloating> Operand<T> againstOne(Ops tf, Operand<T> logits) {
    return of(tf, logits, tf.onesLike(logits));
  }

  /** {@code −log(1 − σ(x))}: the cross-entropy against the target 0. */
  public static <T extends TFloating> Operand<T> againstZero(Ops tf, Operand<T> logits) {
    return of(tf, logits, tf.zerosLike(logits));
  }
}
