package io.hexagan.graph;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;

/**
 * The zero-centred gradient penalties (Mescheder et al. 2018) of the two critics, built on
 * TensorFlow's own gradients so that optimising them differentiates through the critic's backward
 * pass (second-order terms included; see {@link SecondOrderGradients}).
 */
public final class GradientPenalties {
  private GradientPenalties() {}

  /**
   * L_GP_MI, the element-wise penalty of D_MI (eq. 6): for each output i, the squared norm of
   * {@code ∇_x̂ D_MI(x̂, y)_i}, averaged over the rows whose element i is observed, then averaged
   * over the outputs.
   *
   * <p>All per-output input gradients come from one backward pass: the batch is tiled once per
   * penalised output (block i of the tiled batch is the whole batch), block i keeps only output i
   * ({@link DenseNetwork#blockSelectedOutput}), and the gradient of the sum of the kept outputs
   * with respect to the tiled input holds, in block i, exactly the rows' gradients of output i.
   *
   * @param critic D_MI, whose input is {@code [x̂, y]} (or {@code x̂} when {@code labels} is null)
   * @param x the imputed batch x̂ [rows, d]; treated as a constant
   * @param labels y [rows, n_c], or null when D_MI takes no label
   * @param observed [rows, outputs]: 1 where output i of that row is penalised (element i
   *     observed; for a penalised label output, the row's label observed)
   * @param rows the batch size (static)
   * @param outputs how many leading outputs are penalised: d, or d + 1 with the label output
   */
  public static <T extends TFloating> Operand<T> elementwise(
      Ops tf, DenseNetwork<T> critic, DenseNetwork.Weights<T> weights, Operand<T> x,
      Operand<T> labels, Operand<T> observed, int rows, int outputs) {
    return elementwise(tf, critic, weights, x, labels, observed, rows, outputs, null);
  }

  /**
   * L_GP_MI over a subset of the outputs: the mean over the outputs listed in {@code sampled}
   * (int32 [k], k ≤ outputs) of their masked squared gradient norms. With outputs drawn uniformly
   * at random each iteration this is an unbiased estimate of the full penalty at k/outputs of its
   * cost; with {@code sampled} null it is the full penalty.
   *
   * @param sampled the penalised outputs, or null for all {@code outputs}
   */
  public static <T extends TFloating> Operand<T> elementwise(
      Ops tf, DenseNetwork<T> critic, DenseNetwork.Weights<T> weights, Operand<T> x,
      Operand<T> labels, Operand<T> observed, int rows, int outputs, Operand<TInt32> sampled) {
    int blocks = sampled == null ? outputs : (int) sampled.shape().get(0);
    Operand<T> tiledX = tf.tile(tf.stopGradient(x), tf.constant(new int[] {blocks, 1}));
    Operand<T> input = tiledX;
    if (labels != null) {
      Operand<T> tiledY = tf.tile(tf.stopGradient(labels), tf.constant(new int[] {blocks, 1}));
      input = tf.concat(List.of(tiledX, tiledY), tf.constant(1));
    }
    Operand<T> hidden = critic.hidden(tf, weights, input);
    Operand<T> selected = sampled == null
        ? critic.blockSelectedOutput(tf, weights, hidden, blocks, rows)
        : critic.gatheredOutput(tf, weights, hidden, sampled, blocks, rows);
    Operand<T> grad = inputGradient(tf, selected, tiledX);
    // Squared norm per tiled row, laid out as [blocks, rows].
    Operand<T> squared =
        tf.reshape(
            tf.reduceSum(tf.math.square(grad), tf.constant(1)),
            tf.constant(new int[] {blocks, rows}));
    Operand<T> mask = tf.linalg.transpose(
        sampled == null ? observed : tf.gather(observed, sampled, tf.constant(1)), tf.constant(new int[] {1, 0}));
    Operand<T> perOutput =
        tf.math.div(
            tf.reduceSum(tf.math.mul(mask, squared), tf.constant(1)),
            Losses.atLeastOne(tf, tf.reduceSum(mask, tf.constant(1))));
    return tf.math.mean(perOutput, tf.constant(0));
  }

  /**
   * L_GP_CG, the penalty of D_CG on real pairs (eq. 9): the mean over rows of {@code ‖∇_h
   * D_CG(h, y)‖²}.
   *
   * @param critic D_CG, whose input is {@code [h, y]} and whose output is one score
   * @param hidden h_l [rows, d_h]; treated as a constant
   * @param labels y_l [rows, n_c]
   */
  public static <T extends TFloating> Operand<T> conditional(
      Ops tf, DenseNetwork<T> critic, DenseNetwork.Weights<T> weights, Operand<T> hidden,
      Operand<T> labels) {
    Operand<T> h = tf.identity(tf.stopGradient(hidden));
    Operand<T> input = tf.concat(List.of(h, tf.stopGradient(labels)), tf.constant(1));
    Operand<T> scores = critic.apply(tf, weights, input);
    Operand<T> grad = inputGradient(tf, scores, h);
    return tf.math.mean(tf.reduceSum(tf.math.square(grad), tf.constant(1)), tf.constant(0));
  }

  /** ∂(Σ y)/∂x with an explicit all-ones seed. */
  @SuppressWarnings("unchecked")
  static <T extends TFloating> Operand<T> inputGradient(Ops tf, Operand<T> y, Operand<T> x) {
    Gradients g = tf.gradients(y, List.of(x), Gradients.dx(List.of(tf.onesLike(y))));
    return (Operand<T>) (Operand<?>) g.dy().get(0);
  }
}
