package io.hexagan.graph;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * G_MI with a second path beside E: from the row's observed cells straight to the logits of the
 * cells E did not see. Dense ({@link SkipConnectedNetwork}) or local to an image ({@link
 * LocalRefinerNetwork}). Either way no cell's own value reaches its own output.
 */
interface ObservedSkipNetwork<T extends TFloating> extends Network<T> {

  /**
   * The output for {@code input = [h | x | m | e]}, d_h + 3d columns: {@link #apply(Ops,
   * DenseNetwork.Weights, Operand, Operand, Operand, Operand)} of its four parts.
   */
  @Override
  default Operand<T> apply(Ops tf, DenseNetwork.Weights<T> weights, Operand<T> input) {
    int d = outputWidth();
    int latent = inputWidth() - 3 * d;
    return apply(tf, weights, columns(tf, input, 0, latent), columns(tf, input, latent, d),
        columns(tf, input, latent + d, d), columns(tf, input, latent + 2 * d, d));
  }

  /**
   * The output for hidden vectors {@code h}, the rows' observed values {@code x}, their mask {@code
   * m} and the mask E read {@code e}; with the last three null (rows decoded from G_CG's h_c, which
   * have no observed cells) the path contributes nothing.
   */
  Operand<T> apply(Ops tf, DenseNetwork.Weights<T> weights, Operand<T> h, Operand<T> x, Operand<T> m, Operand<T> e);

  /** The L1 norm the skip sparsity weighs, or null for a path without one. */
  Operand<T> l1(Ops tf, DenseNetwork.Weights<T> weights);

  private static <T extends TFloating> Operand<T> columns(Ops tf, Operand<T> input, int from, int count) {
    return tf.slice(input, tf.constant(new int[] {0, from}), tf.constant(new int[] {-1, count}));
  }
}
