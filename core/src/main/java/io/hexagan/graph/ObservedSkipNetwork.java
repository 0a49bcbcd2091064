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
   * The output for hidden vectors {@code h}, the rows' observed values {@code x}, their mask {@code
   * m} and the mask E read {@code e}; with the last three null (rows decoded from G_CG's h_c, which
   * have no observed cells) the path contributes nothing.
   */
  Operand<T> apply(Ops tf, DenseNetwork.Weights<T> weights, Operand<T> h, Operand<T> x, Operand<T> m, Operand<T> e);

  /** The L1 norm the skip sparsity weighs, or null for a path without one. */
  Operand<T> l1(Ops tf, DenseNetwork.Weights<T> weights);
}
