package io.hexagan.graph;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Names of the members of an ensemble ({@link Architecture#members()}): K copies of the six
 * networks, each initialised from its own seeds and trained side by side in one graph on the same
 * table, each drawing its own batches and noise. Member 0's variables keep the plain names ({@code
 * encoder/w0}), so a one-member model is the model hexagan wrote before ensembles; member k ≥ 1's
 * are prefixed {@code member<k>/}.
 */
public final class Members {
  private Members() {}

  /** Prefix of member {@code k}'s variable names: "" for member 0, {@code member<k>/} otherwise. */
  public static String prefix(int k) {
    if (k < 0) {
      throw new IllegalArgumentException("member: expected 0 or more, found " + k);
    }
    return k == 0 ? "" : "member" + k + "/";
  }

  /**
   * Seed of member {@code k}'s random streams: the configured seed for member 0, so that a
   * one-member graph draws exactly what it drew before ensembles; a fixed odd stride apart otherwise.
   */
  public static long seed(long seed, int k) {
    return seed + 0x9E3779B97F4A7C15L * k;
  }

  /**
   * The mean of tensors of one shape (the members' outputs, or one loss over an iteration's
   * updates and members); the tensor itself when there is one.
   */
  static Operand<TFloat32> mean(Ops tf, List<Operand<TFloat32>> outputs) {
    if (outputs.size() == 1) {
      return outputs.get(0);
    }
    return tf.math.div(tf.math.addN(outputs), tf.constant((float) outputs.size()));
  }
}
